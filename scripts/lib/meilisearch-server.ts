import { readFileSync } from 'node:fs';
import type { Config } from '../../src/config.js';
import { findMeiliBinary, meiliProcess, serverVersion } from './meilisearch-process.js';

export { findMeiliBinary };

/**
 * A Meilisearch server for a command that needs one (the search benchmark), found as the tests find theirs
 * (test/helpers/meilisearch.ts; both start it by meilisearch-process.ts):
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
  // Meilisearch's default indexing threads and memory: the bench measures it as an operator would run it.
  const server = await meiliProcess(found.binary, { dirPrefix: 'meili-bench-' });
  try {
    await server.start();
    const version = await serverVersion(server.url, server.apiKey);
    log(`started Meilisearch ${version} (${found.binary}) on ${server.url}, data in ${server.dir}`);
    const pid = server.pid()!;
    return { url: server.url, apiKey: server.apiKey, version, pid, describe: `${found.binary}, started by the bench`, memory: () => processMemory(pid), stop: () => server.remove() };
  } catch (error) {
    await server.remove();
    throw error;
  }
}
