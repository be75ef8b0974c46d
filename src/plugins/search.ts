import fp from 'fastify-plugin';
import { CachedSearchEngine } from '../search/cache.js';
import type { SearchEngine } from '../search/port.js';
import { PostgresSearchEngine } from '../search/postgres/engine.js';

declare module 'fastify' {
  interface FastifyInstance {
    searchEngine: SearchEngine;
  }
}

/** The configured search engine behind the port (Postgres by default). */
export default fp<{ engine?: SearchEngine }>(
  async (app, options) => {
    const engine = options.engine ?? new PostgresSearchEngine(app.db);
    const cache = app.config.searchCache;
    app.decorate('searchEngine', cache ? new CachedSearchEngine(engine, app.db, cache) : engine);
  },
  { name: 'search', dependencies: ['database'] },
);
