import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/service.js';
import type { DbOrTx } from '../database/connection.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../domain-errors.js';
import { openImport, type ImportColumn, type ImportFout, type ImportReader, type ImportRow } from './csv-import.js';
import { auditEntries, columnValues, insertEntries, loadExisting, updateEntries, writeExpertise, type Create, type Update } from './import-writes.js';
import { recordSearchChanges } from '../search/changes.js';
import { loadReferenceSets } from './references.js';
import { managesForOrganisation } from './rules.js';
import type { ServiceContext } from '../service-context.js';

export interface ImportReport {
  proefrun: boolean;
  aangemaakt: number;
  bijgewerkt: number;
  ongewijzigd: number;
  fouten: ImportFout[];
}

const normalised = (column: ImportColumn, value: unknown): string => {
  if (Array.isArray(value)) return JSON.stringify(column === 'expertisegebieden' ? value : [...(value as unknown[])].sort());
  return JSON.stringify(value ?? null);
};

/** Thrown inside the import's transaction when the file turns out faulty, to roll back the chunks already written. */
class FaultyFile extends Error {}

/**
 * Imports a CSV of entries for one organisation, all or nothing: one faulty row means nothing is applied and the
 * report names every faulty row. Rows are matched to existing entries by work e-mail; a row identical to its entry
 * is counted as unchanged. With `proefrun`, the report shows what would happen and nothing is written.
 *
 * The file is read, checked and written in chunks of IMPORT_CHUNK rows inside one transaction, so memory holds one
 * chunk, not the file (issue 16, F9). A fault found after chunks were written rolls them back with the transaction;
 * the rest of the file is then only checked, outside it, so the report still names every faulty row.
 */
export async function importEntries(context: ServiceContext, organisatie: string, csv: string, proefrun: boolean, options: ImportOptions = {}): Promise<ImportReport> {
  await assertMayImport(context, organisatie);
  const references = await loadReferenceSets(context.db);
  const reader = openImport(csv, references, (regels) => options.onProgress?.('controleren', regels));
  try {
    const applied = await applyImport(context, organisatie, reader, proefrun, options).catch((error: unknown) => {
      if (error instanceof FaultyFile) return undefined;
      throw raceConflict(error) ?? error;
    });
    if (applied) return applied;
    const report = { proefrun, aangemaakt: 0, bijgewerkt: 0, ongewijzigd: 0, fouten: await reader.finish() };
    if (options.inTransaction) await context.db.transaction((tx) => options.inTransaction!(tx, report));
    return report;
  } finally {
    reader.close();
  }
}

/** The stages of an import, in order: read and check the file, write the entries, bring the search index along. */
export type ImportFase = 'controleren' | 'toepassen' | 'zoekindex';

export interface ImportOptions {
  /**
   * Called as the work goes, with the data rows of the file passed so far (never decreasing): while rows are read
   * and checked (`controleren`), while a chunk of them is written (`toepassen`) and while its entries are brought
   * into the search index (`zoekindex`). The stages take turns per chunk.
   */
  onProgress?: (fase: ImportFase, verwerkt: number) => void | Promise<void>;
  /** Runs in the import's own transaction with the report, so a job's outcome commits with the import or not at all. */
  inTransaction?: (tx: DbOrTx, report: ImportReport) => Promise<void>;
}

/** Who may import for this organisation, and whether it can take entries; checked before a file is read or queued. */
export async function assertMayImport(context: ServiceContext, organisatie: string): Promise<void> {
  if (!managesForOrganisation(context.principal, organisatie)) {
    throw new ForbiddenError('Alleen coördinatoren van deze organisatie en beheerders importeren vermeldingen.');
  }
  const [organisation] = await context.db.execute<{ actief: boolean }>(sql`SELECT actief FROM organisaties WHERE code = ${organisatie}`);
  if (!organisation) throw new NotFoundError(`Er is geen organisatie met code "${organisatie}".`);
  if (!organisation.actief) throw new ConflictError(`Organisatie "${organisatie}" is niet meer actief.`);
}

/**
 * Valid rows compared and written together: what an import holds in memory at a time, and the size of each lookup
 * of existing entries (issue 16, F9).
 */
export const IMPORT_CHUNK = 500;

/**
 * The import's transaction locks out other imports, not single creates: one that commits an e-mail address of the
 * file after the import read the existing entries makes its insert violate the unique index. The transaction is
 * then rolled back whole; the coordinator gets a 409 and can simply import again (issue 16, F8).
 */
function raceConflict(error: unknown): ConflictError | undefined {
  const cause = ((error as { cause?: unknown }).cause ?? error) as { code?: string; constraint_name?: string };
  if (cause.code !== '23505' || cause.constraint_name !== 'professionals_email_per_organisatie') return undefined;
  return new ConflictError('Tijdens de import is een vermelding met een e-mailadres uit het bestand aangemaakt of gewijzigd; er is niets geïmporteerd. Importeer het bestand opnieuw.');
}

interface Counts {
  aangemaakt: number;
  bijgewerkt: number;
  ongewijzigd: number;
}

async function applyImport(context: ServiceContext, organisatie: string, reader: ImportReader, proefrun: boolean, options: ImportOptions): Promise<ImportReport> {
  const now = context.now ? context.now() : new Date();
  return context.db.transaction(async (tx) => {
    // Lock the organisation's entries against a concurrent import or edit while comparing and writing.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`import:${organisatie}`}))`);
    const counts: Counts = { aangemaakt: 0, bijgewerkt: 0, ongewijzigd: 0 };
    const progress = (fase: ImportFase) => options.onProgress?.(fase, reader.regelsGelezen);
    for (let rows = await reader.nextChunk(IMPORT_CHUNK); rows.length > 0; rows = await reader.nextChunk(IMPORT_CHUNK)) {
      await applyChunk(tx, context, organisatie, rows, proefrun, now, counts, progress);
    }
    if (reader.faulty) throw new FaultyFile();
    const report: ImportReport = { proefrun, ...counts, fouten: [] };
    if (!proefrun) await recordAudit(tx, context.audit, { actie: 'import.uitgevoerd', objectType: 'organisatie', objectId: organisatie, details: { organisatie, ...counts } });
    await options.inTransaction?.(tx, report);
    return report;
  });
}

/** Compares one chunk of rows with the entries they match and, unless it is a dry run, writes it whole. */
async function applyChunk(tx: DbOrTx, context: ServiceContext, organisatie: string, rows: ImportRow[], proefrun: boolean, now: Date, counts: Counts, progress: (fase: 'toepassen' | 'zoekindex') => unknown) {
  const existing = await loadExisting(tx, organisatie, rows.map((row) => row.entry.email));
  const creates: Create[] = [];
  const updates: Update[] = [];
  for (const row of rows) {
    const current = existing.get(row.entry.email);
    if (!current) {
      creates.push({ id: randomUUID(), row });
      continue;
    }
    const values = columnValues(row);
    const changed = row.columns.filter((column) => normalised(column, values[column]) !== normalised(column, current.values[column]));
    if (changed.length === 0) counts.ongewijzigd++;
    else updates.push({ id: current.id, row, changed });
  }
  counts.aangemaakt += creates.length;
  counts.bijgewerkt += updates.length;
  if (proefrun) return;

  await progress('toepassen');
  await insertEntries(tx, organisatie, creates, now);
  await updateEntries(tx, updates, now);
  await writeExpertise(tx, creates, updates);
  await progress('zoekindex');
  await recordSearchChanges(tx, [...creates.map((c) => c.id), ...updates.map((u) => u.id)]);
  await auditEntries(tx, context.audit, organisatie, creates, updates);
}
