import t from 'tap';
import { buildTestApp } from '../helpers/app.js';
import { startIdentityProvider } from '../helpers/identity-provider.js';
import { castOf, entryBody } from '../helpers/people.js';

/** Issue 16, last row: a token issued in the future, a client-chosen audit origin, no Permissions-Policy. */

t.test('a token issued in the future (iat ahead of the clock) is refused', async (t) => {
  const idp = await startIdentityProvider(t);
  const trusted = [{ issuer: idp.issuer, jwksUrl: idp.jwksUrl, audience: 'maatwerkregister', organisaties: ['gm0363'] }];
  const { app } = await buildTestApp(t, { TRUSTED_ISSUERS: JSON.stringify(trusted) });
  const now = Math.floor(Date.now() / 1000);
  const get = (token: string) => app.inject({ url: '/api/v1/mij', headers: { authorization: `Bearer ${token}` } });
  t.equal((await get(idp.sign({ iat: now + 30 }))).statusCode, 200, 'a little clock skew is tolerated');
  for (const [name, iat] of [['an hour ahead', now + 3600], ['a year ahead', now + 365 * 86_400], ['not a number', 'gisteren']] as const) {
    const response = await get(idp.sign({ iat, exp: now + 2 * 365 * 86_400 }));
    t.equal(response.statusCode, 401, `${name}: 401`);
    t.match(response.headers['content-type'], /^application\/problem\+json/);
    t.match(response.json().detail, /uitgiftetijd|iat/, `${name}: explained`);
  }
});

t.test('a client-chosen X-Request-Id does not become the audit origin', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/professionals',
    headers: { ...cast.beheerder, 'x-request-id': 'vervalst-kenmerk-0001' },
    payload: entryBody(),
  });
  t.equal(response.statusCode, 201);
  t.not(response.headers['x-request-id'], 'vervalst-kenmerk-0001', 'the request id is the service’s own');
  const [row] = await database.sql<{ herkomst: string }[]>`SELECT herkomst FROM auditlog WHERE actie = 'professional.aangemaakt'`;
  t.notMatch(row?.herkomst ?? '', /vervalst/, `audit origin is not the client's (${row?.herkomst})`);
  t.equal(row?.herkomst, `api:${String(response.headers['x-request-id'])}`, 'it is the id the response names');
});

t.test('Permissions-Policy on every response', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  for (const request of [
    { url: '/health/live' },
    { url: '/api/v1/openapi.json' },
    { url: '/api/v1/mij' },
    { url: '/bestaat-niet' },
    { url: '/', headers: { accept: 'text/html' } },
  ]) {
    const response = await app.inject(request);
    t.match(String(response.headers['permissions-policy'] ?? ''), /camera=\(\).*geolocation=\(\).*microphone=\(\)/, `${request.url} (${response.statusCode})`);
  }
});
