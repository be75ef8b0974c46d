import t from 'tap';
import { insertEntries } from '../../db/seed/bulk-entries.js';
import { PostgresSearchEngine } from '../../src/search/postgres/engine.js';
import type { SearchEngine } from '../../src/search/port.js';
import { createTestDatabase } from '../helpers/database.js';
import { targetEntries } from './relevance/entries.js';
import { fillerEntries } from './relevance/fillers.js';
import { judgements } from './relevance/judgements.js';

/**
 * The relevance suite: judged queries against a realistic register. Fails below success@3 = 0.9 and prints every
 * miss, so a regression shows which query and rule broke.
 */
export async function measureRelevance(engine: SearchEngine) {
  const rows = [];
  for (const judgement of judgements) {
    const result = await engine.search(
      { zoekterm: judgement.zoekterm, filters: judgement.filters ?? {}, pagina: 1, paginaGrootte: 10 },
      { organisatie: 'gm0014', pmm: false },
      { bevestigingMaanden: 12, verificatieMaanden: 12, now: new Date() },
    );
    const keys = result.hits.map((h) => h.document.email.split('@')[0]!.replace(/\..*$/, ''));
    const isRelevant = (index: number) => {
      const document = result.hits[index]!.document;
      const also = judgement.ookRelevant;
      return (
        judgement.relevant.includes(keys[index]!) ||
        (also?.expertisegebied?.some((code) => document.expertisePad.includes(code)) ?? false) ||
        (also?.functie?.test(document.functie) ?? false)
      );
    };
    const rank = keys.findIndex((_, index) => isRelevant(index)) + 1;
    rows.push({ ...judgement, rank, top: keys.slice(0, 3) });
  }
  const success = rows.filter((r) => r.rank >= 1 && r.rank <= 3).length / rows.length;
  const mrr = rows.reduce((sum, r) => sum + (r.rank > 0 ? 1 / r.rank : 0), 0) / rows.length;
  return { rows, success, mrr };
}

t.test('relevance: success@3 ≥ 0.9 over the judged queries', async (t) => {
  const database = await createTestDatabase(t);
  await insertEntries(database.db, [...targetEntries, ...(await fillerEntries(database.db))]);
  const [organisations] = await database.sql<{ n: number }[]>`SELECT count(DISTINCT organisatie_code)::int AS n FROM professionals`;
  t.ok((organisations?.n ?? 0) >= 30, `fixture spans ${organisations?.n} organisations`);
  t.ok(judgements.length >= 40, `${judgements.length} judged queries`);

  const { rows, success, mrr } = await measureRelevance(new PostgresSearchEngine(database.db));
  for (const miss of rows.filter((r) => r.rank < 1 || r.rank > 3)) {
    t.comment(`miss: "${miss.zoekterm}" (${miss.regel}) → rank ${miss.rank || '>10'}, top 3: ${miss.top.join(', ') || '(nothing)'}`);
  }
  t.comment(`success@3 = ${success.toFixed(3)}, MRR = ${mrr.toFixed(3)} over ${rows.length} queries`);
  t.ok(success >= 0.9, `success@3 ${success.toFixed(3)} ≥ 0.9`);
  t.ok(mrr >= 0.8, `MRR ${mrr.toFixed(3)} ≥ 0.8`);
});
