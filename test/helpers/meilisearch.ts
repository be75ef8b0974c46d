import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';

/**
 * The one way Meilisearch test files get a real server:
 *  - `MEILI_URL` (with `MEILI_API_KEY`), read through the app's own config: a server someone runs;
 *  - else a `meilisearch` binary from `MEILI_BINARY` or PATH, started here on a free loopback port with a temporary
 *    data directory and a random master key, and stopped (and its directory removed) when the test file ends.
 * Without either, the file is skipped with the reason (CI has no server) — unless `MEILI_REQUIRED=true`
 * (`npm run test:meilisearch`), when that is a failure. The test environment (not the app) reads MEILI_BINARY and
 * MEILI_REQUIRED, so they are not in src/config.ts.
 */

interface TapLike {
  teardown(fn: () => unknown): void;
  skip(name: string, fn: () => void): unknown;
  fail(message: string): unknown;
}

export type MeiliAvailability =
  | { kind: 'url'; url: string; apiKey: string | undefined }
  | { kind: 'binary'; binary: string }
  | { kind: 'none'; reason: string };

export interface MeiliServer {
  url: string;
  apiKey: string | undefined;
  /** The server's `pkgVersion`. */
  version: string;
  /** Started by this test file (so it may be stopped and started again); false for MEILI_URL. */
  own: boolean;
  /** A name for an index of this test's own (several files may share one server). */
  indexName(prefix: string): string;
  /** Stops an own server (SIGKILL: as if it crashed). */
  kill(): Promise<void>;
  /** Starts an own server again on the same port and data. */
  restart(): Promise<void>;
  logs(): string;
}

const required = () => process.env.MEILI_REQUIRED === 'true';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A binary from MEILI_BINARY, else `meilisearch` on PATH. */
function findBinary(): MeiliAvailability {
  const configured = process.env.MEILI_BINARY;
  if (configured) {
    return executable(configured) ? { kind: 'binary', binary: path.resolve(configured) } : { kind: 'none', reason: `MEILI_BINARY=${configured} is not an executable file` };
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'meilisearch');
    if (executable(candidate)) return { kind: 'binary', binary: candidate };
  }
  return { kind: 'none', reason: 'no MEILI_URL, no MEILI_BINARY and no `meilisearch` on PATH (CI has no Meilisearch server; see README, "Meilisearch")' };
}

export function findMeilisearch(): MeiliAvailability {
  const config = loadConfig();
  if (config.meilisearch) return { kind: 'url', url: config.meilisearch.url, apiKey: config.meilisearch.apiKey };
  return findBinary();
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

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`meilisearch exited with ${child.exitCode}:\n${output()}`);
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`meilisearch did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

async function serverVersion(url: string, apiKey: string | undefined): Promise<string> {
  const response = await fetch(`${url}/version`, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
  if (!response.ok) throw new Error(`GET ${url}/version: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { pkgVersion: string }).pkgVersion;
}

async function startOwn(t: TapLike, binary: string): Promise<MeiliServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'meili-test-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const apiKey = randomBytes(24).toString('hex');
  let output = '';
  let child: ChildProcess;
  const launch = async () => {
    // Loopback only, no analytics, everything under the temporary directory; a clean environment so no MEILI_*
    // variable of the caller's changes the server, and cwd in the directory so no stray config.toml is read.
    child = spawn(
      binary,
      [
        '--http-addr', `127.0.0.1:${port}`,
        '--db-path', path.join(dir, 'data.ms'),
        '--dump-dir', path.join(dir, 'dumps'),
        '--snapshot-dir', path.join(dir, 'snapshots'),
        '--master-key', apiKey,
        '--env', 'development',
        '--no-analytics',
        '--max-indexing-threads', '1',
        '--max-indexing-memory', '512 MiB',
        '--log-level', 'WARN',
      ],
      { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    // A test process killed by tap's timeout runs no teardown: a detached watchdog stops the server and removes its
    // directory once this process is gone, so no server outlives its test.
    spawn('/bin/sh', ['-c', 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; kill -9 "$2" 2>/dev/null; rm -rf "$3"', 'watchdog', String(process.pid), String(child.pid), dir], {
      detached: true,
      stdio: 'ignore',
    }).unref();
    await waitForHealth(url, child, () => output);
  };
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  await launch();
  t.teardown(async () => {
    await kill();
    rmSync(dir, { recursive: true, force: true });
  });
  const version = await serverVersion(url, apiKey);
  return {
    url,
    apiKey,
    version,
    own: true,
    indexName: (prefix) => `${prefix}_${randomBytes(4).toString('hex')}`,
    kill,
    restart: launch,
    logs: () => output,
  };
}

/**
 * A Meilisearch server for this test file, or `undefined` after skipping (or failing, with MEILI_REQUIRED) with the
 * reason. `own: true` asks for a server this file starts itself (to stop it), even when MEILI_URL is set.
 */
export async function meilisearchFor(t: TapLike, what: string, options: { own?: boolean } = {}): Promise<MeiliServer | undefined> {
  let found = findMeilisearch();
  if (options.own && found.kind === 'url') {
    found = findBinary();
    if (found.kind === 'none') found = { kind: 'none', reason: `needs a server of its own to stop and start: ${found.reason}; MEILI_URL alone is not enough` };
  }
  if (found.kind === 'none') {
    if (required()) t.fail(`${what}: MEILI_REQUIRED=true but ${found.reason}`);
    else t.skip(`${what}: skipped, ${found.reason}`, () => {});
    return undefined;
  }
  if (found.kind === 'binary') return startOwn(t, found.binary);
  const { url, apiKey } = found;
  return {
    url,
    apiKey,
    version: await serverVersion(url, apiKey),
    own: false,
    indexName: (prefix) => `${prefix}_${randomBytes(4).toString('hex')}`,
    kill: async () => {
      throw new Error('not our server: MEILI_URL');
    },
    restart: async () => {
      throw new Error('not our server: MEILI_URL');
    },
    logs: () => '',
  };
}

/** The app's environment for a test app that searches with this server. */
export function meiliEnv(server: MeiliServer, index: string): Record<string, string> {
  return { SEARCH_ENGINE: 'meilisearch', MEILI_URL: server.url, ...(server.apiKey ? { MEILI_API_KEY: server.apiKey } : {}), MEILI_INDEX: index };
}
