import fp from 'fastify-plugin';
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
    app.decorate('searchEngine', options.engine ?? new PostgresSearchEngine(app.db));
  },
  { name: 'search', dependencies: ['database'] },
);
