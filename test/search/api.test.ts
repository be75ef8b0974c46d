import t from 'tap';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';
import { zoekAntwoordSchema } from '../../src/zoeken/schemas.js';

t.test('GET /api/v1/professionals: results, facets with Dutch names, paging links; writes show at once', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const cast = await castOf(testApp);
  const create = async (headers: { authorization: string }, body: Record<string, unknown>) =>
    (await app.inject({ method: 'POST', url: '/api/v1/professionals', headers, payload: entryBody(body) })).json();
  const eva = await create(cast.coordinatorAmsterdam, { naam: 'Eva de Boer', email: 'eva@amsterdam.nl', afwezigTot: '2099-12-31' });
  await create(cast.coordinatorRotterdam, { naam: 'Ruud Jansen', functie: 'Klantmanager', email: 'ruud@rotterdam.nl', expertisegebieden: ['participatiewet'], rolniveau: 'uitvoering' });

  const response = await app.inject({ url: '/api/v1/professionals?zoekterm=schuldhulp&paginaGrootte=10', headers: cast.collega });
  t.equal(response.statusCode, 200);
  const body = response.json();
  t.equal(body.totaal, 1);
  t.match(body.resultaten[0], {
    id: eva.id,
    naam: 'Eva de Boer',
    organisatie: { code: 'gm0363', naam: 'Amsterdam', type: 'gemeente' },
    expertisegebieden: [{ code: 'schulden' }, { code: 'wgs' }],
    afwezig: true,
    afwezigTot: '2099-12-31',
    geverifieerd: false,
    treffers: { functie: [{ tekst: 'Schuldhulpverlener', treffer: true }] },
  });
  t.match(response.headers.link, /rel="first"/);

  const all = (await app.inject({ url: '/api/v1/professionals', headers: cast.collega })).json();
  t.ok(zoekAntwoordSchema.safeParse(all).success && zoekAntwoordSchema.safeParse(body).success, 'answers match the documented schema (the route skips the serializer’s check)');
  t.equal(all.totaal, 2);
  t.match(all.facetten.organisatieType, [{ waarde: 'gemeente', naam: 'Gemeente', aantal: 2 }]);
  t.match(all.facetten.rolniveau, [{ waarde: 'uitvoering', naam: 'Uitvoering', aantal: 1 }, { waarde: 'specialist', naam: 'Specialist', aantal: 1 }]);
  t.ok(all.facetten.expertisegebied.some((f: { waarde: string; naam: string }) => f.waarde === 'schulden' && f.naam === 'Schulden en schuldhulpverlening'));
  t.match(all.facetten.provincie, [{ waarde: 'Noord-Holland', aantal: 1 }, { waarde: 'Zuid-Holland', aantal: 1 }]);

  const selected = (await app.inject({ url: '/api/v1/professionals?zoekterm=schuldhulp&organisatie=gm0599', headers: cast.collega })).json();
  t.equal(selected.totaal, 0);
  t.match(selected.facetten.organisatie, [{ waarde: 'gm0363', aantal: 1 }, { waarde: 'gm0599', aantal: 0 }], 'a selected value stays listed, with 0');

  const provincie = (await app.inject({ url: '/api/v1/professionals?provincie=zuid-holland', headers: cast.collega })).json();
  t.equal(provincie.totaal, 1, 'province names in any case');

  const patched = await app.inject({ method: 'PATCH', url: `/api/v1/professionals/${eva.id}`, headers: { ...cast.coordinatorAmsterdam, 'if-match': '"1"' }, payload: { status: 'inactief' } });
  t.equal(patched.statusCode, 200);
  t.equal((await app.inject({ url: '/api/v1/professionals?zoekterm=schuldhulp', headers: cast.collega })).json().totaal, 0, 'deactivated: gone from search at once');
});

t.test('bad search parameters: 400 naming the parameter', async (t) => {
  const testApp = await buildTestApp(t);
  const headers = await testApp.auth();
  for (const [query, name] of [
    ['paginaGrootte=0', 'paginaGrootte'],
    ['rolniveau=baas', 'rolniveau.0'],
    ['provincie=Atlantis', 'provincie.0'],
    ['geverifieerd=misschien', 'geverifieerd'],
    ['expertisegebied=NIET%20GELDIG', 'expertisegebied.0'],
    ['zoekterm=' + 'a'.repeat(201), 'zoekterm'],
    ['sorteer=naam', 'sorteer'],
  ] as const) {
    const response = await testApp.app.inject({ url: `/api/v1/professionals?${query}`, headers });
    t.equal(response.statusCode, 400, query);
    t.ok(response.json().invalidParams.some((p: { name: string }) => p.name === name), `${query}: names ${name}`);
  }
  t.equal((await testApp.app.inject({ url: '/api/v1/professionals' })).statusCode, 401);
});

t.test('search log: unmet searches per organisation, without the person', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  await app.inject({ url: '/api/v1/professionals?zoekterm=Onvindbaar%20Woord', headers: cast.collega });
  await app.inject({ url: '/api/v1/professionals?zoekterm=onvindbaar+woord', headers: cast.coordinatorAmsterdam });
  await app.inject({ url: '/api/v1/professionals?zoekterm=nergens&organisatie=gm0599', headers: cast.coordinatorRotterdam });
  await app.inject({ url: '/api/v1/professionals?zoekterm=onvindbaar&pagina=2', headers: cast.collega });

  // Searches are logged without holding up the answer: wait for the lines to land.
  let logged = await database.sql`SELECT * FROM zoeklog ORDER BY id`;
  for (let i = 0; i < 50 && logged.length < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    logged = await database.sql`SELECT * FROM zoeklog ORDER BY id`;
  }
  t.equal(logged.length, 3, 'first pages only');
  t.same(Object.keys(logged[0]!).sort(), ['aantal', 'filters', 'id', 'organisatie_code', 'tijdstip', 'zoekterm'], 'no person in the log');
  t.match(logged[0], { zoekterm: 'onvindbaar woord', organisatie_code: 'gm0363', aantal: 0 });

  const amsterdam = (await app.inject({ url: '/api/v1/inzichten/onbeantwoorde-zoekvragen', headers: cast.coordinatorAmsterdam })).json();
  t.match(amsterdam.resultaten, [{ zoekterm: 'onvindbaar woord', keren: 2, organisaties: 1 }]);
  t.equal(amsterdam.totaal, 1, 'a coordinator sees their organisation’s searches only');
  const all = (await app.inject({ url: '/api/v1/inzichten/onbeantwoorde-zoekvragen', headers: cast.beheerder })).json();
  t.equal(all.totaal, 2);
  t.match(all.resultaten[1], { zoekterm: 'nergens', filters: { organisatie: ['gm0599'] } });
  t.equal((await app.inject({ url: '/api/v1/inzichten/onbeantwoorde-zoekvragen', headers: cast.pmm })).json().totaal, 2, 'the PMM desk sees all');
  t.equal((await app.inject({ url: '/api/v1/inzichten/onbeantwoorde-zoekvragen', headers: cast.collega })).statusCode, 403);
  t.equal((await app.inject({ url: '/api/v1/inzichten/onbeantwoorde-zoekvragen?organisatie=gm0599', headers: cast.coordinatorAmsterdam })).statusCode, 403);
});
