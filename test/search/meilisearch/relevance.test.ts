import t from 'tap';
import { insertEntries } from '../../../db/seed/bulk-entries.js';
import { MeilisearchEngine } from '../../../src/search/meilisearch/engine.js';
import { createTestDatabase } from '../../helpers/database.js';
import { meilisearchFor } from '../../helpers/meilisearch.js';
import { targetEntries } from '../relevance/entries.js';
import { fillerEntries } from '../relevance/fillers.js';

/**
 * The relevance suite (judged queries against a realistic register, see ../relevance.test.ts) against a real
 * Meilisearch, with the same thresholds as the Postgres engine. The measure is imported from the Postgres file, and
 * only when there is a server, so `npm test` does not run the Postgres relevance test twice.
 */
const server = await meilisearchFor(t, 'Meilisearch relevance suite');
if (server) {
  const { measureRelevance } = await import('../relevance.test.js');
  t.test(`relevance on Meilisearch ${server.version}: success@3 ≥ 0.9 over the judged queries`, { timeout: 300_000 }, async (t) => {
    const database = await createTestDatabase(t);
    await insertEntries(database.db, [...targetEntries, ...(await fillerEntries(database.db))]);
    const index = server.indexName('relevance');
    const engine = new MeilisearchEngine(database.db, { url: server.url, apiKey: server.apiKey, index, timeoutMs: 10_000 });
    t.teardown(() => engine.client.deleteIndexIfExists(index));
    await engine.rebuild();
    const { rows, success, mrr } = await measureRelevance(engine);
    for (const miss of rows.filter((r) => r.rank < 1 || r.rank > 3)) {
      t.comment(`miss: "${miss.zoekterm}" (${miss.regel}) → rank ${miss.rank || '>10'}, top 3: ${miss.top.join(', ') || '(nothing)'}`);
    }
    t.comment(`Meilisearch: success@3 = ${success.toFixed(3)}, MRR = ${mrr.toFixed(3)} over ${rows.length} queries`);
    t.ok(success >= 0.9, `success@3 ${success.toFixed(3)} ≥ 0.9`);
    t.ok(mrr >= 0.8, `MRR ${mrr.toFixed(3)} ≥ 0.8`);
  });
}
