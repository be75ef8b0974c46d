import t from 'tap';
import { insertEntries, organisationsForSynthesis } from '../../db/seed/bulk-entries.js';
import { synthesise } from '../../db/seed/synthetic.js';
import { PostgresSearchEngine } from '../../src/search/postgres/engine.js';
import type { SearchFilters, SearchPolicy, SearchResult, Viewer } from '../../src/search/port.js';
import { createTestDatabase } from '../helpers/database.js';
import { contractEntries, hiddenFromOutsiders } from './contract-fixture.js';
import { documentSource } from '../../src/search/document-source.js';

/**
 * The Postgres engine's bounded work (src/search/postgres/window.ts), made visible at test scale with a window of
 * 40 instead of 1,000: past the window, totals and facets are estimates, ranking and paging stay within the sample,
 * and visibility still holds; within it, the answer is exactly the unbounded one.
 */

const outsider: Viewer = { organisatie: 'gm0014', pmm: false };
const policy = (): SearchPolicy => ({ bevestigingMaanden: 12, verificatieMaanden: 12, now: new Date() });
const key = (email: string) => email.split('@')[0]!;

t.test('sampled windows', async (t) => {
  const database = await createTestDatabase(t);
  await insertEntries(database.db, [...synthesise(800, await organisationsForSynthesis(database.db), 7), ...contractEntries]);
  const exact = new PostgresSearchEngine(database.db, { window: 1_000_000 });
  await exact.rebuild(documentSource(database.db));
  const sampled = new PostgresSearchEngine(database.db, { window: 40 });
  const search = (engine: PostgresSearchEngine, zoekterm: string | undefined, filters: SearchFilters = {}, pagina = 1, paginaGrootte = 10) =>
    engine.search({ zoekterm, filters, pagina, paginaGrootte }, outsider, policy());
  const ids = (result: SearchResult) => result.hits.map((h) => h.document.id);

  t.test('past the window, totals and facet counts are estimates near the exact ones', async (t) => {
    for (const zoekterm of [undefined, 'schuld']) {
      const [full, estimate] = [await search(exact, zoekterm), await search(sampled, zoekterm)];
      t.notOk(full.geschat, `${zoekterm ?? '(leeg)'}: an unbounded window counts exactly`);
      t.ok(full.totaal > 100, `${zoekterm ?? '(leeg)'}: a broad query (${full.totaal} matches)`);
      t.ok(estimate.geschat, 'marked as an estimate');
      // k = 41 gives a relative standard error of about 16 %; a factor 1.6 is more than 3 of those.
      t.ok(estimate.totaal > full.totaal / 1.6 && estimate.totaal < full.totaal * 1.6, `estimate ${estimate.totaal} near ${full.totaal}`);
      t.equal(estimate.bladerbaar, 40, 'only the sample can be paged through');
      const known = new Set(full.facetten.organisatieType.map((f) => f.waarde));
      t.ok(estimate.facetten.organisatieType.every((f) => known.has(f.waarde) && f.aantal > 0), 'facet values are real ones, with estimated counts');
      const sum = estimate.facetten.organisatieType.reduce((total, f) => total + f.aantal, 0);
      t.ok(sum > full.totaal / 1.6 && sum < full.totaal * 1.6, 'facet counts add up to about the total');
    }
  });

  t.test('paging walks the ranked sample without repeats, and ends with it', async (t) => {
    const seen: string[] = [];
    for (let pagina = 1; pagina <= 4; pagina++) seen.push(...ids(await search(sampled, 'schuld', {}, pagina)));
    t.equal(seen.length, 40);
    t.equal(new Set(seen).size, 40, 'no entry on two pages');
    t.same(ids(await search(sampled, 'schuld', {}, 5)), [], 'past the sample: nothing');
  });

  t.test('visibility holds inside the sample: hidden entries never appear', async (t) => {
    const hidden = new Set(hiddenFromOutsiders);
    for (const [zoekterm, filters] of [
      ['schuld', {}],
      [undefined, { organisatie: ['gm0363'] }],
      [undefined, { expertisegebied: ['schulden'] }],
      ['schulden', { organisatieType: ['gemeente'] }],
    ] as [string | undefined, SearchFilters][]) {
      for (let pagina = 1; pagina <= 4; pagina++) {
        const result = await search(sampled, zoekterm, filters, pagina);
        t.notOk(
          result.hits.some((h) => hidden.has(key(h.document.email))),
          `${zoekterm ?? '(leeg)'} ${JSON.stringify(filters)} page ${pagina}: no hidden entry`,
        );
      }
    }
  });

  t.test('within the window the answer is exactly the unbounded one', async (t) => {
    for (const [zoekterm, filters] of [
      ['Joëlle CAK', {}],
      ['wanbetalers', {}],
      [undefined, { organisatie: ['gm0599'] }],
    ] as [string | undefined, SearchFilters][]) {
      const [full, bounded] = [await search(exact, zoekterm, filters, 1, 50), await search(sampled, zoekterm, filters, 1, 50)];
      t.ok(full.totaal <= 40, `${zoekterm ?? JSON.stringify(filters)}: ${full.totaal} matches fit the window`);
      // A facet with its own filter is counted without it: that window is broad, and estimated.
      const own = (result: SearchResult) => ({ ...result, facetten: { ...result.facetten, organisatie: filters.organisatie ? [] : result.facetten.organisatie } });
      t.same(own(bounded), own(full), 'same hits, totals and facets');
    }
  });
});
