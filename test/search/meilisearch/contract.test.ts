import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { loadConfig } from '../../../src/config.js';
import { MeilisearchEngine } from '../../../src/search/meilisearch/engine.js';
import { createTestDatabase } from '../../helpers/database.js';
import { searchContract } from '../contract.js';

/**
 * The shared search contract against a real Meilisearch: when MEILI_URL is set (MEILI_API_KEY with it), or a
 * `meilisearch` binary is on PATH (started here on a free loopback port with a temporary data directory).
 * Otherwise skipped, saying why: Meilisearch cannot be installed on the project's build machines.
 */
function binaryOnPath(): boolean {
  try {
    execFileSync('meilisearch', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const config = loadConfig();
const external = config.meilisearch;
if (!external && !binaryOnPath()) {
  t.skip('Meilisearch contract suite: no MEILI_URL and no `meilisearch` binary on PATH (it cannot be installed on these build machines; see README, "Meilisearch")', () => {});
} else {
  let url = external?.url;
  if (!url) {
    const port = 17_700 + Math.floor(Math.random() * 1000);
    const child = spawn('meilisearch', ['--http-addr', `127.0.0.1:${port}`, '--db-path', path.join(mkdtempSync(path.join(tmpdir(), 'meili-')), 'data'), '--no-analytics'], { stdio: 'ignore' });
    t.teardown(() => child.kill());
    url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await searchContract(t, 'MeilisearchEngine', async (t) => {
    const database = await createTestDatabase(t);
    const engine = new MeilisearchEngine(database.db, { url: url!, apiKey: external?.apiKey, index: `contract_${database.name}`, timeoutMs: 5_000 });
    t.teardown(() => engine.client.deleteIndexIfExists(`contract_${database.name}`));
    return { engine, database };
  });
}
