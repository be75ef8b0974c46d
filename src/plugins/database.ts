import fp from 'fastify-plugin';
import type { Database, Db, Sql } from '../database/connection.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    sql: Sql;
  }
}

/** Makes the database available to routes. The caller owns the connection: it opened it and closes it. */
export default fp<{ database: Database }>(
  async (app, { database }) => {
    app.decorate('db', database.db);
    app.decorate('sql', database.sql);
  },
  { name: 'database' },
);
