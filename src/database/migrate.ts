import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { Db, Sql } from './connection.js';

export const migrationsFolder = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/** Arbitrary constant: the advisory lock that serialises migrations when several nodes start at once. */
const MIGRATION_LOCK = 7_242_001;

export async function runMigrations(db: Db, sql: Sql): Promise<void> {
  // A session lock on a reserved connection, held while drizzle migrates through the pool: a second node
  // waits here and then finds nothing left to apply.
  const reserved = await sql.reserve();
  try {
    await reserved`SELECT pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(db, { migrationsFolder });
  } finally {
    await reserved`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`;
    reserved.release();
  }
}
