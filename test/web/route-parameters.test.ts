import t from 'tap';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody, people } from '../helpers/people.js';
import { SESSION_COOKIE } from '../../src/web/session.js';

/**
 * Issue 16, F5: the web routes' path and form parameters are validated before a service sees them. A non-UUID id,
 * or a missing or odd `versie`, gives the Dutch error page with 400 (or 404 for an id that cannot exist), never 500.
 */
t.test('web routes answer odd ids and versions with a Dutch 400 page, never 500', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const cast = await castOf(testApp);
  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ organisatie: 'gm0363' }) });
  t.equal(created.statusCode, 201);
  const id = created.json().id as string;

  const session = `${SESSION_COOKIE}=${await testApp.token(people.coordinatorAmsterdam)}`;
  const page = await app.inject({ url: '/coordinatie', headers: { cookie: session } });
  t.equal(page.statusCode, 200);
  const cookie = [session, ...page.cookies.map((c) => `${c.name}=${c.value}`)].join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const post = (url: string, fields: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url,
      headers: { cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });

  const cases: [string, string, Record<string, string>][] = [
    ['claim with a non-UUID id', '/mijn-vermelding/claim/niet-een-uuid', {}],
    ['verification with a non-UUID id', '/coordinatie/verificatie/123', {}],
    ['status with a non-UUID id', '/coordinatie/status/abc', { versie: '1', status: 'inactief' }],
    ['status without versie', `/coordinatie/status/${id}`, { status: 'inactief' }],
    ['status with versie "abc"', `/coordinatie/status/${id}`, { versie: 'abc', status: 'inactief' }],
    ['status with versie 1e99', `/coordinatie/status/${id}`, { versie: '1e99', status: 'inactief' }],
    ['status with versie -1', `/coordinatie/status/${id}`, { versie: '-1', status: 'inactief' }],
  ];
  for (const [label, url, fields] of cases) {
    const response = await post(url, fields);
    t.equal(response.statusCode, 400, `${label}: 400`);
    t.match(response.headers['content-type'], /^text\/html/, `${label}: a page`);
    t.match(response.body, /lang="nl"/, `${label}: in Dutch`);
    t.match(response.body, /Ongeldig|ongeldig/, `${label}: says what is wrong`);
  }
  for (const url of ['/coordinatie/vermelding/niet-een-uuid', '/coordinatie/import/123']) {
    const response = await app.inject({ url, headers: { cookie, accept: 'text/html' } });
    t.equal(response.statusCode, 400, `GET ${url}: 400`);
    t.match(response.body, /geen geldige verwijzing/, `GET ${url}: says what is wrong`);
  }

  const nul = await post(`/mijn-vermelding/claim/${encodeURIComponent("x'\u0000")}`);
  t.equal(nul.statusCode, 400, 'an id with NUL and a quote: 400');

  // The own-entry form with an odd version: the form is shown again with the reason (400), not a 500.
  const own = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.collega, payload: entryBody({ naam: 'Cor Collega', email: people.collega.email }) });
  t.equal(own.statusCode, 201);
  const collegaSession = `${SESSION_COOKIE}=${await testApp.token(people.collega)}`;
  const ownPage = await app.inject({ url: '/mijn-vermelding', headers: { cookie: collegaSession } });
  const ownCookie = [collegaSession, ...ownPage.cookies.map((c) => `${c.name}=${c.value}`)].join('; ');
  const ownCsrf = /name="_csrf" value="([^"]+)"/.exec(ownPage.body)?.[1] ?? '';
  for (const versie of ['x', '', '0', '99999999999']) {
    const response = await app.inject({
      method: 'POST',
      url: '/mijn-vermelding',
      headers: { cookie: ownCookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: ownCsrf, versie, naam: 'Cor Collega', functie: 'Consulent', email: people.collega.email, rolniveau: 'specialist', expertisegebieden: 'schulden' }).toString(),
    });
    t.equal(response.statusCode, 400, `own entry with versie "${versie}": 400`);
    t.match(response.body, /versienummer/, `own entry with versie "${versie}": the reason is shown`);
  }

  const [row] = await testApp.database.sql`SELECT status, versie FROM professionals WHERE id = ${id}`;
  t.match(row, { status: 'actief', versie: 1 }, 'nothing changed');
});
