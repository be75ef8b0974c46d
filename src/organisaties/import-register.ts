import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { organisaties, type NieuweOrganisatie } from '../../db/schema/index.js';
import type { DbOrTx } from '../database/connection.js';
import { typesPerExport, type ParsedExport } from './register-export.js';
import { refreshAllSearchDocuments } from '../search/postgres/documents.js';

export interface RegisterImportResult {
  aangemaakt: number;
  bijgewerkt: number;
  ongewijzigd: number;
  gedeactiveerd: number;
}

const comparedFields = ['naam', 'officieleNaam', 'afkorting', 'type', 'tooiUri', 'oin', 'kvk', 'registerId', 'provincie', 'ministerieCode', 'actief', 'bron'] as const;

/**
 * Applies a parsed register export in one transaction: new organisations are added, known ones updated in place,
 * register organisations of the export's types that no longer appear are marked inactive. Nothing is deleted:
 * professionals and history keep pointing at their organisation.
 */
class DryRunRollback extends Error {
  constructor(readonly result: RegisterImportResult) {
    super('dry run');
  }
}

/** With `dryRun`, everything is applied inside the transaction and rolled back: the counts show what would change. */
export async function importRegisterExport(db: DbOrTx, parsed: ParsedExport, options: { dryRun?: boolean } = {}): Promise<RegisterImportResult> {
  if (parsed.fouten.length > 0) throw new Error('refusing to import an export with errors');
  try {
    return await applyExport(db, parsed, options.dryRun ?? false);
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
}

async function applyExport(db: DbOrTx, parsed: ParsedExport, dryRun: boolean): Promise<RegisterImportResult> {
  const types = typesPerExport[parsed.kind];
  return db.transaction(async (tx) => {
    const existing = new Map(
      (await tx.select().from(organisaties).where(inArray(organisaties.code, parsed.organisaties.map((o) => o.code)))).map((o) => [o.code, o]),
    );
    const result: RegisterImportResult = { aangemaakt: 0, bijgewerkt: 0, ongewijzigd: 0, gedeactiveerd: 0 };
    const changed: NieuweOrganisatie[] = [];
    for (const organisatie of parsed.organisaties) {
      const current = existing.get(organisatie.code);
      if (!current) {
        result.aangemaakt++;
        changed.push(organisatie);
      } else if (comparedFields.some((field) => (current[field] ?? null) !== (organisatie[field] ?? null))) {
        result.bijgewerkt++;
        changed.push(organisatie);
      } else {
        result.ongewijzigd++;
      }
    }
    await upsertOrganisaties(tx, changed);

    const codes = parsed.organisaties.map((o) => o.code);
    const deactivated = await tx
      .update(organisaties)
      .set({ actief: false, bijgewerktOp: sql`now()` })
      .where(
        and(
          eq(organisaties.bron, 'register'),
          eq(organisaties.actief, true),
          inArray(organisaties.type, types),
          codes.length > 0 ? notInArray(organisaties.code, codes) : undefined,
        ),
      )
      .returning({ code: organisaties.code });
    result.gedeactiveerd = deactivated.length;
    if (dryRun) throw new DryRunRollback(result);
    // Names and status of organisations appear in search documents.
    if (result.bijgewerkt + result.gedeactiveerd > 0) await refreshAllSearchDocuments(tx);
    return result;
  });
}

/**
 * Inserts or updates organisations. The parent ministry is set in a second pass, so a row may name a parent
 * that appears later in the same batch.
 */
export async function upsertOrganisaties(db: DbOrTx, rows: NieuweOrganisatie[]): Promise<void> {
  if (rows.length === 0) return;
  const set = {
    naam: sql`excluded.naam`,
    officieleNaam: sql`excluded.officiele_naam`,
    afkorting: sql`excluded.afkorting`,
    type: sql`excluded.type`,
    tooiUri: sql`excluded.tooi_uri`,
    oin: sql`excluded.oin`,
    kvk: sql`excluded.kvk`,
    registerId: sql`excluded.register_id`,
    provincie: sql`excluded.provincie`,
    actief: sql`excluded.actief`,
    bron: sql`excluded.bron`,
    bijgewerktOp: sql`now()`,
  };
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map((row) => ({ ...row, ministerieCode: null }));
    await db.insert(organisaties).values(batch).onConflictDoUpdate({ target: organisaties.code, set });
  }
  const pairs = JSON.stringify(rows.map((row) => ({ code: row.code, parent: row.ministerieCode ?? null })));
  await db.execute(sql`
    UPDATE organisaties o SET ministerie_code = v.parent
    FROM jsonb_to_recordset(${pairs}::jsonb) AS v(code text, parent text)
    WHERE o.code = v.code AND o.ministerie_code IS DISTINCT FROM v.parent`);
}
