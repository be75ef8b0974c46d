import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { buildTestApp } from '../../helpers/app.js';
import { TEST_DATA_DIR } from '../../helpers/cluster.js';
import { createTestDatabase } from '../../helpers/database.js';
import { startServer } from '../../helpers/processes.js';
import { castOf, entryBody } from '../../helpers/people.js';

/**
 * An unsupported Meilisearch version is refused at start-up: the service starts, searches are answered by Postgres,
 * nothing is sent to the server, and readiness says "degraded" with the reason. The server here only answers
 * `/health` and `/version` (a real old server is not available to the tests); every other request is recorded, and
 * there must be none.
 */
async function oldServer(t: { teardown(fn: () => unknown): void }, pkgVersion: string) {
  const other: string[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.url === '/health') return response.end(JSON.stringify({ status: 'available' }));
    if (request.url === '/version') return response.end(JSON.stringify({ pkgVersion, commitSha: 'x', commitDate: '2024-01-01' }));
    other.push(`${request.method} ${request.url}`);
    response.statusCode = 500;
    response.end(JSON.stringify({ message: 'not expected', code: 'internal', type: 'internal', link: '' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, other };
}

t.test('Meilisearch 1.12.0: refused at start-up; Postgres answers; readiness degraded with the reason; nothing sent', async (t) => {
  const old = await oldServer(t, '1.12.0');
  const testApp = await buildTestApp(t, { SEARCH_ENGINE: 'meilisearch', MEILI_URL: old.url, MEILI_TIMEOUT_MS: '500' });
  const { app, database } = testApp;
  const cast = await castOf(testApp);

  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ functie: 'Versiecontroleur' }) });
  t.equal(created.statusCode, 201, 'writes succeed');
  const search = await app.inject({ url: '/api/v1/professionals?zoekterm=versiecontroleur', headers: cast.collega });
  t.equal(search.statusCode, 200);
  t.equal(search.json().totaal, 1, 'answered by Postgres');

  const ready = await app.inject({ url: '/health/ready' });
  t.equal(ready.statusCode, 200, 'still ready: search works');
  t.match(ready.json(), {
    status: 'degraded',
    checks: { zoeken: { status: 'degraded', detail: /Meilisearch 1\.12\.0 wordt niet ondersteund \(vereist 1\.50\.0 of nieuwer, lager dan 2\.0\.0\); zoeken via Postgres/ } },
  });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  t.same(old.other, [], 'no search, document or settings request reached the unsupported server');
  const [outbox] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM zoekindex_outbox WHERE verwerkt_op IS NULL AND dood_op IS NULL`;
  t.equal(outbox?.n, 1, 'the change waits in the outbox (no relay feeds an unsupported server)');
});

t.test('a version string that is not a version is refused too', async (t) => {
  const odd = await oldServer(t, 'nightly');
  const testApp = await buildTestApp(t, { SEARCH_ENGINE: 'meilisearch', MEILI_URL: odd.url, MEILI_TIMEOUT_MS: '500' });
  const ready = await testApp.app.inject({ url: '/health/ready' });
  t.match(ready.json(), { status: 'degraded', checks: { zoeken: { detail: /onbekende versie "nightly"/ } } });
  t.same(odd.other, []);
});

t.test('the service says so at start-up, in its log', async (t) => {
  const old = await oldServer(t, '1.12.0');
  const database = await createTestDatabase(t);
  const server = await startServer(t, { DATABASE_URL: database.url, DATA_DIR: TEST_DATA_DIR, NODE_ENV: 'test', SEARCH_ENGINE: 'meilisearch', MEILI_URL: old.url, LOG_LEVEL: 'info' });
  t.match(server.logs(), /"level":50[^\n]*Meilisearch 1\.12\.0 wordt niet ondersteund/, 'an error line with the reason');
  await server.stop();
});
