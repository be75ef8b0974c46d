import { sql } from 'drizzle-orm';
import t from 'tap';
import { insertEntries, organisationsForSynthesis } from '../../db/seed/bulk-entries.js';
import { synthesise } from '../../db/seed/synthetic.js';
import { EstimateReuse } from '../../src/search/postgres/estimate-reuse.js';
import { PostgresSearchEngine } from '../../src/search/postgres/engine.js';
import type { SearchPolicy, Viewer } from '../../src/search/port.js';
import { createTestDatabase } from '../helpers/database.js';
import { documentSource } from '../../src/search/document-source.js';

/**
 * Estimated counts are reused for a minute (src/search/postgres/estimate-reuse.ts); exact counts and the page
 * itself never are.
 */

const viewer: Viewer = { organisatie: 'gm0014', pmm: false };
const policy = (): SearchPolicy => ({ bevestigingMaanden: 12, verificatieMaanden: 12, now: new Date() });

t.test('EstimateReuse keeps a value for its lifetime, the newest entries, and nothing with a lifetime of 0', async (t) => {
  const reuse = new EstimateReuse<number>(60_000, 2);
  reuse.set('a', 1, 0);
  t.equal(reuse.get('a', 59_999), 1);
  t.equal(reuse.get('a', 60_000), undefined, 'expired after its lifetime');
  reuse.set('a', 1, 0);
  reuse.set('b', 2, 0);
  reuse.set('c', 3, 0);
  t.equal(reuse.get('a', 1), undefined, 'the oldest goes when full');
  t.equal(reuse.get('c', 1), 3);
  const never = new EstimateReuse<number>(0);
  never.set('a', 1, 0);
  t.equal(never.get('a', 0), undefined);
});

t.test('the engine reuses an estimated total, not an exact one, and ranks the page afresh', async (t) => {
  const database = await createTestDatabase(t);
  await insertEntries(database.db, synthesise(400, await organisationsForSynthesis(database.db), 11));
  const search = (engine: PostgresSearchEngine, zoekterm: string) => engine.search({ zoekterm, filters: {}, pagina: 1, paginaGrootte: 10 }, viewer, policy());
  const sampled = new PostgresSearchEngine(database.db, { window: 20 });
  const fresh = new PostgresSearchEngine(database.db, { window: 20, estimateReuseMs: 0 });
  const exact = new PostgresSearchEngine(database.db);
  await sampled.rebuild(documentSource(database.db));

  const before = await search(sampled, 'schuld');
  t.ok(before.geschat, `past a window of 20 the total is estimated (${before.totaal})`);
  const exactBefore = await search(exact, 'schuld');
  t.notOk(exactBefore.geschat);
  t.ok(exactBefore.totaal > 40, `a broad word (${exactBefore.totaal} matches)`);

  // Half of the matches stop being findable.
  const shown = before.hits[0]!.document.id;
  await database.db.execute(sql`
    UPDATE zoekdocumenten SET status = 'inactief'
    WHERE vector @@ 'schuld'::tsquery AND (steekproef < 0.5 OR professional_id = ${shown}::uuid)`);

  const after = await search(sampled, 'schuld');
  t.equal(after.totaal, before.totaal, 'the estimate is reused');
  t.notOk(after.hits.some((h) => h.document.id === shown), 'the page is ranked afresh: the deactivated entry is gone');
  t.ok((await search(fresh, 'schuld')).totaal < before.totaal, 'without reuse the estimate follows the change');
  t.ok((await search(exact, 'schuld')).totaal < exactBefore.totaal, 'an exact total is never reused');
});
