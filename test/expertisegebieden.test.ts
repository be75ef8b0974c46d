import t from 'tap';
import { buildTestApp } from './helpers/app.js';

t.test('the taxonomy: at least 60 nodes in every category, with synonyms and valid parents', async (t) => {
  const { app, auth } = await buildTestApp(t);
  const response = await app.inject({ url: '/api/v1/expertisegebieden', headers: await auth() });
  t.equal(response.statusCode, 200);
  const { resultaten, totaal } = response.json();
  t.equal(totaal, resultaten.length);
  t.ok(totaal >= 60, `${totaal} nodes`);
  const codes = new Set(resultaten.map((n: { code: string }) => n.code));
  for (const node of resultaten) {
    if (node.parent) t.ok(codes.has(node.parent), `${node.code}: parent ${node.parent} exists`);
  }
  const byCategory = (categorie: string) => resultaten.filter((n: { categorie: string }) => n.categorie === categorie);
  t.equal(byCategory('bouwsteen').length, 10, 'the ten bouwstenen of maatwerk');
  for (const categorie of ['beleidsdomein', 'wet', 'thema', 'methode']) t.ok(byCategory(categorie).length > 0, categorie);

  const pw = resultaten.find((n: { code: string }) => n.code === 'participatiewet');
  t.ok(pw.synoniemen.includes('Pw') && pw.synoniemen.includes('bijstand'), 'Pw and bijstand are synonyms of the Participatiewet');
  const synonyms = resultaten.flatMap((n: { synoniemen: string[] }) => n.synoniemen);
  for (const abbreviation of ['Wmo', 'WSNP', 'BVV', 'CJIB', 'LBIO']) t.ok(synonyms.includes(abbreviation), `${abbreviation} is known`);
});

t.test('filter by categorie, and one node by code', async (t) => {
  const { app, auth } = await buildTestApp(t);
  const headers = await auth();
  const methods = (await app.inject({ url: '/api/v1/expertisegebieden?categorie=methode', headers })).json();
  t.ok(methods.resultaten.every((n: { categorie: string }) => n.categorie === 'methode'));
  t.ok(methods.resultaten.some((n: { code: string }) => n.code === 'doorbraakmethode'));
  t.match((await app.inject({ url: '/api/v1/expertisegebieden/wmo', headers })).json(), { code: 'wmo', naam: 'Wmo 2015', parent: 'zorg-ondersteuning' });
  t.equal((await app.inject({ url: '/api/v1/expertisegebieden/bestaat-niet', headers })).statusCode, 404);
  t.equal((await app.inject({ url: '/api/v1/expertisegebieden?categorie=onzin', headers })).statusCode, 400);
});
