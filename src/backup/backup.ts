import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Sql } from '../database/connection.js';
import { BACKUP_FORMAT, BACKUP_VERSION, END_OF_DATA, ident, type BackupHeader, type BackupTrailer, type SchemaVersion, type TableSection } from './format.js';

/**
 * A consistent logical backup without pg_dump (the embedded PostgreSQL ships none, and Debian's client is older than
 * the server): one REPEATABLE READ snapshot, every table of the schema in COPY text format, the sequences and the
 * schema version. See `format.ts` for the file and `restore.ts` for the way back.
 */

type Query = Pick<Sql, 'unsafe'>;

export async function schemaVersion(sql: Query): Promise<SchemaVersion> {
  const [row] = await sql.unsafe<{ migraties: number; hash: string | null }[]>(
    `SELECT count(*)::int AS migraties, (SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at DESC, id DESC LIMIT 1) AS hash
     FROM drizzle.__drizzle_migrations`,
  );
  return { migraties: row?.migraties ?? 0, laatsteHash: row?.hash ?? null };
}

/** The schema's tables, parents before children (foreign keys), so a restore can load them in this order. */
export async function tablesInLoadOrder(sql: Query): Promise<string[]> {
  const tables = (await sql.unsafe<{ name: string }[]>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
  )).map((r) => r.name);
  const edges = await sql.unsafe<{ child: string; parent: string }[]>(
    `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
     WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace AND k.conrelid <> k.confrelid`,
  );
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: string) => {
    if (state.get(table) === 'done') return;
    if (state.get(table) === 'visiting') throw new Error(`foreign keys form a cycle through ${table}; this backup cannot order the tables`);
    state.set(table, 'visiting');
    for (const edge of edges) if (edge.child === table) visit(edge.parent);
    state.set(table, 'done');
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

/** Stored columns only: generated columns are recomputed on restore. */
export async function copyColumns(sql: Query, table: string): Promise<string[]> {
  return (await sql.unsafe<{ name: string }[]>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [`public.${ident(table)}`],
  )).map((r) => r.name);
}

/**
 * Runs one `COPY … TO STDOUT` and hands its output to `sink` chunk by chunk, waiting for each (backpressure); returns
 * the number of rows. The driver pauses its socket when a COPY stream's buffer is full and resumes it only when that
 * stream is read again (its `_read`). When the pause falls on the last rows, the stream ends with the socket still
 * paused, nothing reads it again, and the next statement on the connection never gets an answer (porsager/postgres#499;
 * it happened here whenever compression was slower than the database). Calling the stream's `_read` once more after
 * its end resumes the socket; on a socket that is not paused it does nothing.
 */
export async function copyOut(sql: Query, statement: string, sink: (chunk: Buffer, rowsSoFar: number) => Promise<void>): Promise<number> {
  const stream = await sql.unsafe(statement).readable();
  let rows = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) rows++;
      await sink(chunk, rows);
    }
  } finally {
    (stream as { _read?: (size: number) => void })._read?.(0);
  }
  return rows;
}

export interface BackupReport {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
}

export async function createBackup(sql: Sql, file: string, log: (message: string) => void = () => {}): Promise<BackupReport> {
  const partial = `${file}.deel`;
  // Personal data: readable by the owner only. Written beside the target and renamed at the end, so a backup that
  // failed halfway never looks like a complete one.
  const output = createWriteStream(partial, { mode: 0o600 });
  const gzip = createGzip();
  gzip.pipe(output);
  const write = async (text: string | Buffer) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  const started = performance.now();
  const counts: Record<string, number> = {};
  try {
    await sql.begin('ISOLATION LEVEL REPEATABLE READ READ ONLY', async (tx) => {
      const tables = await tablesInLoadOrder(tx);
      const sequences = await tx.unsafe<{ name: string; value: string | null }[]>(
        `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
      );
      const [version] = await tx.unsafe<{ v: string }[]>(`SELECT current_setting('server_version') AS v`);
      const header: BackupHeader = {
        formaat: BACKUP_FORMAT,
        versie: BACKUP_VERSION,
        gemaaktOp: new Date().toISOString(),
        postgres: version?.v ?? 'unknown',
        schema: await schemaVersion(tx),
        reeksen: Object.fromEntries(sequences.map((s) => [s.name, s.value === null ? null : Number(s.value)])),
        tabellen: tables,
      };
      await write(`${JSON.stringify(header)}\n`);
      log(`backup: snapshot taken, ${tables.length} tables (schema: ${header.schema.migraties} migrations)`);
      for (const table of tables) {
        const columns = await copyColumns(tx, table);
        const section: TableSection = { tabel: table, kolommen: columns };
        await write(`${JSON.stringify(section)}\n`);
        let reported = 0;
        const rows = await copyOut(tx, `COPY ${ident(table)} (${columns.map(ident).join(', ')}) TO STDOUT`, async (chunk, rowsSoFar) => {
          await write(chunk);
          if (rowsSoFar - reported >= 100_000) {
            reported = rowsSoFar;
            log(`backup: ${table}: ${rowsSoFar.toLocaleString('en')} rows…`);
          }
        });
        await write(`${END_OF_DATA}\n`);
        counts[table] = rows;
        log(`backup: ${table}: ${rows.toLocaleString('en')} rows`);
      }
    });
    const trailer: BackupTrailer = { einde: true, rijen: counts };
    await write(`${JSON.stringify(trailer)}\n`);
    gzip.end();
    await finished(output);
    await rename(partial, file);
  } catch (error) {
    gzip.destroy();
    output.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  log(`backup: ${rows.toLocaleString('en')} rows in ${Object.keys(counts).length} tables, ${output.bytesWritten.toLocaleString('en')} bytes, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { file, tables: Object.keys(counts).length, rows, bytes: output.bytesWritten };
}
