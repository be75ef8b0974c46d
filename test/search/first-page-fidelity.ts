import type { Test } from 'tap';
import { insertEntries, organisationsForSynthesis } from '../../db/seed/bulk-entries.js';
import { lifecycles, synthesise } from '../../db/seed/synthetic.js';
import { PostgresSearchEngine } from '../../src/search/postgres/engine.js';
import type { SearchFilters, SearchRequest, Viewer } from '../../src/search/port.js';
import { createTestDatabase } from '../helpers/database.js';

/**
 * The first pages are exact: for broad queries (many more matches than the engine reads for its counts), with
 * filters, a desired level, other viewers and later pages, the default engine shows exactly what the exhaustive
 * ranking of every match shows. Also with a walk of only 60 documents, so the catch-up of documents that beat the
 * walk's best does the work. A return to sampled ranking fails this test.
 */

const policy = { bevestigingMaanden: 12, verificatieMaanden: 12, now: new Date() };
/**
 * Broad and narrow queries, split over four test files so each stays well inside the per-file timeout on a busy
 * machine (two files took 90–95 s of tap's 120 s in a CI run at load 8).
 */
export const fidelityQueries = [
  ['', 'schulden', 'schuld', 'sch', 'pa'],
  ['uwv', 'gemeente', 'teamleider', 'consulent', 'participatiewet'],
  ['bijstand', 'toeslagen', 'zorg', 'amsterdam', 'jeugdhulp', 'wmo'],
  ['schulden uwv', 'uwv ww', 'schuldhulp rotterdam', 'kinderbijslg', 'maatwerkteam'],
] as const;
/**
 * How many cases of each part must be broad (more than 200 matches), so the parts keep testing what they are for:
 * about two thirds of what the synthetic register gives (48, 21, 36 and 4 in session 8; the last part is narrow).
 */
export const minimumBroad = [30, 14, 24, 2] as const;
const filterSets: SearchFilters[] = [{}, { organisatieType: ['gemeente'] }, { provincie: ['Utrecht', 'Noord-Holland'] }, { rolniveau: ['specialist'], geverifieerd: true }];
const viewers: Viewer[] = [
  { organisatie: 'gm0363', pmm: false },
  { organisatie: 'zb000117', pmm: true },
];

export async function firstPagesEqualTheExhaustiveRanking(t: Test, queries: readonly string[], minimumBroad: number) {
  const database = await createTestDatabase(t);
  const organisations = await organisationsForSynthesis(database.db);
  const states = lifecycles(3000, 5);
  await insertEntries(database.db, synthesise(3000, organisations, 5).map((entry, i) => ({ ...entry, ...states[i]! })));
  await database.sql`ANALYZE zoekdocumenten`;
  const exhaustive = new PostgresSearchEngine(database.db, { window: 100_000_000 });
  const engines = { default: new PostgresSearchEngine(database.db), 'walk of 60': new PostgresSearchEngine(database.db, { walk: 60, window: 200 }) };

  let broad = 0;
  let compared = 0;
  const disagreements: string[] = [];
  for (const zoekterm of queries) {
    for (const [f, filters] of filterSets.entries()) {
      for (const [v, viewer] of viewers.entries()) {
        const cases: Omit<SearchRequest, 'filters'>[] = [
          { zoekterm, pagina: 1, paginaGrootte: 10 },
          ...(f === 0 && v === 0 ? [{ zoekterm, pagina: 3, paginaGrootte: 10 }, { zoekterm, pagina: 1, paginaGrootte: 10, gewenstRolniveau: 'coordinatie' as const }] : []),
        ];
        for (const c of cases) {
          const request = { ...c, filters };
          const reference = await exhaustive.search(request, viewer, policy);
          if (reference.totaal > 200) broad++;
          for (const [name, engine] of Object.entries(engines)) {
            const result = await engine.search(request, viewer, policy);
            compared++;
            const expected = reference.hits.slice(0, Math.max(0, result.bladerbaar - (c.pagina - 1) * c.paginaGrootte)).map((h) => h.document.id);
            const got = result.hits.map((h) => h.document.id);
            if (JSON.stringify(got) !== JSON.stringify(expected)) {
              disagreements.push(`${name}: "${zoekterm}" ${JSON.stringify(filters)} ${JSON.stringify(viewer)} page ${c.pagina}${c.gewenstRolniveau ? ` level ${c.gewenstRolniveau}` : ''}`);
            }
          }
        }
      }
    }
  }
  t.ok(broad >= minimumBroad, `${broad} of the cases match more than 200 entries, beyond the small engine's count window`);
  t.same(disagreements, [], `all ${compared} first pages agree with the exhaustive ranking`);
}
