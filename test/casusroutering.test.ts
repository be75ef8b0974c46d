import t from 'tap';
import { insertEntries } from '../db/seed/bulk-entries.js';
import type { SyntheticEntry } from '../db/seed/synthetic.js';
import { levelDistance } from '../src/casusroutering/service.js';
import { buildTestApp } from './helpers/app.js';
import { castOf } from './helpers/people.js';

const entry = (key: string, organisatie: string, extra: Partial<SyntheticEntry & { afwezigTot: string | null }>) => ({
  soort: 'persoon' as const,
  naam: key,
  functie: 'Consulent',
  afdeling: null,
  organisatie,
  rolniveau: 'specialist' as const,
  expertisegebieden: ['participatiewet'],
  trefwoorden: [],
  werkgebied: [],
  email: `${key}@route.example`,
  telefoon: null,
  bereikbaarheid: null,
  overMij: null,
  zichtbaarheid: 'alle-professionals' as const,
  escalatiecontact: false,
  ...extra,
});

const fixture = [
  entry('rdam-uitvoering', 'gm0599', { rolniveau: 'uitvoering' }),
  entry('rdam-management', 'gm0599', { rolniveau: 'management' }),
  entry('rdam-coordinatie', 'gm0599', { rolniveau: 'coordinatie' }),
  entry('rdam-coordinatie-escalatie', 'gm0599', { rolniveau: 'coordinatie', escalatiecontact: true }),
  entry('rdam-afwezig', 'gm0599', { rolniveau: 'coordinatie', escalatiecontact: true, afwezigTot: '2099-01-01' }),
  entry('uwv-team', 'zb000117', { soort: 'team', naam: 'Maatwerkteam UWV', rolniveau: 'coordinatie', expertisegebieden: ['ww'] }),
  entry('uwv-andere-expertise', 'zb000117', { expertisegebieden: ['wia'] }),
  entry('svb-pmm', 'zb000143', { expertisegebieden: ['aow'], zichtbaarheid: 'pmm', rolniveau: 'management' }),
  entry('ams-zonder-werkgebied', 'gm0363', {}),
  entry('ams-zuid-holland', 'gm0363', { werkgebied: ['Zuid-Holland'] }),
];

const ask = { organisaties: ['gm0599', 'zb000117', 'zb000143', 'gm0014'], expertisegebieden: ['participatiewet', 'aow'], gewenstRolniveau: 'coordinatie' };

t.test('routing rules: level, absence, escalation contact, team fallback, nothing found, pmm visibility, audit', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  await insertEntries(database.db, fixture);

  const response = await app.inject({ method: 'POST', url: '/api/v1/casusroutering', headers: cast.pmm, payload: ask });
  t.equal(response.statusCode, 200);
  const { blokken } = response.json();
  t.same(blokken.map((b: { organisatie: { code: string } }) => b.organisatie.code), ask.organisaties, 'one block per organisation, in the order asked');

  const names = (block: { contacten: { naam: string }[] }) => block.contacten.map((c) => c.naam);
  t.same(names(blokken[0]), ['rdam-coordinatie-escalatie', 'rdam-coordinatie', 'rdam-management'], 'requested level first, escalation contact preferred, then the nearest level above; the absent one skipped');
  t.match(blokken[0].contacten[0].reden, { expertisegebieden: [{ code: 'participatiewet' }], rolniveau: { niveau: 'coordinatie', gewenst: 'coordinatie', afstand: 0 }, escalatiecontact: true });
  t.equal(blokken[0].terugval, false);

  t.match(blokken[1], { gevondenVia: 'team', terugval: true, contacten: [{ naam: 'Maatwerkteam UWV', soort: 'team' }], melding: /niemand van de 1 vindbare persoon .*teamvermeldingen/ }, 'no person with the domains and no escalation contact: the team entry, marked as fallback');
  t.same(names(blokken[2]), ['svb-pmm'], 'a pmm-only entry is routed to the desk');
  t.match(blokken[3], { gevondenVia: 'geen', terugval: false, contacten: [], melding: /geen vindbare personen.*Het gat staat bij Inzichten/ }, 'nothing at all: said explicitly, and the desk is not told to call itself');
  t.notMatch(blokken[3].melding, /PMM-desk/);

  const search = await app.inject({ url: '/api/v1/professionals?organisatie=zb000143', headers: cast.collega });
  t.equal(search.json().totaal, 0, 'the pmm-only entry does not show in ordinary search');

  const audit = await database.sql`SELECT * FROM auditlog WHERE actie = 'casusroutering.opgevraagd'`;
  t.equal(audit.length, 1);
  t.match(audit[0], { actor_subject: 'pmm-desk', object_type: 'casusroutering', details: { organisaties: ask.organisaties, expertisegebieden: ask.expertisegebieden } });
});

