import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { auditlog, professionalExpertisegebieden, professionals } from '../../db/schema/index.js';
import type { DbOrTx } from '../database/connection.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../domain-errors.js';
import { parseImport, type ImportColumn, type ImportFout, type ImportRow, type ParsedImport } from './csv-import.js';
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

/** The columns as stored, for comparing a row with the entry it updates. */
interface Existing {
  id: string;
  values: Record<ImportColumn, unknown>;
}

const normalised = (column: ImportColumn, value: unknown): string => {
  if (Array.isArray(value)) return JSON.stringify(column === 'expertisegebieden' ? value : [...(value as unknown[])].sort());
  return JSON.stringify(value ?? null);
};

/** Every column as it is stored, from a validated row (absent optional fields become their stored default). */
function storedValues(row: ImportRow) {
  const e = row.entry;
  return {
    soort: e.soort,
    naam: e.naam,
    functie: e.functie,
    afdeling: e.afdeling ?? null,
    rolniveau: e.rolniveau,
    expertisegebieden: e.expertisegebieden,
    trefwoorden: [...new Set(e.trefwoorden)],
    werkgebied: e.werkgebied,
    email: e.email,
    telefoon: e.telefoon ?? null,
    bereikbaarheid: e.bereikbaarheid ?? null,
    overMij: e.overMij ?? null,
    zichtbaarheid: e.zichtbaarheid,
    escalatiecontact: e.escalatiecontact,
    afwezigTot: e.afwezigTot ?? null,
    status: e.status ?? ('actief' as const),
  };
}

/** Only the columns present in the file: on an update, the others keep their current value. */
function columnValues(row: ImportRow): Partial<Record<ImportColumn, unknown>> {
  const all: Record<ImportColumn, unknown> = storedValues(row);
  return Object.fromEntries(row.columns.map((column) => [column, all[column]]));
}

async function loadExisting(db: DbOrTx, organisatie: string): Promise<Map<string, Existing>> {
  const rows = await db.execute<Record<string, unknown> & { id: string; email: string }>(sql`
    SELECT p.id, p.soort, p.naam, p.functie, p.afdeling, p.rolniveau, p.trefwoorden, p.werkgebied, p.email, p.telefoon,
           p.bereikbaarheid, p.over_mij AS "overMij", p.zichtbaarheid, p.escalatiecontact, p.afwezig_tot AS "afwezigTot", p.status,
           COALESCE((SELECT array_agg(pe.expertisegebied_code ORDER BY pe.volgorde) FROM professional_expertisegebieden pe
                     WHERE pe.professional_id = p.id), '{}') AS expertisegebieden
    FROM professionals p WHERE p.organisatie_code = ${organisatie}`);
  return new Map(rows.map((row) => [row.email, { id: row.id, values: row as unknown as Record<ImportColumn, unknown> }]));
}

/**
 * Imports a CSV of entries for one organisation, all or nothing: one faulty row means nothing is applied and the
 * report names every faulty row. Rows are matched to existing entries by work e-mail; a row identical to its entry
 * is counted as unchanged. With `proefrun`, the report shows what would happen and nothing is written.
 */
export async function importEntries(context: ServiceContext, organisatie: string, csv: string, proefrun: boolean, options: ImportOptions = {}): Promise<ImportReport> {
  await assertMayImport(context, organisatie);
  const references = await loadReferenceSets(context.db);
  const parsed = await parseImport(csv, references, (regels) => options.onProgress?.('controleren', regels));
  if (parsed.fouten.length > 0) {
    const report = { proefrun, aangemaakt: 0, bijgewerkt: 0, ongewijzigd: 0, fouten: parsed.fouten };
    if (options.inTransaction) await context.db.transaction((tx) => options.inTransaction!(tx, report));
    return report;
  }

  const now = context.now ? context.now() : new Date();
  return applyImport(context, organisatie, parsed, proefrun, now, options).catch((error: unknown) => {
    throw raceConflict(error) ?? error;
  });
}

