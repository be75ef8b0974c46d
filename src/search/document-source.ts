import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../database/connection.js';
import { findEntries } from '../professionals/repository.js';
import type { DocumentSource } from './port.js';
import { toSearchDocument, type DocumentContext, type EntryForSearch, type SearchDocument } from './document.js';

/**
 * Where search documents come from: the one place in src/search that reads the register's entries (through the
 * professionals repository) and turns them into documents by the shared mapping (document.ts). The engines take
 * documents from here and read no domain table themselves (test/architecture.test.ts).
 */

export async function loadDocumentContext(db: DbOrTx, entries: EntryForSearch[]): Promise<DocumentContext> {
  const codes = [...new Set(entries.flatMap((e) => [e.organisatieCode, ...e.werkgebied]))];
  const organisations =
    codes.length === 0
      ? []
      : await db.execute<{ code: string; naam: string; officieleNaam: string; afkorting: string | null; type: never; provincie: string | null }>(sql`
          SELECT code, naam, officiele_naam AS "officieleNaam", afkorting, type, provincie FROM organisaties
          WHERE code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`);
  const nodes = await db.execute<{ code: string; naam: string; synoniemen: string[]; parentCode: string | null }>(
    sql`SELECT code, naam, synoniemen, parent_code AS "parentCode" FROM expertisegebieden`,
  );
  const provinces = await db.execute<{ provincie: string }>(
    sql`SELECT DISTINCT provincie FROM organisaties WHERE provincie IS NOT NULL ORDER BY provincie`,
  );
  return {
    organisaties: new Map(organisations.map((o) => [o.code, o])),
    taxonomie: new Map(nodes.map((n) => [n.code, n])),
    alleProvincies: provinces.map((p) => p.provincie),
  };
}

async function documentsOf(db: DbOrTx, entries: EntryForSearch[]): Promise<SearchDocument[]> {
  if (entries.length === 0) return [];
  const context = await loadDocumentContext(db, entries);
  return entries.map((entry) => toSearchDocument(entry, context));
}

/** The current documents of these entries; ids whose entry is gone come back as removed. */
export async function loadSearchDocuments(db: DbOrTx, ids: string[]): Promise<{ documents: SearchDocument[]; removed: string[] }> {
  if (ids.length === 0) return { documents: [], removed: [] };
  // One array parameter: the same statement text for every batch size (the driver keeps each distinct text).
  const entries = await findEntries(db, sql`p.id = ANY(${sql.param(ids)}::uuid[])`);
  const found = new Set(entries.map((e) => e.id));
  return { documents: await documentsOf(db, entries), removed: ids.filter((id) => !found.has(id)) };
}

/** The ids of the next `limit` entries in id order after `after`, for batching without reading them yet. */
export async function entryIdsAfter(db: DbOrTx, after: string, limit: number): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`SELECT id FROM professionals WHERE id > ${after} ORDER BY id LIMIT ${limit}`);
  return rows.map((r) => r.id);
}

/** The register as a rebuild reads it (the port's DocumentSource), on this database handle. */
export function documentSource(db: DbOrTx): DocumentSource {
  return {
    count: () => countEntries(db),
    async batchAfter(after, limit) {
      const ids = await entryIdsAfter(db, after, limit);
      // Entries deleted between the two reads are simply not in the batch (their outbox rows follow).
      const { documents } = await loadSearchDocuments(db, ids);
      return { documents, entries: ids.length, lastId: ids.at(-1) };
    },
  };
}

/** How many entries the register holds (a rebuild's progress total). */
export async function countEntries(db: DbOrTx): Promise<number> {
  const [count] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM professionals`);
  return count?.n ?? 0;
}
