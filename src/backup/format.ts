/**
 * The backup file: gzip-compressed lines.
 *
 *   {"formaat":"maatwerkregister-backup","versie":1,…header…}
 *   {"tabel":"organisaties","kolommen":["code",…]}
 *   <rows in PostgreSQL's COPY text format, one per line>
 *   \.
 *   … one section per table, in foreign-key order …
 *   {"einde":true,"rijen":{"organisaties":345,…}}
 *
 * COPY's text format is lossless for every column type and escapes newlines, so a section ends at the `\.` line, as
 * in pg_dump's plain format. The closing line lets a restore see that a file was cut short.
 */

export const BACKUP_FORMAT = 'maatwerkregister-backup';
export const BACKUP_VERSION = 1;

export interface SchemaVersion {
  /** How many migrations had been applied, and the hash drizzle recorded for the last one. */
  migraties: number;
  laatsteHash: string | null;
}

export interface BackupHeader {
  formaat: typeof BACKUP_FORMAT;
  versie: typeof BACKUP_VERSION;
  gemaaktOp: string;
  postgres: string;
  schema: SchemaVersion;
  /** Sequence values as of the snapshot (`null`: never used). */
  reeksen: Record<string, number | null>;
  tabellen: string[];
}

export interface TableSection {
  tabel: string;
  kolommen: string[];
}

export interface BackupTrailer {
  einde: true;
  rijen: Record<string, number>;
}

export const END_OF_DATA = '\\.';

/** Quotes an identifier for SQL built from catalogue names (never from input). */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
