import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '../../db/schema/index.js';
import type { Config } from '../config.js';
import { ensureEmbeddedCluster, type EmbeddedCluster } from './embedded-cluster.js';

export type Db = PostgresJsDatabase<typeof schema>;
export type Sql = postgres.Sql;
/** A transaction handle; functions that take `DbOrTx` work inside or outside a caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  /** Where it connects (contains the password: never log it). */
  url: string;
  db: Db;
  sql: Sql;
  /** Closes the pool, then stops the embedded cluster if this process started it and nobody else uses it. */
  close(): Promise<void>;
}

export function connect(url: string, options: { max?: number } = {}): Omit<Database, 'close'> & { end(): Promise<void> } {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Timestamps stay Date objects; `date` columns stay 'YYYY-MM-DD' strings (no time zone surprises).
    types: { date: { to: 1082, from: [1082], serialize: (v: string) => v, parse: (v: string) => v } },
    connection: { application_name: 'maatwerkregister' },
  });
  return { url, sql, db: drizzle(sql, { schema, casing: 'snake_case' }), end: () => sql.end({ timeout: 5 }) };
}

/**
 * Opens the database the configuration points at: `DATABASE_URL` when set, otherwise the embedded cluster under
 * `DATA_DIR` (started if needed, or attached to when the service or another command already runs it).
 */
export async function openDatabase(config: Config, log: (message: string) => void = () => {}): Promise<Database> {
  let cluster: EmbeddedCluster | undefined;
  let url = config.databaseUrl;
  if (!url) {
    cluster = await ensureEmbeddedCluster({ dataDir: config.dataDir, port: config.embeddedPostgresPort, log });
    url = cluster.url;
  }
  const connection = connect(url, { max: config.databasePoolSize });
  return {
    url,
    db: connection.db,
    sql: connection.sql,
    async close() {
      await connection.end();
      await cluster?.release();
    },
  };
}
