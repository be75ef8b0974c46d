import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A cross-process lock: `mkdir` is atomic, so whoever creates the directory holds the lock. The holder's pid is
 * written inside, so a lock left behind by a crashed process is recognised and taken over.
 */
export async function withDirectoryLock<T>(lockDir: string, action: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Waiting, not failing: the EEXIST is the normal case and not the cause of a timeout.
      if (await holderIsGone(lockDir)) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${lockDir}`, { cause: error });
      await sleep(100);
    }
  }
  try {
    await writeFile(path.join(lockDir, 'pid'), String(process.pid));
    return await action();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

async function holderIsGone(lockDir: string): Promise<boolean> {
  let pid: number;
  try {
    pid = Number(await readFile(path.join(lockDir, 'pid'), 'utf8'));
  } catch {
    // The holder may be between mkdir and writing its pid; only a lock without a pid for a while is stale.
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
