import t from 'tap';
import { buildTestApp } from './helpers/app.js';

t.test('lists all 342 gemeenten, 20 per page by default, with a Link header', async (t) => {
  const { app, auth } = await buildTestApp(t);
  const response = await app.inject({ url: '/api/v1/organisaties?type=gemeente', headers: await auth() });
  t.equal(response.statusCode, 200);
  const body = response.json();
  t.equal(body.totaal, 342);
  t.equal(body.resultaten.length, 20);
  t.equal(body.pagina, 1);
  t.equal(body.paginaGrootte, 20);
  t.equal(
    response.headers.link,
    '</api/v1/organisaties?type=gemeente&pagina=1&paginaGrootte=20>; rel="first", ' +
      '</api/v1/organisaties?type=gemeente&pagina=2&paginaGrootte=20>; rel="next", ' +
      '</api/v1/organisaties?type=gemeente&pagina=18&paginaGrootte=20>; rel="last"',
  );
  const last = (await app.inject({ url: '/api/v1/organisaties?type=gemeente&pagina=18&paginaGrootte=20', headers: await auth() })).json();
  t.equal(last.resultaten.length, 2, '342 = 17 × 20 + 2');
});

t.test('pages do not overlap and together hold every organisation once', async (t) => {
  const { app, auth } = await buildTestApp(t);
  const headers = await auth();
  const seen = new Set<string>();
  let totaal: number;
  for (let pagina = 1; ; pagina++) {
    const body = (await app.inject({ url: `/api/v1/organisaties?paginaGrootte=100&pagina=${pagina}`, headers })).json();
    totaal = body.totaal;
    for (const o of body.resultaten) seen.add(o.code);
    if (body.resultaten.length < 100) break;
  }
  t.equal(seen.size, totaal);
  t.ok(totaal > 600, `all active organisations (${totaal})`);
});

t.test('filters: type and provincie repeat as OR, combine as AND', async (t) => {
  const { app, auth } = await buildTestApp(t);
  const headers = await auth();
  const get = async (query: string) => (await app.inject({ url: `/api/v1/organisaties?${query}`, headers })).json();
  const utrecht = await get('type=gemeente&provincie=Utrecht&paginaGrootte=100');
  t.ok(utrecht.totaal > 20 && utrecht.totaal < 40, `gemeenten in Utrecht: ${utrecht.totaal}`);
  t.ok(utrecht.resultaten.every((o: { provincie: string; type: string }) => o.provincie === 'Utrecht' && o.type === 'gemeente'));
  const both = await get('type=gemeente&provincie=Utrecht&provincie=Zeeland');
  const zeeland = await get('type=gemeente&provincie=zeeland');
  t.equal(both.totaal, utrecht.totaal + zeeland.totaal, 'provincie is case-insensitive and ORs');
  const zbosAndAgencies = await get('type=zbo&type=agentschap');
  t.equal(zbosAndAgencies.totaal, (await get('type=zbo')).totaal + (await get('type=agentschap')).totaal);
});

t.test('zoekterm matches name and abbreviation, ignoring case and accents; exact matches first', async (t) => {
  const { app, auth } = await buildTestApp(t);
  const headers = await auth();
  const get = async (zoekterm: string) =>
    (await app.inject({ url: `/api/v1/organisaties?zoekterm=${encodeURIComponent(zoekterm)}`, headers })).json();
  t.equal((await get('uwv')).resultaten[0].code, 'zb000117', 'UWV by abbreviation');
  t.equal((await get('Uitvoeringsinstituut')).resultaten[0].code, 'zb000117', 'UWV by name');
  t.ok((await get('fryslan')).resultaten.some((o: { naam: string }) => o.naam === 'Súdwest-Fryslân'), 'accents ignored');
  t.equal((await get('Tilburg')).resultaten[0].code, 'gm0855', 'gemeente Tilburg');
  t.equal((await get('gemeente tilburg')).resultaten[0].code, 'gm0855', 'official name');
  t.equal((await get('100%_')).totaal, 0, 'LIKE wildcards are literal');
});

t.test('one organisation by code, including inactive ones and the hand-added bodies', async (t) => {
  const { app, auth } = await buildTestApp(t);
  const headers = await auth();
  const uwv = await app.inject({ url: '/api/v1/organisaties/zb000117', headers });
  t.match(uwv.json(), {
    code: 'zb000117',
    afkorting: 'UWV',
    type: 'zbo',
    tooiUri: 'https://identifier.overheid.nl/tooi/id/zbo/zb000117',
    oin: '00000001810220350000',
    ministerie: { code: 'mnre1073', naam: 'Ministerie van Sociale Zaken en Werkgelegenheid' },
    actief: true,
  });
  t.match((await app.inject({ url: '/api/v1/organisaties/gm0363', headers })).json(), { naam: 'Amsterdam', provincie: 'Noord-Holland', type: 'gemeente' });
  t.match((await app.inject({ url: '/api/v1/organisaties/oorg10148', headers })).json(), { afkorting: 'DUO', type: 'agentschap' });
  t.match((await app.inject({ url: '/api/v1/organisaties/hv_41004458', headers })).json(), { naam: 'Economische Zaken en Klimaat', actief: false });
  for (const [code, naam] of [
    ['dienst-toeslagen', 'Dienst Toeslagen'],
    ['ind', 'Immigratie- en Naturalisatiedienst'],
    ['pmm', 'Professionals voor Maatwerk Multiproblematiek'],
  ]) {
    t.match((await app.inject({ url: `/api/v1/organisaties/${code}`, headers })).json(), { code, naam, actief: true });
  }
  const missing = await app.inject({ url: '/api/v1/organisaties/gm9999', headers });
  t.equal(missing.statusCode, 404);
  t.match(missing.json(), { status: 404, detail: /gm9999/ });
});

t.test('inactive organisations stay out of lists', async (t) => {
  const { app, auth } = await buildTestApp(t);
  const body = (await app.inject({ url: '/api/v1/organisaties?type=ministerie&paginaGrootte=100', headers: await auth() })).json();
  t.ok(body.resultaten.every((o: { actief: boolean }) => o.actief));
  t.notOk(body.resultaten.some((o: { code: string }) => o.code === 'hv_41004458'));
});
