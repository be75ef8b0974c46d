import { createServer } from 'node:net';
import t from 'tap';
import { buildTestApp } from '../../helpers/app.js';
import { castOf, entryBody } from '../../helpers/people.js';

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

t.test('Meilisearch unreachable: the service starts, writes succeed, search falls back, readiness is degraded, the outbox holds the changes', async (t) => {
  const port = await closedPort();
  const testApp = await buildTestApp(t, { SEARCH_ENGINE: 'meilisearch', MEILI_URL: `http://127.0.0.1:${port}`, MEILI_TIMEOUT_MS: '300', RELAY_MAX_POGINGEN: '50' });
  const { app, database } = testApp;
  const cast = await castOf(testApp);

  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody() });
  t.equal(created.statusCode, 201, 'writes succeed');
  const patched = await app.inject({ method: 'PATCH', url: `/api/v1/professionals/${created.json().id}`, headers: { ...cast.coordinatorAmsterdam, 'if-match': '"1"' }, payload: { functie: 'Casusregisseur' } });
  t.equal(patched.statusCode, 200);

  const search = await app.inject({ url: '/api/v1/professionals?zoekterm=casusregisseur', headers: cast.collega });
  t.equal(search.statusCode, 200, 'searches are answered');
  t.equal(search.json().totaal, 1, 'by the Postgres engine, which is current');

  const ready = await app.inject({ url: '/health/ready' });
  t.equal(ready.statusCode, 200);
  t.match(ready.json(), { status: 'degraded', checks: { zoeken: { status: 'degraded', outbox: { openstaand: 2, dood: 0 } } } });

  const pending = await database.sql`SELECT count(*)::int AS n FROM zoekindex_outbox WHERE verwerkt_op IS NULL`;
  t.equal(pending[0]?.n, 2, 'exactly the pending changes: one create, one update');
});
