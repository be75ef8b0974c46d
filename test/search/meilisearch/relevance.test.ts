import t from 'tap';
import { MeilisearchEngine } from '../../../src/search/meilisearch/engine.js';
import { createTestDatabase } from '../../helpers/database.js';
import { meilisearchFor } from '../../helpers/meilisearch.js';
import { describeMiss, engineRanker, loadScenario, measure, summarise } from '../relevance/measure.js';
import { documentSource } from '../../../src/search/document-source.js';

/**
 * The relevance suite (judged queries, see ../relevance.test.ts and ../relevance/measure.ts) against a real
 * Meilisearch, with the same thresholds as the Postgres engine: on the fixture alone, and beside the demo data where
 * many queries have competing right answers.
 */
const server = await meilisearchFor(t, 'Meilisearch relevance suite');
if (server) {
  t.setTimeout(600_000);
  for (const scenario of ['fixture', 'demo'] as const) {
    t.test(`relevance on Meilisearch ${server.version}, ${scenario}: success@3 ≥ 0.9 over the judged queries`, { timeout: 300_000 }, async (t) => {
      const database = await createTestDatabase(t);
      await loadScenario(database.db, scenario);
      const index = server.indexName('relevance');
      const engine = new MeilisearchEngine(database.db, { url: server.url, apiKey: server.apiKey, index, timeoutMs: 10_000 });
      t.teardown(() => engine.client.deleteIndexIfExists(index));
      await engine.rebuild(documentSource(database.db));
      const all = await measure(engineRanker(engine));
      for (const miss of all.rows.filter((r) => r.rank < 1 || r.rank > 3)) t.comment(`${miss.competing ? '[competing] ' : ''}${describeMiss(miss)}`);
      t.comment(`Meilisearch, ${scenario}: success@3 = ${all.success.toFixed(3)}, MRR = ${all.mrr.toFixed(3)} over ${all.rows.length} queries`);
      t.ok(all.success >= 0.9, `success@3 ${all.success.toFixed(3)} ≥ 0.9`);
      t.ok(all.mrr >= 0.8, `MRR ${all.mrr.toFixed(3)} ≥ 0.8`);
      if (scenario === 'demo') {
        const competing = summarise(all.rows.filter((r) => r.competing));
        t.comment(`Meilisearch, competing: success@3 = ${competing.success.toFixed(3)}, MRR = ${competing.mrr.toFixed(3)} over ${competing.rows.length} queries`);
        t.ok(competing.success >= 0.9, `on the competing queries: success@3 ${competing.success.toFixed(3)} ≥ 0.9`);
      }
    });
  }
}
