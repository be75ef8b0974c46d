import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/config.js';

/**
 * A Meilisearch server for a command that needs one (the search benchmark), found as the tests find theirs
 * (test/helpers/meilisearch.ts):
 *  - `MEILI_URL` (with `MEILI_API_KEY`) from the app's config: a server someone runs (its memory cannot be read);
 *  - else a binary from `MEILI_BINARY` or `meilisearch` on PATH, started on a free 127.0.0.1 port with a temporary
 *    data directory and a random master key, and stopped (its directory removed) by `stop()` — or by a detached
 *    watchdog when this process dies without stopping it.
 * Throws, with what to set, when there is neither. MEILI_BINARY is read by commands and tests, not by the app, so it
 * is not in src/config.ts.
 */

export interface CommandMeiliServer {
  url: string;
  apiKey: string | undefined;
  version: string;
  /** The server's process when started here (its memory can be read); undefined for MEILI_URL. */
  pid: number | undefined;
  describe: string;
  /** Resident and peak memory of a server started here, in MB. */
  memory(): { rss: number; peak: number } | undefined;
  stop(): Promise<void>;
}

export class NoMeilisearchError extends Error {}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findMeiliBinary(env = process.env): { binary: string } | { reason: string } {
  if (env.MEILI_BINARY) {
    return executable(env.MEILI_BINARY) ? { binary: path.resolve(env.MEILI_BINARY) } : { reason: `MEILI_BINARY=${env.MEILI_BINARY} is not an executable file` };
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'meilisearch');
    if (executable(candidate)) return { binary: candidate };
  }
  return { reason: 'no MEILI_URL, no MEILI_BINARY and no `meilisearch` on PATH' };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function serverVersion(url: string, apiKey: string | undefined): Promise<string> {
  const response = await fetch(`${url}/version`, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
  if (!response.ok) throw new Error(`GET ${url}/version: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { pkgVersion: string }).pkgVersion;
}

export function processMemory(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

export async function meilisearchForCommand(config: Config, log: (message: string) => void): Promise<CommandMeiliServer> {
  if (config.meilisearch) {
    const { url, apiKey } = config.meilisearch;
    const version = await serverVersion(url, apiKey).catch((error: Error) => {
      throw new NoMeilisearchError(`MEILI_URL=${url} does not answer: ${error.message}`);
    });
    return { url, apiKey, version, pid: undefined, describe: `MEILI_URL ${url}`, memory: () => undefined, stop: async () => {} };
  }
  const found = findMeiliBinary();
  if ('reason' in found) {
    throw new NoMeilisearchError(
      `--engine includes meilisearch, but there is no server: ${found.reason}. Set MEILI_URL (and MEILI_API_KEY) to a running server, ` +
        'or MEILI_BINARY to a meilisearch binary (README, "Meilisearch").',
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'meili-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const apiKey = randomBytes(24).toString('hex');
  let output = '';
  // Loopback only, no analytics, everything under the temporary directory, Meilisearch's default indexing threads
  // and memory; a clean environment so no MEILI_* variable changes the server, cwd there so no config.toml is read.
  const child: ChildProcess = spawn(
    found.binary,
    ['--http-addr', `127.0.0.1:${port}`, '--db-path', path.join(dir, 'data.ms'), '--dump-dir', path.join(dir, 'dumps'), '--snapshot-dir', path.join(dir, 'snapshots'),
      '--master-key', apiKey, '--env', 'development', '--no-analytics', '--log-level', 'WARN'],
    { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  spawn('/bin/sh', ['-c', 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; kill -9 "$2" 2>/dev/null; rm -rf "$3"', 'watchdog', String(process.pid), String(child.pid), dir], {
    detached: true,
    stdio: 'ignore',
  }).unref();
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`meilisearch (${found.binary}) exited with ${child.exitCode}:\n${output}`);
      if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break;
      if (Date.now() > deadline) throw new Error(`meilisearch (${found.binary}) did not become healthy within 30 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const version = await serverVersion(url, apiKey);
    log(`started Meilisearch ${version} (${found.binary}) on ${url}, data in ${dir}`);
    return { url, apiKey, version, pid: child.pid, describe: `${found.binary}, started by the bench`, memory: () => processMemory(child.pid!), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
