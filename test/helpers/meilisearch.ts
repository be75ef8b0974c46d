import { randomBytes } from 'node:crypto';
import { findMeiliBinary, meiliProcess, serverVersion } from '../../scripts/lib/meilisearch-process.js';
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

/** A binary from MEILI_BINARY, else `meilisearch` on PATH. */
function findBinary(): MeiliAvailability {
  const found = findMeiliBinary();
  return 'binary' in found ? { kind: 'binary', binary: found.binary } : { kind: 'none', reason: `${found.reason} (CI has no Meilisearch server; see README, "Meilisearch")` };
}

export function findMeilisearch(): MeiliAvailability {
  const config = loadConfig();
  if (config.meilisearch) return { kind: 'url', url: config.meilisearch.url, apiKey: config.meilisearch.apiKey };
  return findBinary();
}

async function startOwn(t: TapLike, binary: string): Promise<MeiliServer> {
  // One indexing thread and bounded memory: several test files share two cores.
  const server = await meiliProcess(binary, { dirPrefix: 'meili-test-', args: ['--max-indexing-threads', '1', '--max-indexing-memory', '512 MiB'] });
  t.teardown(() => server.remove());
  await server.start();
  const { url, apiKey } = server;
  return {
    url,
    apiKey,
    version: await serverVersion(url, apiKey),
    own: true,
    indexName: (prefix) => `${prefix}_${randomBytes(4).toString('hex')}`,
    kill: () => server.stop('SIGKILL'),
    restart: () => server.start(),
    logs: () => server.output(),
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
