import fp from 'fastify-plugin';
import { CachedSearchEngine } from '../search/cache.js';
import type { SearchEngine } from '../search/port.js';
import { startRelay } from '../search/relay.js';
import { SearchLogBuffer } from '../zoeken/search-log.js';
import { FallbackSearchEngine } from '../search/fallback.js';
import { MeilisearchEngine } from '../search/meilisearch/engine.js';
import { PostgresSearchEngine } from '../search/postgres/engine.js';
import { ObservedSearchEngine } from '../observability/search.js';

declare module 'fastify' {
  interface FastifyInstance {
    searchEngine: SearchEngine;
    searchLog: SearchLogBuffer;
    /** Whether an external engine is fed from the outbox (its state belongs in readiness). */
    outboxRelayed: boolean;
  }
}

/** The configured search engine behind the port (Postgres by default). */
export default fp<{ engine?: SearchEngine }>(
  async (app, options) => {
    // Each real engine is measured and traced on its own (src/observability/search.ts).
    const metrics = app.hasDecorator('metrics') ? app.metrics : undefined;
    const postgres = new ObservedSearchEngine(new PostgresSearchEngine(app.db), metrics);
    const meili =
      app.config.searchEngine === 'meilisearch' && app.config.meilisearch
        ? new MeilisearchEngine(app.db, { ...app.config.meilisearch, verificatieMaanden: app.config.termijnen.verificatieMaanden })
        : undefined;
    // An unsupported server is refused at start-up, saying why: it is neither searched nor fed (searches go to Postgres,
    // readiness says "degraded" with the reason). An unreachable one is decided later, when it answers.
    const verdict = meili ? await meili.version().catch(() => undefined) : undefined;
    if (verdict && !verdict.supported) app.log.error({ meilisearch: { url: app.config.meilisearch?.url, version: verdict.version } }, verdict.detail);
    const engine =
      options.engine ??
      (meili ? new FallbackSearchEngine(new ObservedSearchEngine(meili, metrics), postgres, (message, error) => app.log.warn({ err: error }, message)) : postgres);
    // The cache's version is the outbox: right for Postgres, which is current within the write's transaction; an
    // external engine catches up later, so its results are not cached.
    const cache = meili ? null : app.config.searchCache;
    app.decorate('searchEngine', cache ? new CachedSearchEngine(engine, app.db, cache) : engine);
    app.decorate('outboxRelayed', meili !== undefined);
    const searchLog = new SearchLogBuffer(app.db, (error) => app.log.warn({ err: error }, 'search log write failed'));
    app.decorate('searchLog', searchLog);
    // Before the database closes: the server closes the pool after app.close().
    app.addHook('onClose', () => searchLog.flush());
    if (meili && app.config.relay.inServer && verdict?.supported !== false) {
      const relay = startRelay(app.db, meili, {
        maxPogingen: app.config.relay.maxPogingen,
        log: (message, error) => app.log.warn({ err: error }, message),
        tijd: { verificatieMaanden: app.config.termijnen.verificatieMaanden },
      });
      app.addHook('onClose', () => relay.stop());
    }
  },
  { name: 'search', dependencies: ['database'] },
);
