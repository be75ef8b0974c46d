import t from 'tap';
import { insertEntries } from '../db/seed/bulk-entries.js';
import type { SyntheticEntry } from '../db/seed/synthetic.js';
import { buildTestApp } from './helpers/app.js';
import { castOf } from './helpers/people.js';

/**
 * Search and case routing agree on who has an expertise (#14 point 13): one question — these organisations, this
 * domain — asked of search (filters) and of routing (its counts and its first tier) gives the same people, the
 * entries with a narrower domain beneath the asked one included and the broad generalist above it not.
 */

const person = (naam: string, organisatie: string, expertisegebieden: string[], extra: Partial<SyntheticEntry> = {}) => ({
  soort: 'persoon' as const, naam, functie: 'Consulent', afdeling: null, organisatie, rolniveau: 'specialist' as const, expertisegebieden,
  trefwoorden: [], werkgebied: [], email: `${naam}@agree.example`, telefoon: null, bereikbaarheid: null, overMij: null,
  zichtbaarheid: 'alle-professionals' as const, escalatiecontact: false, ...extra,
});

t.test('one question through search and routing: the same people with the domain', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  await insertEntries(database.db, [
    person('svb-inkomen', 'zb000143', ['inkomen']), // the broad parent: not an expert in the narrow domain
    person('svb-pw', 'zb000143', ['participatiewet']),
    person('svb-bbz', 'zb000143', ['aow', 'bbz']),
    person('svb-aow', 'zb000143', ['aow'], { escalatiecontact: false }),
    person('uwv-pw', 'zb000117', ['participatiewet'], { rolniveau: 'coordinatie' }),
    person('uwv-ww', 'zb000117', ['ww']),
  ]);
  const parents = await database.sql<{ code: string; parent_code: string }[]>`SELECT code, parent_code FROM expertisegebieden WHERE code IN ('bbz', 'participatiewet') ORDER BY code`;
  t.same(parents.map((p) => p.parent_code), ['inkomen', 'inkomen'], 'the fixture leans on bbz and participatiewet lying beneath inkomen');

  for (const domain of ['participatiewet', 'inkomen', 'bbz']) {
    const search = (await app.inject({ url: `/api/v1/professionals?organisatie=zb000143&organisatie=zb000117&expertisegebied=${domain}&soort=persoon&paginaGrootte=50`, headers: cast.pmm })).json();
    const found = search.resultaten.map((r: { naam: string }) => r.naam).sort();
    const routed = (await app.inject({ method: 'POST', url: '/api/v1/casusroutering', headers: cast.pmm, payload: { organisaties: ['zb000143', 'zb000117'], expertisegebieden: [domain] } })).json();
    const viaDomain = routed.blokken.flatMap((b: { gevondenVia: string; contacten: { naam: string }[] }) => (b.gevondenVia === 'domein' ? b.contacten.map((c) => c.naam) : [])).sort();
    const counted = routed.blokken.reduce((n: number, b: { telling: { metExpertise: number } }) => n + b.telling.metExpertise, 0);
    t.same(viaDomain, found, `${domain}: routing's people with the domain are search's`);
    t.equal(counted, search.totaal, `${domain}: routing counts as many with the domain as search finds`);
  }
  const names = async (domain: string) =>
    (await app.inject({ method: 'POST', url: '/api/v1/casusroutering', headers: cast.pmm, payload: { organisaties: ['zb000143'], expertisegebieden: [domain] } })).json().blokken[0].contacten.map((c: { naam: string }) => c.naam).sort();
  t.same(await names('inkomen'), ['svb-bbz', 'svb-inkomen', 'svb-pw'], 'asking for the broad domain routes to the narrower ones beneath it');
  t.same(await names('participatiewet'), ['svb-pw'], 'asking for the narrow domain does not route to the generalist above it');
});
