import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Starting a Meilisearch server of our own, for the commands that need one (the search benchmark,
 * meilisearch-server.ts) and for the tests (test/helpers/meilisearch.ts): found by `MEILI_BINARY` or on PATH, run on
 * a free loopback port with a temporary data directory and a random master key. MEILI_BINARY is read by commands
 * and tests, not by the app, so it is not in src/config.ts.
 */

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A binary from MEILI_BINARY, else `meilisearch` on PATH; or why there is none. */
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

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The server's `pkgVersion`. */
export async function serverVersion(url: string, apiKey: string | undefined): Promise<string> {
  const response = await fetch(`${url}/version`, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
  if (!response.ok) throw new Error(`GET ${url}/version: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { pkgVersion: string }).pkgVersion;
}

export interface MeiliProcess {
  url: string;
  apiKey: string;
  dir: string;
  /** Starts the server (again, on the same port and data) and waits until it is healthy. */
  start(): Promise<void>;
  /** Stops it and waits for the exit; SIGKILL is a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Stops it and removes its data. */
  remove(): Promise<void>;
  pid(): number | undefined;
  output(): string;
}

/** A server of our own, not started yet. `args` are added to ours (e.g. indexing threads). */
export async function meiliProcess(binary: string, options: { dirPrefix: string; args?: string[] }): Promise<MeiliProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), options.dirPrefix));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const apiKey = randomBytes(24).toString('hex');
  let output = '';
  let child: ChildProcess | undefined;
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (!child || !running()) return;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  return {
    url,
    apiKey,
    dir,
    async start() {
      // Loopback only, no analytics, everything under the temporary directory; a clean environment so no MEILI_*
      // variable of the caller's changes the server, and cwd in the directory so no stray config.toml is read.
      const started = spawn(
        binary,
        ['--http-addr', `127.0.0.1:${port}`, '--db-path', path.join(dir, 'data.ms'), '--dump-dir', path.join(dir, 'dumps'), '--snapshot-dir', path.join(dir, 'snapshots'),
          '--master-key', apiKey, '--env', 'development', '--no-analytics', '--log-level', 'WARN', ...(options.args ?? [])],
        { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child = started;
      started.stdout.on('data', (chunk) => (output += String(chunk)));
      started.stderr.on('data', (chunk) => (output += String(chunk)));
      // A process killed without running its cleanup (tap's timeout, Ctrl-C): a detached watchdog stops the server
      // and removes its directory once this process is gone, so no server outlives its user.
      spawn('/bin/sh', ['-c', 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; kill -9 "$2" 2>/dev/null; rm -rf "$3"', 'watchdog', String(process.pid), String(started.pid), dir], {
        detached: true,
        stdio: 'ignore',
      }).unref();
      const deadline = Date.now() + 30_000;
      for (;;) {
        if (started.exitCode !== null) throw new Error(`meilisearch (${binary}) exited with ${started.exitCode}:\n${output}`);
        if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) return;
        if (Date.now() > deadline) throw new Error(`meilisearch (${binary}) did not become healthy within 30 s:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop,
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
    pid: () => child?.pid,
    output: () => output,
  };
}
