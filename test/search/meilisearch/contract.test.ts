import t from 'tap';
import { MeilisearchEngine } from '../../../src/search/meilisearch/engine.js';
import { createTestDatabase } from '../../helpers/database.js';
import { meilisearchFor } from '../../helpers/meilisearch.js';
import { searchContract } from '../contract.js';

/**
 * The shared search contract against a real Meilisearch (see test/helpers/meilisearch.ts for where the server comes
 * from; skipped with the reason when there is none).
 */
const server = await meilisearchFor(t, 'Meilisearch contract suite');
if (server) {
  t.comment(`Meilisearch ${server.version} at ${server.url}${server.own ? ' (started for this file)' : ''}`);
  await searchContract(t, `MeilisearchEngine (${server.version})`, async (t) => {
    const database = await createTestDatabase(t);
    const index = server.indexName('contract');
    const engine = new MeilisearchEngine(database.db, { url: server.url, apiKey: server.apiKey, index, timeoutMs: 5_000 });
    t.teardown(() => engine.client.deleteIndexIfExists(index));
    return { engine, database };
  });
}