t.test('the fallback order, stated: domain at the level → escalation contact → team entry → closest person', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  // SVB (the case): people without the asked domain, one of them the escalation contact, and a team entry.
  await insertEntries(database.db, [
    entry('svb-aow-1', 'zb000143', { expertisegebieden: ['aow'], rolniveau: 'uitvoering' }),
    entry('svb-aow-2', 'zb000143', { expertisegebieden: ['aow'], rolniveau: 'management' }),
    entry('svb-escalatie', 'zb000143', { expertisegebieden: ['kinderbijslag'], rolniveau: 'coordinatie', escalatiecontact: true }),
    entry('svb-team', 'zb000143', { soort: 'team', naam: 'Maatwerkteam SVB', expertisegebieden: ['aow'] }),
    // UWV: no escalation contact, no team: the closest person by level.
    entry('uwv-wia-bestuur', 'zb000117', { expertisegebieden: ['wia'], rolniveau: 'bestuur' }),
    entry('uwv-wia-coordinatie', 'zb000117', { expertisegebieden: ['wia'], rolniveau: 'coordinatie' }),
    // CAK: the one with the domain is absent; the escalation contact answers.
    entry('cak-pw-afwezig', 'zb000211', { afwezigTot: '2099-01-01' }),
    entry('cak-escalatie', 'zb000211', { expertisegebieden: ['wlz'], escalatiecontact: true }),
  ]);
  const { blokken } = (
    await app.inject({ method: 'POST', url: '/api/v1/casusroutering', headers: cast.pmm, payload: { organisaties: ['zb000143', 'zb000117', 'zb000211'], expertisegebieden: ['participatiewet'], gewenstRolniveau: 'coordinatie' } })
  ).json();
  t.match(blokken[0], { gevondenVia: 'escalatiecontact', terugval: true, telling: { vindbarePersonen: 3, metExpertise: 0 }, contacten: [{ naam: 'svb-escalatie' }] }, 'SVB: its escalation contact, not "nobody"');
  t.equal(blokken[0].contacten.length, 1, 'only the escalation contact, the team entry comes after it');
  t.match(blokken[0].melding, /niemand van de 3 vindbare personen Participatiewet en bijstand als expertise.*escalatiecontact/);
  t.match(blokken[1], { gevondenVia: 'dichtstbij', contacten: [{ naam: 'uwv-wia-coordinatie' }, { naam: 'uwv-wia-bestuur' }] }, 'UWV: the closest people by level');
  t.match(blokken[1].melding, /geen escalatiecontact en geen teamvermelding/);
  t.match(blokken[2], { gevondenVia: 'escalatiecontact', telling: { metExpertise: 1 }, contacten: [{ naam: 'cak-escalatie' }] });
  t.match(blokken[2].melding, /de persoon met Participatiewet en bijstand nu afwezig/, 'says that the one with the domain is absent');
});

t.test('the citizen’s municipality prefers contacts whose werkgebied covers it, and is not logged', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  await insertEntries(database.db, fixture);
  const body = { organisaties: ['gm0363'], expertisegebieden: ['participatiewet'], gemeente: 'gm0599' };
  const { blokken } = (await app.inject({ method: 'POST', url: '/api/v1/casusroutering', headers: cast.coordinatorAmsterdam, payload: body })).json();
  t.same(blokken[0].contacten.map((c: { naam: string }) => c.naam), ['ams-zuid-holland', 'ams-zonder-werkgebied']);
  t.equal(blokken[0].contacten[0].reden.werkgebiedPast, true);
  const [row] = await database.sql`SELECT details FROM auditlog WHERE actie = 'casusroutering.opgevraagd'`;
  t.notMatch(JSON.stringify(row), /gm0599/, 'the municipality is not in the audit log');
});

t.test('who may route, and a request schema that takes no free text', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const cast = await castOf(testApp);
  const post = (headers: Record<string, string>, payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/casusroutering', headers, payload: payload as string });
  t.equal((await post(cast.collega, ask)).statusCode, 403, 'a professional without role');
  t.equal((await post(cast.coordinatorRotterdam, ask)).statusCode, 200, 'a coordinator');
  t.equal((await post(cast.beheerder, ask)).statusCode, 200, 'a beheerder');
  t.equal((await post({}, ask)).statusCode, 401);

  for (const [payload, field] of [
    [{ ...ask, clientNaam: 'Jan' }, 'clientNaam'],
    [{ ...ask, toelichting: 'vrije tekst' }, 'toelichting'],
    [{ ...ask, gemeente: 'Rotterdam' }, 'gemeente'],
    [{ ...ask, organisaties: [] }, 'organisaties'],
    [{ ...ask, organisaties: Array.from({ length: 21 }, (_, i) => `gm${String(i).padStart(4, '0')}`) }, 'organisaties'],
    [{ ...ask, organisaties: ['gm0599', 'gm0599'] }, 'organisaties'],
    [{ ...ask, expertisegebieden: Array.from({ length: 11 }, (_, i) => `x${i}a`) }, 'expertisegebieden'],
    [{ ...ask, organisaties: ['gm9999'] }, 'organisaties.0'],
    [{ ...ask, expertisegebieden: ['bestaat-niet'] }, 'expertisegebieden.0'],
    [{ ...ask, gemeente: 'gm9999' }, 'gemeente'],
    [{ ...ask, gewenstRolniveau: 'koning' }, 'gewenstRolniveau'],
  ] as const) {
    const response = await post(cast.pmm, payload);
    t.equal(response.statusCode, 400, field);
    t.ok(response.json().invalidParams?.some((p: { name: string }) => p.name === field), `${field} named`);
  }
});

t.test('level distance: the requested level, then above, then below', async (t) => {
  t.equal(levelDistance('coordinatie', 'coordinatie'), 0);
  t.equal(levelDistance('management', 'coordinatie'), 1);
  t.equal(levelDistance('bestuur', 'coordinatie'), 2);
  t.ok(levelDistance('specialist', 'coordinatie') > levelDistance('bestuur', 'coordinatie'), 'below ranks after any level above');
  t.equal(levelDistance('uitvoering', undefined), 0);
});
