import { sql } from 'drizzle-orm';
import t from 'tap';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';
import { parseExposition, type Family } from '../helpers/prometheus.js';

const TOKEN = 'scrape-token-0123456789abcdef';

async function scrape(testApp: TestApp): Promise<Map<string, Family>> {
  const response = await testApp.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
  if (response.statusCode !== 200) throw new Error(`scrape answered ${response.statusCode}: ${response.body}`);
  return parseExposition(response.body);
}

const value = (families: Map<string, Family>, sample: string, labels: Record<string, string> = {}) =>
  families
    .get(sample.replace(/_(bucket|sum|count)$/, ''))
    ?.samples.find((s) => s.name === sample && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

t.test('without METRICS_TOKEN there is no /metrics', async (t) => {
  const { app } = await buildTestApp(t);
  t.equal((await app.inject({ url: '/metrics' })).statusCode, 404);
});

t.test('/metrics answers only the configured bearer token, with problem details otherwise', async (t) => {
  const { app } = await buildTestApp(t, { METRICS_TOKEN: TOKEN });
  for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
    const response = await app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });
    t.equal(response.statusCode, 401, `refused: ${authorization ?? 'no header'}`);
    t.match(response.headers['content-type'], /^application\/problem\+json/);
    t.match(response.headers['www-authenticate'], /^Bearer/);
  }
  const response = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
  t.equal(response.statusCode, 200);
  t.match(response.headers['content-type'], /^text\/plain; version=0\.0\.4/, 'the Prometheus text format');
});

t.test('a scrape parses and shows requests by route, search latency by engine, cache use and the pool', async (t) => {
  const testApp = await buildTestApp(t, { METRICS_TOKEN: TOKEN });
  const { app } = testApp;
  const cast = await castOf(testApp);
  await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: entryBody({ email: 'a@rotterdam.nl' }) });
  for (let i = 0; i < 3; i++) await app.inject({ url: '/api/v1/professionals?zoekterm=schuldhulp', headers: cast.collega });
  await app.inject({ url: '/api/v1/professionals/00000000-0000-4000-8000-000000000000', headers: cast.collega });

  const families = await scrape(testApp);
  t.equal(families.get('maatwerkregister_http_request_duration_seconds')?.type, 'histogram');
  t.equal(value(families, 'maatwerkregister_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/professionals', status_code: '200' }), 3, 'three searches, by route template');
  t.equal(value(families, 'maatwerkregister_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/professionals/:id', status_code: '404' }), 1, 'a path with an id counts under its template');
  t.notOk(
    families.get('maatwerkregister_http_request_duration_seconds')?.samples.some((s) => s.labels.route?.includes('00000000')),
    'no series per id',
  );
  t.equal(value(families, 'maatwerkregister_http_request_duration_seconds_bucket', { route: '/api/v1/professionals', status_code: '200', le: '+Inf' }), 3);

  t.equal(value(families, 'maatwerkregister_search_duration_seconds_count', { engine: 'postgres', outcome: 'ok' }), 1, 'one search reached the engine…');
  t.equal(value(families, 'maatwerkregister_search_cache_hits_total'), 2, '…two came from the cache');
  t.equal(value(families, 'maatwerkregister_search_cache_misses_total'), 1);

  t.equal(value(families, 'maatwerkregister_db_pool_size'), testApp.config.databasePoolSize);
  t.equal(families.get('maatwerkregister_db_queries_in_flight')?.type, 'gauge');
  t.ok((value(families, 'maatwerkregister_db_queries_in_flight_peak') ?? 0) >= 1, 'the scrape itself had a query in flight');
  t.ok((value(families, 'maatwerkregister_db_connections', { state: 'active' }) ?? 0) >= 1, 'server-side connections by state');
  t.ok(value(families, 'maatwerkregister_process_resident_memory_bytes') !== undefined || value(families, 'maatwerkregister_nodejs_heap_size_used_bytes') !== undefined, 'process metrics');
  t.equal(value(families, 'maatwerkregister_search_outbox_open'), undefined, 'no outbox metrics without a relayed engine');
});

