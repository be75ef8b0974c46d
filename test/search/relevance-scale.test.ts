import t from 'tap';
import { insertEntries, organisationsForSynthesis } from '../../db/seed/bulk-entries.js';
import { lifecycles, synthesise } from '../../db/seed/synthetic.js';
import { PostgresSearchEngine } from '../../src/search/postgres/engine.js';
import { createTestDatabase } from '../helpers/database.js';
import { judgements, type Judgement } from './relevance/judgements.js';
import { describeMiss, engineRanker, fixtureKey, loadScenario, measure } from './relevance/measure.js';

/**
 * The relevance suite at scale: the relevance fixture beside 10,000 generated entries (confirmed, verified and absent
 * as in a register in use), so thousands of entries compete on every broad word and most are verified while the
 * fixture's entries are not. Names and rare expertise must still find their own entry in the top 3: text evidence
 * decides before verification and freshness.
 *
 * Only queries with a single right answer in such a register: full names the generator cannot make (its first
 * names are listed in db/seed/synthetic.ts), and expertise it never assigns (urgentie, verblijfsrecht, nazorg na
 * detentie — no profile carries them). A query for a law that thousands of generated entries know has hundreds of
 * right answers, and is judged in relevance.test.ts instead.
 */

const byTerm = (zoekterm: string): Judgement => {
  const judgement = judgements.find((j) => j.zoekterm === zoekterm && !j.filters);
  if (!judgement) throw new Error(`no judgement for "${zoekterm}"`);
  return judgement;
};

/** Full names: the fixture entry is the only one with this name. */
const names: Judgement[] = [
  byTerm('Hatice Yilmaz'),
  byTerm('Sjoerd Dijkstra'),
  byTerm('Mark van Gestel'),
  { zoekterm: 'Wietske Hoekstra', relevant: ['wietske-groningen'], regel: 'full name' },
  { zoekterm: 'Hylke Zijlstra', relevant: ['hylke-leeuwarden'], regel: 'full name' },
  { zoekterm: 'Eva de Boer', relevant: ['eva-tilburg'], regel: 'full name with a particle' },
  { zoekterm: 'Samira Bouzid', relevant: ['samira-rotterdam'], regel: 'full name' },
  { zoekterm: 'Youssef El Khatib', relevant: ['youssef-amsterdam'], regel: 'full name, three words' },
  { zoekterm: 'Priya Ramdin DUO', relevant: ['priya-duo'], regel: 'full name + organisation' },
  { zoekterm: 'Annelies Vermeulen LBIO', relevant: ['annelies-lbio'], regel: 'full name + organisation' },
];

/** Expertise no generated entry has: the fixture entry is the only right answer. */
const rareExpertise: Judgement[] = [
  byTerm('urgentieverklaring'),
  byTerm('verblijfsvergunning'),
  byTerm('ex-gedetineerden'),
  { zoekterm: 'woningtoewijzing', relevant: ['inge-nijmegen'], regel: 'rare expertise (synonym)' },
  { zoekterm: 'reclassering', relevant: ['koen-arnhem'], regel: 'rare expertise (synonym)' },
  { zoekterm: 'koppelingswet', relevant: ['hamza-ind'], regel: 'rare expertise (synonym)' },
  { zoekterm: 'verblijfsrecht beslismedewerker', relevant: ['hamza-ind'], regel: 'rare expertise + function' },
].map((j) => ({ ...j, ookRelevant: undefined }));

const generated = 10_000;

t.test(`relevance at scale: the fixture beside ${generated.toLocaleString('en')} generated entries`, async (t) => {
  const database = await createTestDatabase(t);
  const started = Date.now();
  await loadScenario(database.db, 'fixture');
  const organisations = await organisationsForSynthesis(database.db);
  const states = lifecycles(generated, 2024);
  await insertEntries(
    database.db,
    synthesise(generated, organisations, 2024).map((entry, i) => ({ ...entry, ...states[i]!, email: entry.email.replace('@', `.g${i}@`) })),
  );
  // Fresh planner statistics, as `npm run generate` leaves them.
  await database.sql`ANALYZE zoekdocumenten`;
  t.comment(`loaded ${generated.toLocaleString('en')} generated entries beside the fixture in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Nobody generated shares a name or a rare expertise with the fixture: the queries have one right answer each.
  const [shared] = await database.sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM professionals p
    WHERE p.email NOT LIKE '%@relevantie.example'
      AND (p.naam = ANY(${names.map((j) => j.zoekterm)})
           OR EXISTS (SELECT 1 FROM professional_expertisegebieden e WHERE e.professional_id = p.id
                      AND e.expertisegebied_code IN ('urgentie', 'verblijfsrecht', 'nazorg-detentie')))`;
  t.equal(shared?.n, 0, 'no generated entry shares a name or a rare expertise with the fixture');

  const engine = new PostgresSearchEngine(database.db);
  for (const [label, set] of [
    ['names', names],
    ['rare expertise', rareExpertise],
  ] as const) {
    const { rows, success, mrr } = await measure(engineRanker(engine), set);
    for (const row of rows) {
      const found = row.judged.findIndex((j) => fixtureKey(j.document) !== undefined && row.relevant.includes(fixtureKey(j.document)!)) + 1;
      if (found < 1) t.comment(describeMiss(row));
      t.ok(found >= 1 && found <= 3, `"${row.zoekterm}" (${row.regel}): ${row.relevant.join(' or ')} at rank ${found || '>3'}`);
    }
    t.comment(`${label}: success@3 = ${success.toFixed(3)}, MRR = ${mrr.toFixed(3)} over ${rows.length} queries`);
  }
});