/** The stages of an import, in order: read and check the file, write the entries, bring the search index along. */
export type ImportFase = 'controleren' | 'toepassen' | 'zoekindex';

export interface ImportOptions {
  /** Called as the work goes: rows read (`controleren`), then rows written (`toepassen`). */
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

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Rows compared or updated between two yields to the event loop. */
const CHUNK = 1000;
/**
 * Rows per multi-row INSERT: drizzle builds such a statement in JavaScript at about 0.1 ms per row of many columns,
 * so a batch of 250 holds the event loop for tens of milliseconds, not for the half second that 1,000 rows took.
 */
const INSERT_BATCH = 250;

/** Writes in batches, yielding to the event loop between them, and reports how many items are done. */
async function inBatches<T>(items: T[], size: number, write: (batch: T[]) => Promise<unknown>, progress?: (done: number) => unknown) {
  for (let i = 0; i < items.length; i += size) {
    await write(items.slice(i, i + size));
    await progress?.(Math.min(i + size, items.length));
    await yieldToEventLoop();
  }
}

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

async function applyImport(context: ServiceContext, organisatie: string, parsed: ParsedImport, proefrun: boolean, now: Date, options: ImportOptions): Promise<ImportReport> {
  return context.db.transaction(async (tx) => {
    // Lock the organisation's entries against a concurrent import or edit while comparing and writing.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`import:${organisatie}`}))`);
    const existing = await loadExisting(tx, organisatie);
    const creates: { id: string; row: ImportRow }[] = [];
    const updates: { id: string; row: ImportRow; changed: ImportColumn[] }[] = [];
    let ongewijzigd = 0;
    for (const [index, row] of parsed.rows.entries()) {
      if (index % CHUNK === CHUNK - 1) await yieldToEventLoop();
      const current = existing.get(row.entry.email);
      if (!current) {
        creates.push({ id: randomUUID(), row });
        continue;
      }
      const values = columnValues(row);
      const changed = row.columns.filter((column) => normalised(column, values[column]) !== normalised(column, current.values[column]));
      if (changed.length === 0) ongewijzigd++;
      else updates.push({ id: current.id, row, changed });
    }
    existing.clear();
    const report: ImportReport = { proefrun, aangemaakt: creates.length, bijgewerkt: updates.length, ongewijzigd, fouten: [] };
    if (proefrun) {
      await options.inTransaction?.(tx, report);
      return report;
    }

    const progress = (verwerkt: number) => options.onProgress?.('toepassen', verwerkt);
    await insertEntries(tx, organisatie, creates, now, progress);
    await updateEntries(tx, updates, now, (verwerkt) => progress(creates.length + verwerkt));
    const touched = [...creates.map((c) => c.id), ...updates.map((u) => u.id)];
    const expertiseChanged = updates.filter((u) => u.changed.includes('expertisegebieden')).map((u) => u.id);
    await inBatches(expertiseChanged, CHUNK, (batch) => tx.delete(professionalExpertisegebieden).where(inArray(professionalExpertisegebieden.professionalId, batch)));
    // Built per batch, not for the whole file at once: at 50,000 rows the full arrays were a large part of the heap.
    const withExpertise = [...creates, ...updates.filter((u) => u.changed.includes('expertisegebieden'))];
    await inBatches(withExpertise, INSERT_BATCH, (batch) =>
      tx.insert(professionalExpertisegebieden).values(batch.flatMap(({ id, row }) => row.entry.expertisegebieden.map((code, volgorde) => ({ professionalId: id, expertisegebiedCode: code, volgorde })))),
    );
    await options.onProgress?.('zoekindex', 0);
    await inBatches(touched, CHUNK, (batch) => recordSearchChanges(tx, batch), (done) => options.onProgress?.('zoekindex', done));

    const herkomst = context.audit.herkomst;
    const actor = context.audit.actor;
    const audit = (actie: string, objectType: string, objectId: string, details: Record<string, unknown>) => ({
      actie, objectType, objectId, details, resultaat: 'gelukt' as const, herkomst, actorIssuer: actor?.issuer ?? null, actorSubject: actor?.subject ?? null,
    });
    await inBatches(creates, INSERT_BATCH, (batch) => tx.insert(auditlog).values(batch.map((c) => audit('professional.aangemaakt', 'professional', c.id, { organisatie, import: true }))));
    await inBatches(updates, INSERT_BATCH, (batch) => tx.insert(auditlog).values(batch.map((u) => audit('professional.gewijzigd', 'professional', u.id, { organisatie, import: true, velden: u.changed }))));
    await tx.insert(auditlog).values(audit('import.uitgevoerd', 'organisatie', organisatie, { organisatie, aangemaakt: report.aangemaakt, bijgewerkt: report.bijgewerkt, ongewijzigd }));
    await options.inTransaction?.(tx, report);
    return report;
  });
}

async function insertEntries(tx: DbOrTx, organisatie: string, creates: { id: string; row: ImportRow }[], now: Date, progress: (verwerkt: number) => unknown) {
  await inBatches(
    creates,
    INSERT_BATCH,
    (batch) =>
      tx.insert(professionals).values(
        batch.map(({ id, row }) => {
          const { expertisegebieden: _expertise, ...columns } = storedValues(row);
          return { id, ...columns, organisatieCode: organisatie, bevestigdOp: now, aangemaaktOp: now, gewijzigdOp: now };
        }),
      ),
    progress,
  );
}

const columnSql: Record<Exclude<ImportColumn, 'expertisegebieden'>, { column: string; type: string }> = {
  soort: { column: 'soort', type: 'soort' },
  naam: { column: 'naam', type: 'text' },
  functie: { column: 'functie', type: 'text' },
  afdeling: { column: 'afdeling', type: 'text' },
  rolniveau: { column: 'rolniveau', type: 'rolniveau' },
  trefwoorden: { column: 'trefwoorden', type: 'text[]' },
  werkgebied: { column: 'werkgebied', type: 'text[]' },
  email: { column: 'email', type: 'text' },
  telefoon: { column: 'telefoon', type: 'text' },
  bereikbaarheid: { column: 'bereikbaarheid', type: 'text' },
  overMij: { column: 'over_mij', type: 'text' },
  zichtbaarheid: { column: 'zichtbaarheid', type: 'zichtbaarheid' },
  escalatiecontact: { column: 'escalatiecontact', type: 'boolean' },
  afwezigTot: { column: 'afwezig_tot', type: 'date' },
  status: { column: 'status', type: 'status' },
};

/**
 * One statement per batch: the new values travel as JSON, and each column takes the new value only when that row
 * changed it (the `changed` list), so columns absent from the file or unchanged keep what they had.
 */
async function updateEntries(tx: DbOrTx, updates: { id: string; row: ImportRow; changed: ImportColumn[] }[], now: Date, progress: (verwerkt: number) => unknown) {
  for (let i = 0; i < updates.length; i += CHUNK) {
    const batch = updates.slice(i, i + CHUNK).map(({ id, row, changed }) => ({ id, changed, vals: columnValues(row) }));
    const assignments = Object.entries(columnSql).map(([key, { column, type }]) => {
      const value =
        type === 'text[]'
          ? sql.raw(`ARRAY(SELECT jsonb_array_elements_text(v.vals->'${key}'))`)
          : sql.raw(`(v.vals->>'${key}')::${type}`);
      return sql`${sql.raw(column)} = CASE WHEN v.changed ? ${key} THEN ${value} ELSE p.${sql.raw(column)} END`;
    });
    await tx.execute(sql`
      UPDATE professionals p SET ${sql.join(assignments, sql`, `)}, versie = p.versie + 1, gewijzigd_op = ${now.toISOString()}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS v(id uuid, changed jsonb, vals jsonb)
      WHERE p.id = v.id`);
    await progress(Math.min(i + CHUNK, updates.length));
  }
}
