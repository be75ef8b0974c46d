import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { seedReferenceData } from '../../db/seed/index.js';
import { connect, type Database, type SessionTimeouts } from '../../src/database/connection.js';
import { runMigrations } from '../../src/database/migrate.js';

/**
 * A throw-away database next to the configured one (same server), migrated and seeded, for benchmarks that must
 * not touch real data. Dropped again by `close()`.
 */
export async function createScratchDatabase(serverUrl: string, prefix: string, options: { timeouts?: SessionTimeouts } = {}): Promise<Database & { url: string }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // Migrated without the request timeouts; the pool handed out gets them when asked (as the service's has).
  const setup = connect(url.toString(), { max: 2 });
  try {
    await runMigrations(setup.db, setup.sql);
    await seedReferenceData(setup.db);
  } finally {
    await setup.end();
  }
  const connection = connect(url.toString(), { max: 10, timeouts: options.timeouts });
  return {
    url: url.toString(),
    db: connection.db,
    sql: connection.sql,
    async close() {
      await connection.end();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
