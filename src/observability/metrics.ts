import { createHash, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { sendProblem } from '../plugins/problem-details.js';
import { CachedSearchEngine } from '../search/cache.js';
import { databaseLoad, instrumentDatabase } from './database-spans.js';

/**
 * Prometheus metrics. Recorded always (a histogram observation is cheap); exposed at `/metrics` only when
 * METRICS_TOKEN is set, and then only to `Authorization: Bearer <METRICS_TOKEN>`: route names, outbox depth and pool
 * use are no secret, but no business of the internet either. Each app has its own registry (tests build many apps in
 * one process). Point-in-time values (outbox, pool, cache) are read when scraped, never kept up to date in between.
 */

const PREFIX = 'maatwerkregister_';

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  searchDuration: Histogram<'engine' | 'outcome'>;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

function sameToken(given: string, expected: string): boolean {
  // Compare digests, so neither the length nor the content leaks through timing.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export default fp(
  async (app) => {
    instrumentDatabase();
    const registry = new Registry();
    const httpDuration = new Histogram({
      name: `${PREFIX}http_request_duration_seconds`,
      help: 'Duration of HTTP requests by route template and status code.',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    const searchDuration = new Histogram({
      name: `${PREFIX}search_duration_seconds`,
      help: 'Duration of searches by the engine that ran them (cache hits are not searches).',
      labelNames: ['engine', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    app.decorate('metrics', { registry, httpDuration, searchDuration });

    const cache = () => (app.hasDecorator('searchEngine') && app.searchEngine instanceof CachedSearchEngine ? app.searchEngine : undefined);
    new Counter({
      name: `${PREFIX}search_cache_hits_total`,
      help: 'Searches answered from the result cache of this node.',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(cache()?.hits ?? 0);
      },
    });
    new Counter({
      name: `${PREFIX}search_cache_misses_total`,
      help: 'Searches the result cache of this node could not answer.',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(cache()?.misses ?? 0);
      },
    });

    // The outbox only has a consumer when an external engine is fed; with Postgres alone its rows are just versions.
    const relayed = () => app.hasDecorator('outboxRelayed') && app.outboxRelayed;
    let outbox: Promise<{ open: number; dead: number; oldestAge: number; lag: number }> | undefined;
    const readOutbox = () =>
      (outbox ??= app.db
        .execute<{ open: number; dead: number; oldest_age: number | null; lag: number | null }>(
          sql`SELECT count(*) FILTER (WHERE verwerkt_op IS NULL AND dood_op IS NULL)::int AS open,
                     count(*) FILTER (WHERE dood_op IS NOT NULL)::int AS dead,
                     extract(epoch FROM now() - min(aangemaakt_op) FILTER (WHERE verwerkt_op IS NULL AND dood_op IS NULL))::float8 AS oldest_age,
                     (SELECT extract(epoch FROM verwerkt_op - aangemaakt_op)::float8 FROM zoekindex_outbox
                       WHERE verwerkt_op IS NOT NULL ORDER BY verwerkt_op DESC LIMIT 1) AS lag
              FROM zoekindex_outbox`,
        )
        .then(([row]) => ({ open: row?.open ?? 0, dead: row?.dead ?? 0, oldestAge: row?.oldest_age ?? 0, lag: row?.lag ?? 0 }))
        .finally(() => setImmediate(() => (outbox = undefined))));
    const outboxGauge = (name: string, help: string, pick: (o: Awaited<ReturnType<typeof readOutbox>>) => number) =>
      new Gauge({
        name: `${PREFIX}${name}`,
        help,
        registers: [registry],
        async collect() {
          this.set(pick(await readOutbox()));
        },
      });
    // Registered once the search plugin has said whether an engine is fed, so a Postgres-only node has no such series.
    app.addHook('onReady', async () => {
      if (!relayed()) return;
      outboxGauge('search_outbox_open', 'Changes waiting in the search outbox for the relay (Meilisearch only).', (o) => o.open);
      outboxGauge('search_outbox_oldest_open_age_seconds', 'Age of the oldest change still waiting for the relay (0 when none).', (o) => o.oldestAge);
      outboxGauge('search_outbox_dead_letters', 'Outbox rows the relay gave up on after RELAY_MAX_POGINGEN attempts.', (o) => o.dead);
      outboxGauge('search_relay_lag_seconds', 'Time from change to index of the change relayed most recently.', (o) => o.lag);
    });

    // The mail outbox of the reminders (src/herinneringen), read when scraped: no query at start-up, which must not
    // depend on the database answering.
    {
      let mail: Promise<{ open: number; dead: number; oldestAge: number }> | undefined;
      const readMail = () =>
        (mail ??= app.db
          .execute<{ open: number; dead: number; oldest_age: number | null }>(
            sql`SELECT count(*) FILTER (WHERE afgehandeld_op IS NULL)::int AS open,
                       count(*) FILTER (WHERE uitkomst = 'opgegeven')::int AS dead,
                       extract(epoch FROM now() - min(aangemaakt_op) FILTER (WHERE afgehandeld_op IS NULL))::float8 AS oldest_age
                FROM mail_outbox`,
          )
          .then(([row]) => ({ open: row?.open ?? 0, dead: row?.dead ?? 0, oldestAge: row?.oldest_age ?? 0 }))
          .finally(() => setImmediate(() => (mail = undefined))));
      const mailGauge = (name: string, help: string, pick: (m: Awaited<ReturnType<typeof readMail>>) => number) =>
        new Gauge({
          name: `${PREFIX}${name}`,
          help,
          registers: [registry],
          async collect() {
            this.set(pick(await readMail()));
          },
        });
      mailGauge('mail_outbox_open', 'Mails waiting to be sent.', (m) => m.open);
      mailGauge('mail_outbox_oldest_open_age_seconds', 'Age of the oldest mail still waiting (0 when none).', (m) => m.oldestAge);
      mailGauge('mail_outbox_dead_letters', 'Mails given up on (uitkomst opgegeven).', (m) => m.dead);
    }

    new Gauge({
      name: `${PREFIX}db_pool_size`,
      help: 'Connections this node may open (DATABASE_POOL_SIZE).',
      registers: [registry],
      collect() {
        this.set(app.config.databasePoolSize);
      },
    });
    new Gauge({
      name: `${PREFIX}db_queries_in_flight`,
      help: 'Queries this process started that have not finished (running or waiting for a connection).',
      registers: [registry],
      collect() {
        this.set(databaseLoad.inFlight);
      },
    });
    new Gauge({
      name: `${PREFIX}db_queries_in_flight_peak`,
      help: 'Most queries in flight at once since the previous scrape; above db_pool_size, queries waited for a connection.',
      registers: [registry],
      collect() {
        this.set(databaseLoad.peak);
        databaseLoad.peak = databaseLoad.inFlight;
      },
    });
    new Gauge({
      name: `${PREFIX}db_connections`,
      help: "Server-side connections of the register's nodes to this database, by state (pg_stat_activity).",
      labelNames: ['state'] as const,
      registers: [registry],
      async collect() {
        const rows = await app.db.execute<{ state: string | null; n: number }>(
          sql`SELECT state, count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND application_name = 'maatwerkregister' GROUP BY state`,
        );
        this.reset();
        for (const state of ['active', 'idle', 'idle in transaction']) this.set({ state }, 0);
        for (const row of rows) this.set({ state: row.state ?? 'unknown' }, row.n);
      },
    });

    app.addHook('onResponse', async (request, reply) => {
      // The route template, never the URL: ids in paths would make a series per entry.
      const route = request.routeOptions.url ?? 'unmatched';
      httpDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    });

    const settings = app.config.metrics;
    if (!settings) return;
    collectDefaultMetrics({ register: registry, prefix: PREFIX });
    app.get('/metrics', { config: { rateLimit: false } }, async (request, reply) => {
      const header = request.headers.authorization ?? '';
      const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
      if (!token || !sameToken(token, settings.token)) {
        return sendProblem(
          reply,
          { title: 'Niet aangemeld', status: 401, detail: 'De metrieken zijn alleen beschikbaar met het token uit METRICS_TOKEN.' },
          { 'WWW-Authenticate': 'Bearer realm="metrics"' },
        );
      }
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  },
  { name: 'metrics', dependencies: ['database'] },
);