t.test('with Meilisearch the outbox depth, its oldest change, dead letters and relay lag are scraped', async (t) => {
  // An unreachable Meilisearch and no relay in this node: changes wait in the outbox.
  const testApp = await buildTestApp(t, { METRICS_TOKEN: TOKEN, SEARCH_ENGINE: 'meilisearch', MEILI_URL: 'http://127.0.0.1:9', MEILI_TIMEOUT_MS: '200', RELAY_IN_SERVER: 'false' });
  const { app } = testApp;
  const cast = await castOf(testApp);
  for (const email of ['a@rotterdam.nl', 'b@rotterdam.nl']) {
    await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: entryBody({ email }) });
  }
  const db = testApp.database.db;
  await db.execute(sql`UPDATE zoekindex_outbox SET aangemaakt_op = now() - interval '90 seconds' WHERE id = (SELECT min(id) FROM zoekindex_outbox)`);
  await db.execute(sql`UPDATE zoekindex_outbox SET dood_op = now() WHERE id = (SELECT max(id) FROM zoekindex_outbox)`);
  const [{ open }] = (await db.execute<{ open: number }>(sql`SELECT count(*)::int AS open FROM zoekindex_outbox WHERE verwerkt_op IS NULL AND dood_op IS NULL`)) as unknown as [{ open: number }];

  let families = await scrape(testApp);
  t.equal(value(families, 'maatwerkregister_search_outbox_open'), open, 'open rows');
  t.equal(value(families, 'maatwerkregister_search_outbox_dead_letters'), 1);
  t.ok((value(families, 'maatwerkregister_search_outbox_oldest_open_age_seconds') ?? 0) >= 90, 'the oldest waits 90 s');
  t.equal(value(families, 'maatwerkregister_search_relay_lag_seconds'), 0, 'nothing relayed yet');

  await db.execute(sql`UPDATE zoekindex_outbox SET verwerkt_op = aangemaakt_op + interval '3 seconds' WHERE dood_op IS NULL`);
  families = await scrape(testApp);
  t.equal(value(families, 'maatwerkregister_search_outbox_open'), 0);
  t.equal(value(families, 'maatwerkregister_search_outbox_oldest_open_age_seconds'), 0);
  t.equal(Math.round(value(families, 'maatwerkregister_search_relay_lag_seconds') ?? -1), 3, 'the last change took 3 s to reach the index');
  t.equal(value(families, 'maatwerkregister_search_duration_seconds_count', { engine: 'meilisearch', outcome: 'error' }), undefined, 'no search yet');
  await app.inject({ url: '/api/v1/professionals?zoekterm=schuldhulp', headers: cast.collega });
  families = await scrape(testApp);
  t.equal(value(families, 'maatwerkregister_search_duration_seconds_count', { engine: 'postgres', outcome: 'ok' }), 1, 'answered by the fallback, counted as Postgres');
});

t.test('the mail outbox: its depth, oldest mail and dead letters are scraped', async (t) => {
  const testApp = await buildTestApp(t, { METRICS_TOKEN: TOKEN });
  await testApp.database.sql.unsafe(`
    INSERT INTO mail_outbox (soort, ontvanger, ontvanger_rol, organisatie_code, aangemaakt_op, afgehandeld_op, uitkomst) VALUES
      ('herinnering', 'a@example.nl', 'eigenaar', 'gm0363', now() - interval '120 seconds', NULL, NULL),
      ('herinnering', 'b@example.nl', 'eigenaar', 'gm0363', now(), NULL, NULL),
      ('herinnering', 'c@example.nl', 'eigenaar', 'gm0363', now(), now(), 'verzonden'),
      ('overzicht', 'd@example.nl', 'coordinator', 'gm0363', now(), now(), 'opgegeven')`);
  const families = await scrape(testApp);
  t.equal(value(families, 'maatwerkregister_mail_outbox_open'), 2);
  t.equal(value(families, 'maatwerkregister_mail_outbox_dead_letters'), 1);
  t.ok((value(families, 'maatwerkregister_mail_outbox_oldest_open_age_seconds') ?? 0) >= 120);
});
