import t from 'tap';
import { buildTestApp } from './helpers/app.js';

const securityHeaders = {
  'cache-control': 'no-store',
  'content-security-policy': /frame-ancestors 'none'/,
  'strict-transport-security': /max-age=\d+/,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'api-version': '1.0.0',
};

t.test('every response carries API-Version and the ADR security headers, success or error', async (t) => {
  const { app, auth } = await buildTestApp(t);
  const headers = await auth();
  for (const [url, status, withAuth] of [
    ['/api/v1/organisaties', 200, true],
    ['/api/v1/organisaties', 401, false],
    ['/api/v1/organisaties?paginaGrootte=0', 400, true],
    ['/api/v1/bestaat-niet', 404, true],
    ['/health/live', 200, false],
  ] as const) {
    const response = await app.inject({ url, headers: withAuth ? headers : {} });
    t.equal(response.statusCode, status, url);
    t.match(response.headers, securityHeaders, `${url}: headers`);
  }
});

t.test('errors are application/problem+json with status, title and detail', async (t) => {
  const { app, auth } = await buildTestApp(t);
  const response = await app.inject({ url: '/api/v1/nergens', headers: await auth() });
  t.equal(response.statusCode, 404);
  t.match(response.headers['content-type'], /^application\/problem\+json/);
  t.match(response.json(), { status: 404, title: 'Niet gevonden', detail: /\/api\/v1\/nergens/ });
});

t.test('bad query values give 400 naming the parameter, never 500', async (t) => {
  const { app, auth } = await buildTestApp(t);
  const headers = await auth();
  const cases: [string, string][] = [
    ['paginaGrootte=0', 'paginaGrootte'],
    ['paginaGrootte=101', 'paginaGrootte'],
    ['pagina=abc', 'pagina'],
    ['type=onbekend', 'type'],
    ['onbekendeParameter=1', 'onbekendeParameter'],
    ['zoekterm=' + 'x'.repeat(101), 'zoekterm'],
  ];
  for (const [query, name] of cases) {
    const response = await app.inject({ url: `/api/v1/organisaties?${query}`, headers });
    t.equal(response.statusCode, 400, query);
    t.match(response.headers['content-type'], /^application\/problem\+json/);
    const problem = response.json();
    t.equal(problem.status, 400);
    t.ok(problem.invalidParams.some((p: { name: string }) => p.name.startsWith(name)), `${query}: names ${name}`);
    t.match(problem.detail, name);
  }
  const badCode = await app.inject({ url: '/api/v1/organisaties/NIET%20GELDIG', headers });
  t.equal(badCode.statusCode, 400, 'invalid path parameter');
  t.equal(badCode.json().invalidParams[0].name, 'code');
});

t.test('a request id is generated, or taken over from X-Request-Id when sane', async (t) => {
  const { app } = await buildTestApp(t);
  const generated = await app.inject({ url: '/health/live' });
  t.match(generated.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  const kept = await app.inject({ url: '/health/live', headers: { 'x-request-id': 'proxy-abc-12345' } });
  t.equal(kept.headers['x-request-id'], 'proxy-abc-12345');
  const replaced = await app.inject({ url: '/health/live', headers: { 'x-request-id': '<script>' } });
  t.not(replaced.headers['x-request-id'], '<script>');
});

t.test('clients are rate limited with 429 problem+json and Retry-After', async (t) => {
  const { app, auth } = await buildTestApp(t, { RATE_LIMIT_MAX: '3' });
  const headers = await auth();
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await app.inject({ url: '/api/v1/expertisegebieden', headers })).statusCode);
  t.same(statuses, [200, 200, 200, 429]);
  const limited = await app.inject({ url: '/api/v1/expertisegebieden', headers });
  t.match(limited.headers['content-type'], /^application\/problem\+json/);
  t.match(limited.headers['retry-after'], /^\d+$/);
  t.match(limited.json(), { status: 429, title: 'Te veel verzoeken' });
  t.equal((await app.inject({ url: '/health/ready' })).statusCode, 200, 'health checks are not limited');
});

t.test('readiness reports the database; liveness only the process', async (t) => {
  const { app, database } = await buildTestApp(t);
  t.equal((await app.inject({ url: '/health/live' })).statusCode, 200);
  const ready = await app.inject({ url: '/health/ready' });
  t.match(ready.json(), { status: 'ok', checks: { database: { status: 'ok' } } });
  await database.close();
  const down = await app.inject({ url: '/health/ready' });
  t.equal(down.statusCode, 503);
  t.match(down.json(), { status: 503, detail: /database/ });
});
