import t, { type Test } from 'tap';
import { connect } from '../../src/database/connection.js';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';
import { appWithoutDatabase, closedPort, silentServer } from '../helpers/unreachable-database.js';

/**
 * Issue 16, F2 (API part): with the database down the API answered 500 without Retry-After, and requests hung for
 * up to 10 s. Now: 503 problem+json with Retry-After, within the configured bounds, and recovery when it is back.
 * No test here stops the shared test cluster: the app is pointed at an address where no database answers, and
 * only this file's own sessions are terminated.
 */

const requests = (auth: { authorization: string }) => [
  { method: 'GET' as const, url: '/api/v1/organisaties', headers: auth },
  { method: 'GET' as const, url: '/api/v1/organisaties/gm0363', headers: auth },
  { method: 'GET' as const, url: '/api/v1/expertisegebieden', headers: auth },
  { method: 'GET' as const, url: '/api/v1/mij', headers: auth },
  { method: 'GET' as const, url: '/api/v1/professionals?zoekterm=schuld', headers: auth },
  { method: 'POST' as const, url: '/api/v1/professionals', headers: auth, payload: entryBody() },
];

function checkUnavailable(t: Test, response: { statusCode: number; headers: Record<string, unknown>; body: string }, name: string) {
  t.equal(response.statusCode, 503, `${name}: 503 (${response.body.slice(0, 120)})`);
  t.match(String(response.headers['content-type']), /^application\/problem\+json/, `${name}: problem+json`);
  t.ok(Number(response.headers['retry-after']) > 0, `${name}: Retry-After`);
}

t.test('database refusing connections: every API request is a 503 with Retry-After, at once', async (t) => {
  // A long connect timeout, so "at once" is told apart from "waited for the timeout" with room for a busy machine.
  const connectTimeout = 20_000;
  const { app, token } = await appWithoutDatabase(t, await closedPort(), { DATABASE_CONNECT_TIMEOUT_MS: String(connectTimeout) });
  const auth = { authorization: `Bearer ${await token()}` };
  for (const request of requests(auth)) {
    const started = performance.now();
    const response = await app.inject(request);
    checkUnavailable(t, response, `${request.method} ${request.url}`);
    const waited = Math.round(performance.now() - started);
    t.ok(waited < connectTimeout / 4, `${request.url}: without waiting for the connect timeout (${waited} ms)`);
  }
  const ready = await app.inject({ url: '/health/ready' });
  t.equal(ready.statusCode, 503, 'not ready');
  t.equal((await app.inject({ url: '/api/v1/openapi.json' })).statusCode, 200, 'what needs no database still works');
  const many = await Promise.all(Array.from({ length: 40 }, (_, i) => app.inject(requests(auth)[i % 6]!)));
  t.same([...new Set(many.map((r) => r.statusCode))], [503], 'under load: only 503s');
});

t.test('a database host that does not answer: 503 within DATABASE_CONNECT_TIMEOUT_MS, not a hang', async (t) => {
  const { app, token } = await appWithoutDatabase(t, await silentServer(t), { DATABASE_CONNECT_TIMEOUT_MS: '500' });
  const auth = { authorization: `Bearer ${await token()}` };
  const started = performance.now();
  const responses = await Promise.all(requests(auth).map((request) => app.inject(request)));
  const waited = performance.now() - started;
  responses.forEach((response, i) => checkUnavailable(t, response, requests(auth)[i]!.url));
  t.ok(waited < 4_000, `all answered near the connect timeout (${Math.round(waited)} ms)`);
});

t.test('connections killed under the app (a database restart): 503, then recovery without a restart of the app', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.beheerder, payload: entryBody() });
  t.equal(created.statusCode, 201);
  const killer = connect(database.url, { max: 1 });
  t.teardown(() => killer.end());
  // Only this file's database: the other files' sessions are untouched.
  const terminate = () =>
    killer.sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`;
  let statuses: number[] = [];
  // Two restarts' worth: killing sessions back to back many times also kills connections mid-handshake, which then
  // wait for the connect timeout (see the report of issue 16).
  for (let round = 0; round < 2; round++) {
    const inFlight = Array.from({ length: 10 }, (_, i) =>
      app.inject(i % 2 ? { url: '/api/v1/professionals?zoekterm=schuld', headers: cast.collega } : { url: '/api/v1/organisaties/gm0363', headers: cast.collega }),
    );
    await terminate();
    statuses = statuses.concat((await Promise.all(inFlight)).map((r) => r.statusCode));
  }
  t.same(statuses.filter((s) => s !== 200 && s !== 503), [], `only 200 or 503 while sessions are killed (${[...new Set(statuses)].join(',')})`);
  const deadline = Date.now() + 5_000;
  let after = 0;
  while (Date.now() < deadline && after !== 200) after = (await app.inject({ url: `/api/v1/professionals/${created.json().id}`, headers: cast.beheerder })).statusCode;
  t.equal(after, 200, 'recovered within 5 s, same app');
});
