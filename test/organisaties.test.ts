import t from 'tap';
import { buildTestApp } from './helpers/app.js';

t.test('GET /api/v1/organisaties lists all 342 gemeenten for a signed-in user', async (t) => {
  const { app, auth } = await buildTestApp(t);
  const response = await app.inject({ url: '/api/v1/organisaties?type=gemeente', headers: await auth() });
  t.equal(response.statusCode, 200);
  const body = response.json();
  t.equal(body.totaal, 342);
  t.equal(body.resultaten.length, 20, 'default page size');
  t.equal(body.pagina, 1);
  t.match(response.headers.link, /rel="next"/);
});
