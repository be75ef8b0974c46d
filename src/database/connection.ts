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

/** Bounds for the connections that serve requests; maintenance (migrations, commands) runs without them. */
export interface SessionTimeouts {
  statementMs: number;
  lockMs: number;
  idleInTransactionMs: number;
  connectMs: number;
}

export interface ConnectOptions {
  max?: number;
  timeouts?: SessionTimeouts | undefined;
}

export function connect(url: string, options: ConnectOptions = {}): Omit<Database, 'close'> & { end(): Promise<void> } {
  const { timeouts } = options;
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Timestamps stay Date objects; `date` columns stay 'YYYY-MM-DD' strings (no time zone surprises).
    types: { date: { to: 1082, from: [1082], serialize: (v: string) => v, parse: (v: string) => v } },
    // Sent in the startup packet, so every connection of the pool has them from its first statement: a lock held
    // elsewhere or a runaway query cannot stall requests and exhaust the pool (issue 16, F3).
    connection: {
      application_name: 'maatwerkregister',
      ...(timeouts
        ? {
            statement_timeout: timeouts.statementMs,
            lock_timeout: timeouts.lockMs,
            idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
          }
        : {}),
    },
    // The driver's default is 30 s: a database that does not answer would hold every request that long.
    ...(timeouts ? { connect_timeout: timeouts.connectMs / 1000 } : {}),
  });
  readArrayTypesOnce(sql);
  return { url, sql, db: drizzle(sql, { schema, casing: 'snake_case' }), end: () => sql.end({ timeout: 5 }) };
}

/**
 * Every new connection of a postgres.js pool first reads the array types from pg_type, and the driver discards that
 * promise (porsager/postgres#1192, open in 3.4.9): when the read fails — a session killed during a database restart,
 * a statement timeout — the rejection is unhandled and would stop the service. The types are the same for the whole
 * pool (the driver keeps them in one shared map), so only connections opened while they are still unknown read them;
 * the reconnects after a restart do not. (A type created after the first read would not get an array parser; our
 * migrations run before the service queries, and drizzle parses its array columns itself.)
 */
function readArrayTypesOnce(sql: Sql): void {
  const options = sql.options as unknown as { fetch_types: boolean; shared: { typeArrayMap: Record<number, number> } };
  if (!options.fetch_types) return;
  Object.defineProperty(options, 'fetch_types', {
    configurable: true,
    enumerable: true,
    get: () => Object.keys(options.shared.typeArrayMap).length === 0,
  });
}

/**
 * Opens the database the configuration points at: `DATABASE_URL` when set, otherwise the embedded cluster under
 * `DATA_DIR` (started if needed, or attached to when the service or another command already runs it).
 */
export async function openDatabase(
  config: Config,
  log: (message: string) => void = () => {},
  options: { forRequests?: boolean } = {},
): Promise<Database> {
  let cluster: EmbeddedCluster | undefined;
  let url = config.databaseUrl;
  if (!url) {
    cluster = await ensureEmbeddedCluster({ dataDir: config.dataDir, port: config.embeddedPostgresPort, log });
    url = cluster.url;
  }
  // Only the service's pool is bounded: commands and migrations may rightly run long and wait for locks.
  const connection = connect(url, { max: config.databasePoolSize, timeouts: options.forRequests ? config.timeouts : undefined });
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
