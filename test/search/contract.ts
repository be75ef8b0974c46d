import type { Test } from 'tap';
import { insertEntries } from '../../db/seed/bulk-entries.js';
import type { Database } from '../../src/database/connection.js';
import type { SearchEngine, SearchFilters, SearchPolicy, SearchRequest, Viewer } from '../../src/search/port.js';
import { contractEntries, hiddenFromOutsiders, visibleToOutsiders } from './contract-fixture.js';
import { documentSource, loadSearchDocuments } from '../../src/search/document-source.js';

/**
 * What every search engine must do. Each engine's test file calls `searchContract` with a way to build the engine
 * on a database that holds the contract fixture. Where engines may rank differently, assertions are on sets.
 */

const outsider: Viewer = { organisatie: 'gm0014', pmm: false };
const policy = (): SearchPolicy => ({ bevestigingMaanden: 12, verificatieMaanden: 12, now: new Date() });
const key = (email: string) => email.split('@')[0]!;

export async function searchContract(t: Test, name: string, setup: (t: Test) => Promise<{ engine: SearchEngine; database: Database }>) {
  t.test(`${name}: search contract`, async (t) => {
    const { engine, database } = await setup(t);
    await insertEntries(database.db, contractEntries);
    await engine.rebuild(documentSource(database.db));

    const search = async (zoekterm: string | undefined, filters: SearchFilters = {}, viewer: Viewer = outsider, extra: Partial<SearchRequest> = {}) =>
      engine.search({ zoekterm, filters, pagina: 1, paginaGrootte: 50, ...extra }, viewer, policy());
    const keys = async (...args: Parameters<typeof search>) => (await search(...args)).hits.map((h) => key(h.document.email));
    const set = async (...args: Parameters<typeof search>) => (await keys(...args)).sort();
    const top = async (zoekterm: string) => (await keys(zoekterm))[0];

    t.test('an empty zoekterm lists every visible entry', async (t) => {
      const result = await search(undefined);
      t.equal(result.totaal, visibleToOutsiders.length);
      t.same((await set(undefined)), [...visibleToOutsiders].sort());
      t.same(await set('   '), [...visibleToOutsiders].sort(), 'whitespace is empty');
    });

    t.test('matching', async (t) => {
      t.equal(await top('Joelle'), 'joelle', 'diacritics ignored: Joelle = Joëlle');
      t.equal(await top('Joëlle CAK'), 'joelle', 'name and organisation together');
      t.ok((await set('client')).includes('fatima'), 'diacritics ignored: client = cliënten');
      t.ok((await set('schuldhulpverleners')).includes('eva'), 'Dutch stemming: plural finds singular');
      t.ok((await set('schuldh')).includes('eva'), 'prefix of the last word while typing');
      t.ok((await set('hulpverlening')).includes('eva'), 'part of a compound word: hulpverlening in schuldhulpverlening');
      t.ok((await set('tilbrug')).includes('eva'), 'one typo from 5 characters (transposition)');
      t.ok((await set('arbiedsdeskundige')).includes('sanne'), 'typo in a long word');
      t.ok((await set('arbeidsdeskndge')).includes('sanne'), 'two typos from 9 characters');
      t.notOk((await set('wmp')).includes('ruud'), 'no typos below 5 characters');
      t.same(await set('Pw'), ['pieter', 'wendy'], 'abbreviation from the taxonomy: Pw → Participatiewet');
      t.same(await set('bijstand'), ['pieter', 'wendy'], 'synonym: bijstand ⇄ Participatiewet');
      t.same(await set('Wmo'), ['ruud'], 'Wmo');
      t.same(await set('wet maatschappelijke ondersteuning'), ['ruud'], 'Wmo ⇄ Wet maatschappelijke ondersteuning');
      t.same(await set('BVV'), ['noor'], 'BVV → beslagvrije voet');
      t.same(await set('UWV'), ['noor', 'sanne'], 'organisation abbreviation');
      t.same(await set('uitvoeringsinstituut'), ['noor', 'sanne'], 'organisation name');
      t.same(await set('gemeente Tilburg'), ['eva'], 'official organisation name');
      t.same(await set('Tilburg'), ['eva'], 'organisation short name');
      t.same(await set('premieachterstand'), ['joelle'], 'trefwoorden are searchable');
      t.same(await set('hersteloperatie'), ['fatima'], 'overMij is searchable');
      t.same(await set('zorgpremie achterstand'), ['joelle'], 'all words must match (here via taxonomy synonyms and a compound part)');
      t.same(await set('de het van'), [], 'only stop words: nothing');
      t.same(await set('xyzzyqwv'), [], 'no match: nothing');
    });

    t.test('field weights: name and expertise above function and organisation, above free text', async (t) => {
      // "Klantmanager" is Pieter's and Wendy's function; "wanbetalers" is Joëlle's function and expertise.
      t.equal(await top('wanbetalers'), 'joelle');
      // "maatwerkplaats": the team's name (A) and expertise (A) beat anyone who only mentions it elsewhere.
      t.equal(await top('maatwerkplaats'), 'maatwerkplaats');
      // "Hendriks" is Noor's name and a word in Fatima's free text: both found, the name first.
      t.same(await set('hendriks'), ['fatima', 'noor']);
      t.equal(await top('hendriks'), 'noor');
    });

    t.test('filters: OR within a key, AND across keys; expertise includes descendants', async (t) => {
      t.same(await set(undefined, { organisatie: ['gm0599'] }), ['maatwerkplaats', 'pieter', 'thijs', 'wendy']);
      t.same(await set(undefined, { organisatie: ['gm0599', 'gm0855'] }), ['eva', 'maatwerkplaats', 'pieter', 'thijs', 'wendy']);
      t.same(await set(undefined, { organisatie: ['gm0599'], rolniveau: ['uitvoering'] }), ['pieter', 'wendy']);
      t.same(await set(undefined, { organisatieType: ['zbo'] }), ['joelle', 'noor', 'sanne']);
      t.same(await set(undefined, { expertisegebied: ['inkomen'] }), ['pieter', 'wendy'], 'parent node finds children');
      t.same(await set(undefined, { expertisegebied: ['schulden'] }), ['eva', 'noor', 'thijs'], 'schulden includes wgs and beslag-bvv');
      // Joëlle (CAK), Sanne (UWV) and Fatima (Dienst Toeslagen) have no werkgebied at a national organisation: they
      // serve every province. Noor (UWV) serves Noord-Brabant only; Ruud (Utrecht) another province.
      t.same(await set(undefined, { provincie: ['Noord-Brabant'] }), ['eva', 'fatima', 'joelle', 'noor', 'sanne'], 'province of the organisation or in the werkgebied; national entries serve every province');
      t.same(await set(undefined, { provincie: ['Utrecht'] }), ['bert', 'fatima', 'joelle', 'ruud', 'sanne'], 'not Noor: a national entry with a werkgebied serves that werkgebied');
      t.same(await set(undefined, { soort: ['team'] }), ['maatwerkplaats']);
      t.same(await set(undefined, { geverifieerd: true }), ['thijs']);
      t.equal((await set(undefined, { geverifieerd: false })).length, visibleToOutsiders.length - 1);
      t.same(await set('schuldhulpverlener', { organisatie: ['gm0855'] }), ['eva'], 'text and filters together');
    });

    t.test('facets are disjunctive: a facet ignores its own filter, respects the others', async (t) => {
      const result = await search(undefined, { organisatie: ['gm0599'], rolniveau: ['uitvoering'] });
      t.equal(result.totaal, 2);
      const count = (facet: { waarde: string; aantal: number }[], value: string) => facet.find((f) => f.waarde === value)?.aantal ?? 0;
      t.equal(count(result.facetten.organisatie, 'gm0599'), 2, 'organisation counts with the rolniveau filter');
      t.equal(count(result.facetten.organisatie, 'gm0344'), 1, 'and other organisations one could widen to');
      t.equal(count(result.facetten.rolniveau, 'uitvoering'), 2);
      t.equal(count(result.facetten.rolniveau, 'management'), 1, 'other levels within Rotterdam');
      t.equal(count(result.facetten.rolniveau, 'coordinatie'), 1);
      t.equal(count(result.facetten.expertisegebied, 'participatiewet'), 2);
      t.equal(count(result.facetten.expertisegebied, 'inkomen'), 2, 'ancestors are counted');
      t.equal(count(result.facetten.provincie, 'Zuid-Holland'), 2);
      t.equal(count(result.facetten.organisatieType, 'gemeente'), 2);
    });

    t.test('visibility: hidden entries never appear in results, totals or facets — even when filters select them', async (t) => {
      for (const [zoekterm, filters] of [
        [undefined, {}],
        ['Karin', {}],
        ['Bas', {}],
        ['schuldhulpverlener', { organisatie: ['gm0855', 'gm0363'] }],
        [undefined, { organisatie: ['gm0363'] }],
        [undefined, { organisatie: ['zb000143'], expertisegebied: ['aow'] }],
        [undefined, { expertisegebied: ['schulden'], rolniveau: ['specialist'] }],
      ] as [string | undefined, SearchFilters][]) {
        const result = await search(zoekterm, filters);
        const found = result.hits.map((h) => key(h.document.email));
        const label = `${zoekterm ?? '(leeg)'} ${JSON.stringify(filters)}`;
        t.notOk(found.some((k) => hiddenFromOutsiders.includes(k)), `${label}: not in results`);
        t.equal(result.totaal, found.length, `${label}: total counts only visible entries`);
        const facetTotal = (facet: { waarde: string; aantal: number }[], value: string) => facet.find((f) => f.waarde === value)?.aantal ?? 0;
        t.equal(facetTotal(result.facetten.organisatie, 'gm0363'), 0, `${label}: Amsterdam not counted`);
        t.equal(facetTotal(result.facetten.organisatie, 'zb000143'), 0, `${label}: SVB not counted`);
        t.equal(facetTotal(result.facetten.expertisegebied, 'aow'), 0, `${label}: AOW not counted`);
      }
      t.ok((await set('Karin', {}, { organisatie: 'gm0363', pmm: false })).includes('karin'), 'eigen-organisatie: visible to the own organisation');
      t.ok((await set('Bas', {}, { organisatie: 'gm0014', pmm: true })).includes('bas'), 'pmm: visible to the PMM desk');
      t.ok((await set('Bas', {}, { organisatie: 'zb000143', pmm: false })).includes('bas'), 'pmm: visible to the own organisation');
      t.notOk((await set('Gert', {}, { organisatie: 'gm0855', pmm: true })).includes('gert'), 'inactive: never, not even for the own organisation');
      t.notOk((await set('Lotte', {}, { organisatie: 'gm0855', pmm: true })).includes('lotte'), 'not confirmed in time: never');
    });

    t.test('paging is repeatable and complete', async (t) => {
      const seen: string[] = [];
      for (let pagina = 1; pagina <= 4; pagina++) {
        const page = await engine.search({ filters: {}, pagina, paginaGrootte: 3 }, outsider, policy());
        t.equal(page.totaal, visibleToOutsiders.length);
        seen.push(...page.hits.map((h) => key(h.document.email)));
      }
      t.same([...seen].sort(), [...visibleToOutsiders].sort(), 'every entry exactly once across pages');
      const again = await engine.search({ filters: {}, pagina: 2, paginaGrootte: 3 }, outsider, policy());
      t.same(again.hits.map((h) => key(h.document.email)), seen.slice(3, 6), 'the same page twice gives the same entries');
    });

    t.test('ranking after text: verified first, then not absent, then closeness to a requested level', async (t) => {
      const rotterdam = await keys(undefined, { organisatie: ['gm0599'] });
      t.equal(rotterdam[0], 'thijs', 'the verified entry first');
      t.equal(rotterdam[rotterdam.length - 1], 'wendy', 'the absent entry last');
      const nearCoordination = await keys(undefined, { organisatie: ['gm0599'], geverifieerd: false }, outsider, { gewenstRolniveau: 'coordinatie' });
      t.equal(nearCoordination[0], 'maatwerkplaats', 'closest to the requested level');
      const nearExecution = await keys(undefined, { organisatie: ['gm0599'], geverifieerd: false }, outsider, { gewenstRolniveau: 'uitvoering' });
      t.equal(nearExecution[0], 'pieter');
    });

    t.test('highlights: segments rebuild the text and mark the matches, as text', async (t) => {
      const [hit] = (await search('joelle')).hits;
      t.same(hit?.treffers.naam, [{ tekst: 'Joëlle', treffer: true }, { tekst: ' Bakker', treffer: false }]);
      const [bert] = (await search('bert')).hits;
      t.ok(bert, 'found');
      t.equal(bert?.treffers.naam?.map((s) => s.tekst).join(''), 'Bert <script>alert(1)</script> "Quote"', 'segments concatenate to the original, markup included as plain text');
      t.same(bert?.treffers.naam?.[0], { tekst: 'Bert', treffer: true });
    });

    t.test('filter values are values: quotes, backslashes and operators a user can type never change the query', async (t) => {
      const hostile = ['"', '\\', '\\"', '"\\', "'", '\\\\"', 'gm0599" OR zichtbaarheid = "pmm', "gm0363' OR 1=1", '") OR (status = "inactief', '\\u0022', '[', ']', '(', 'NOT', '', ' ', '\n', 'Zuid-Holland\\'];
      for (const value of hostile) {
        const label = JSON.stringify(value);
        t.same(await set(undefined, { provincie: [value] }), [], `${label}: no province by that name`);
        t.same(await set(undefined, { organisatie: [value, 'gm0599'] }), ['maatwerkplaats', 'pieter', 'thijs', 'wendy'], `${label}: beside a real value`);
        const wide = await search(undefined, { expertisegebied: [value], organisatie: [value] });
        t.equal(wide.totaal, 0, `${label}: nothing, and no hidden entry either`);
      }
      // And such a value is found exactly when an entry has it (a werkgebied outside the register counts as a province).
      const [bert] = await database.sql<{ id: string; werkgebied: string[] }[]>`SELECT id, werkgebied FROM professionals WHERE email = 'bert@utrecht.nl'`;
      const odd = 'Zuid "Holland" \\ \\" \' ] ) OR';
      await database.sql`UPDATE professionals SET werkgebied = ${[odd]} WHERE id = ${bert!.id}`;
      await engine.index((await loadSearchDocuments(database.db, [bert!.id])).documents);
      t.same(await set(undefined, { provincie: [odd] }), ['bert'], 'a value with quotes and backslashes matches itself');
      t.same(await set(undefined, { provincie: [odd.replace('\\ ', '')] }), [], 'and only itself');
      await database.sql`UPDATE professionals SET werkgebied = ${bert!.werkgebied} WHERE id = ${bert!.id}`;
      await engine.index((await loadSearchDocuments(database.db, [bert!.id])).documents);
    });

    t.test('index and remove keep the engine in step', async (t) => {
      await database.sql`UPDATE professionals SET functie = 'Ervaringsdeskundige' WHERE email = 'eva@tilburg.nl'`;
      const [eva] = await database.sql<{ id: string }[]>`SELECT id FROM professionals WHERE email = 'eva@tilburg.nl'`;
      await engine.index((await loadSearchDocuments(database.db, [eva!.id])).documents);
      t.same(await set('ervaringsdeskundige'), ['eva']);
      await database.sql`DELETE FROM professionals WHERE id = ${eva!.id}`;
      await engine.remove([eva!.id]);
      t.same(await set('ervaringsdeskundige'), []);
    });
  });
}
