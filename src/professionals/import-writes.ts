import { sql } from 'drizzle-orm';
import type { AuditContext } from '../audit/service.js';
import type { DbOrTx } from '../database/connection.js';
import type { ImportColumn, ImportRow } from './csv-import.js';

/**
 * The import's statements, one per chunk of rows (import.ts). Each sends its rows as a single JSON parameter
 * (`jsonb_to_recordset`) rather than as a multi-row VALUES list (issue 16, F9): drizzle builds such a list in
 * JavaScript at about 0.1 ms per row of many columns, and that work was most of what the import allocated (a heap
 * sampling of `npm run bench:import-job`); the driver also prepares and keeps every distinct statement per
 * connection, and a VALUES list of a different length is a different statement. A JSON parameter is one statement
 * text whatever the chunk holds.
 */

/** The columns as stored, for comparing a row with the entry it updates. */
export interface Existing {
  id: string;
  values: Record<ImportColumn, unknown>;
}

export interface Create {
  id: string;
  row: ImportRow;
}

export interface Update {
  id: string;
  row: ImportRow;
  changed: ImportColumn[];
}

/** Every column as it is stored, from a validated row (absent optional fields become their stored default). */
export function storedValues(row: ImportRow): Record<ImportColumn, unknown> {
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
    status: e.status ?? 'actief',
  };
}

/** Only the columns present in the file: on an update, the others keep their current value. */
export function columnValues(row: ImportRow): Partial<Record<ImportColumn, unknown>> {
  const all = storedValues(row);
  return Object.fromEntries(row.columns.map((column) => [column, all[column]]));
}

/**
 * The entries of the organisation with these e-mail addresses: one chunk's, never the whole organisation's, so
 * memory does not grow with the organisation either. Served by the unique (organisatie, email) index.
 */
export async function loadExisting(db: DbOrTx, organisatie: string, emails: string[]): Promise<Map<string, Existing>> {
  const rows = await db.execute<Record<string, unknown> & { id: string; email: string }>(sql`
    SELECT p.id, p.soort, p.naam, p.functie, p.afdeling, p.rolniveau, p.trefwoorden, p.werkgebied, p.email, p.telefoon,
           p.bereikbaarheid, p.over_mij AS "overMij", p.zichtbaarheid, p.escalatiecontact, p.afwezig_tot AS "afwezigTot", p.status,
           COALESCE((SELECT array_agg(pe.expertisegebied_code ORDER BY pe.volgorde) FROM professional_expertisegebieden pe
                     WHERE pe.professional_id = p.id), '{}') AS expertisegebieden
    FROM professionals p WHERE p.organisatie_code = ${organisatie} AND p.email = ANY(${sql.param(emails)}::text[])`);
  return new Map(rows.map((row) => [row.email, { id: row.id, values: row as unknown as Record<ImportColumn, unknown> }]));
}

type StoredColumn = Exclude<ImportColumn, 'expertisegebieden'>;

const columnSql: Record<StoredColumn, { column: string; type: string }> = {
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
const storedColumns = Object.keys(columnSql) as StoredColumn[];

/** A column's new value from the row's JSON object `v.vals` (keys from our own table above, never from input). */
const valueFrom = (key: StoredColumn) => {
  const { type } = columnSql[key];
  return sql.raw(type === 'text[]' ? `ARRAY(SELECT jsonb_array_elements_text(v.vals->'${key}'))` : `(v.vals->>'${key}')::${type}`);
};

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

export async function insertEntries(tx: DbOrTx, organisatie: string, creates: Create[], now: Date): Promise<void> {
  if (creates.length === 0) return;
  const at = now.toISOString();
  await tx.execute(sql`
    INSERT INTO professionals (id, organisatie_code, ${sql.raw(storedColumns.map((key) => columnSql[key].column).join(', '))}, bevestigd_op, aangemaakt_op, gewijzigd_op)
    SELECT v.id, ${organisatie}, ${sql.join(storedColumns.map(valueFrom), sql`, `)}, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
    FROM jsonb_to_recordset(${json(creates.map(({ id, row }) => ({ id, vals: storedValues(row) })))}) AS v(id uuid, vals jsonb)`);
}

/**
 * Each column takes the new value only when that row changed it (the `changed` list), so columns absent from the
 * file or unchanged keep what they had.
 */
export async function updateEntries(tx: DbOrTx, updates: Update[], now: Date): Promise<void> {
  if (updates.length === 0) return;
  const assignments = storedColumns.map((key) => {
    const column = sql.raw(columnSql[key].column);
    return sql`${column} = CASE WHEN v.changed ? ${key} THEN ${valueFrom(key)} ELSE p.${column} END`;
  });
  await tx.execute(sql`
    UPDATE professionals p SET ${sql.join(assignments, sql`, `)}, versie = p.versie + 1, gewijzigd_op = ${now.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${json(updates.map(({ id, row, changed }) => ({ id, changed, vals: columnValues(row) })))}) AS v(id uuid, changed jsonb, vals jsonb)
    WHERE p.id = v.id`);
}

/** The expertise of new entries, and of updated ones whose expertise changed (their old list is removed first). */
export async function writeExpertise(tx: DbOrTx, creates: Create[], updates: Update[]): Promise<void> {
  const changed = updates.filter((u) => u.changed.includes('expertisegebieden'));
  if (changed.length > 0) {
    await tx.execute(sql`DELETE FROM professional_expertisegebieden WHERE professional_id = ANY(${sql.param(changed.map((u) => u.id))}::uuid[])`);
  }
  const entries = [...creates, ...changed];
  if (entries.length === 0) return;
  await tx.execute(sql`
    INSERT INTO professional_expertisegebieden (professional_id, expertisegebied_code, volgorde)
    SELECT v.id, e.code, (e.volgorde - 1)::int
    FROM jsonb_to_recordset(${json(entries.map(({ id, row }) => ({ id, codes: row.entry.expertisegebieden })))}) AS v(id uuid, codes jsonb),
         jsonb_array_elements_text(v.codes) WITH ORDINALITY AS e(code, volgorde)`);
}

/** One audit row per entry created or changed; the insert trigger chains them by hash in insertion order. */
export async function auditEntries(tx: DbOrTx, frame: AuditContext, organisatie: string, creates: Create[], updates: Update[]): Promise<void> {
  const rows = [
    ...creates.map((c) => ({ actie: 'professional.aangemaakt', id: c.id, details: { organisatie, import: true } })),
    ...updates.map((u) => ({ actie: 'professional.gewijzigd', id: u.id, details: { organisatie, import: true, velden: u.changed } })),
  ];
  if (rows.length === 0) return;
  await tx.execute(sql`
    INSERT INTO auditlog (actie, object_type, object_id, resultaat, herkomst, actor_issuer, actor_subject, details)
    SELECT v.actie, 'professional', v.id, 'gelukt', ${frame.herkomst}, ${frame.actor?.issuer ?? null}, ${frame.actor?.subject ?? null}, v.details
    FROM jsonb_to_recordset(${json(rows)}) AS v(actie text, id text, details jsonb)`);
}
