import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Sql } from '../database/connection.js';
import { copyColumns, schemaVersion, tablesInLoadOrder } from './backup.js';
import { BACKUP_FORMAT, BACKUP_VERSION, END_OF_DATA, ident, type BackupHeader, type BackupTrailer, type TableSection } from './format.js';

/**
 * Restores a backup of `backup.ts` into an empty, migrated database of the same schema version, all or nothing: one
 * transaction, so a damaged or cut-short file leaves the database as empty as it was. Triggers of our own are off
 * while loading (`DISABLE TRIGGER USER`, which the tables' owner may do): the audit log keeps its recorded hash chain
 * instead of re-chaining, and the search word lists are restored as they were rather than counted twice. Foreign keys
 * stay on; the tables come in foreign-key order.
 */

export class RestoreError extends Error {}

export interface RestoreReport {
  tables: number;
  rows: number;
  header: BackupHeader;
}

async function* lines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  const reader = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of reader) yield line;
  } catch (error) {
    throw new RestoreError(`${file} is not a readable backup (${(error as Error).message})`);
  }
}

function parseJson<T>(line: string | undefined, what: string): T {
  try {
    return JSON.parse(line ?? '') as T;
  } catch {
    throw new RestoreError(`the backup is damaged: expected ${what}`);
  }
}

export async function restoreBackup(sql: Sql, file: string, log: (message: string) => void = () => {}): Promise<RestoreReport> {
  const input = lines(file)[Symbol.asyncIterator]();
  const next = async () => {
    const result = await input.next();
    return result.done ? undefined : result.value;
  };

  const header = parseJson<BackupHeader>(await next(), 'the header line');
  if (header.formaat !== BACKUP_FORMAT) throw new RestoreError(`${file} is not a Maatwerkregister backup`);
  if (header.versie !== BACKUP_VERSION) throw new RestoreError(`backup format version ${String(header.versie)} is not supported (this release reads ${String(BACKUP_VERSION)})`);

  const schema = await schemaVersion(sql);
  if (schema.migraties !== header.schema.migraties || schema.laatsteHash !== header.schema.laatsteHash) {
    throw new RestoreError(
      `the backup has schema version ${header.schema.migraties} (${header.schema.laatsteHash ?? '-'}), this release ${schema.migraties} (${schema.laatsteHash ?? '-'}): ` +
        'restore with the release that made the backup, then upgrade',
    );
  }
  const tables = await tablesInLoadOrder(sql);
  const missing = header.tabellen.filter((t) => !tables.includes(t));
  if (missing.length > 0) throw new RestoreError(`the database has no table ${missing.join(', ')}`);
  const filled: string[] = [];
  for (const table of tables) {
    const [row] = await sql.unsafe<{ any: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM ${ident(table)}) AS any`);
    if (row?.any) filled.push(table);
  }
  if (filled.length > 0) throw new RestoreError(`the database is not empty (${filled.join(', ')}): restore into a new, empty database`);

  log(`restore: backup of ${header.gemaaktOp} (PostgreSQL ${header.postgres}), ${header.tabellen.length} tables`);
  const counts: Record<string, number> = {};
  await sql.begin(async (tx) => {
    for (;;) {
      const line = await next();
      if (line === undefined) throw new RestoreError('the backup ends early: it was cut short (nothing restored)');
      const record = parseJson<Partial<TableSection & BackupTrailer>>(line, 'a table section');
      if (record.einde) {
        for (const [table, rows] of Object.entries(record.rijen ?? {})) {
          if (counts[table] !== rows) throw new RestoreError(`${table}: the backup announces ${rows} rows, ${counts[table] ?? 0} were read (nothing restored)`);
        }
        break;
      }
      const table = record.tabel;
      if (!table || !record.kolommen || !header.tabellen.includes(table)) throw new RestoreError('the backup is damaged: expected a table section');
      const columns = await copyColumns(tx, table);
      const unknown = record.kolommen.filter((c) => !columns.includes(c));
      if (unknown.length > 0) throw new RestoreError(`${table}: the database has no column ${unknown.join(', ')}`);

      await tx.unsafe(`ALTER TABLE ${ident(table)} DISABLE TRIGGER USER`);
      const target = await tx.unsafe(`COPY ${ident(table)} (${record.kolommen.map(ident).join(', ')}) FROM STDIN`).writable();
      let rows = 0;
      for (;;) {
        const data = await next();
        if (data === undefined) {
          target.destroy();
          throw new RestoreError(`the backup ends inside ${table}: it was cut short (nothing restored)`);
        }
        if (data === END_OF_DATA) break;
        rows++;
        if (!target.write(`${data}\n`)) await once(target, 'drain');
        if (rows % 100_000 === 0) log(`restore: ${table}: ${rows.toLocaleString('en')} rows…`);
      }
      target.end();
      await finished(target);
      await tx.unsafe(`ALTER TABLE ${ident(table)} ENABLE TRIGGER USER`);
      counts[table] = rows;
      log(`restore: ${table}: ${rows.toLocaleString('en')} rows`);
    }
    for (const [sequence, value] of Object.entries(header.reeksen)) {
      if (value !== null) await tx.unsafe(`SELECT setval($1::regclass, $2, true)`, [`public.${ident(sequence)}`, value]);
    }
  });
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  log(`restore: ${rows.toLocaleString('en')} rows in ${Object.keys(counts).length} tables`);
  return { tables: Object.keys(counts).length, rows, header };
}
