import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { seedReferenceData } from '../../db/seed/index.js';
import { connect, type Database } from '../../src/database/connection.js';
import { runMigrations } from '../../src/database/migrate.js';

/**
 * A throw-away database next to the configured one (same server), migrated and seeded, for benchmarks that must
 * not touch real data. Dropped again by `close()`.
 */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<Database & { url: string }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = connect(url.toString(), { max: 10 });
  await runMigrations(connection.db, connection.sql);
  await seedReferenceData(connection.db);
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
