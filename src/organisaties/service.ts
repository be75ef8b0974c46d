import { sql, type SQL } from 'drizzle-orm';
import type { OrganisatieType } from '../../db/schema/index.js';
import type { Db } from '../database/connection.js';
import { NotFoundError } from '../domain-errors.js';
import { fold } from '../search/text.js';
import type { OrganisatieView } from './schemas.js';

export interface OrganisatieFilter {
  type?: OrganisatieType[] | undefined;
  provincie?: string[] | undefined;
  zoekterm?: string | undefined;
  pagina: number;
  paginaGrootte: number;
}

interface Row extends Record<string, unknown> {
  code: string;
  naam: string;
  officiele_naam: string;
  afkorting: string | null;
  type: OrganisatieType;
  tooi_uri: string | null;
  oin: string | null;
  provincie: string | null;
  ministerie_code: string | null;
  ministerie_naam: string | null;
  actief: boolean;
  totaal?: number;
}

const selectView = sql`
  SELECT o.code, o.naam, o.officiele_naam, o.afkorting, o.type, o.tooi_uri, o.oin, o.provincie, o.actief,
         m.code AS ministerie_code, m.officiele_naam AS ministerie_naam
  FROM organisaties o LEFT JOIN organisaties m ON m.code = o.ministerie_code`;

function toView(row: Row): OrganisatieView {
  return {
    code: row.code,
    naam: row.naam,
    officieleNaam: row.officiele_naam,
    afkorting: row.afkorting,
    type: row.type,
    tooiUri: row.tooi_uri,
    oin: row.oin,
    provincie: row.provincie,
    ministerie: row.ministerie_code ? { code: row.ministerie_code, naam: row.ministerie_naam ?? row.ministerie_code } : null,
    actief: row.actief,
  };
}

/** Folds case and accents the same way the trigram index on `naam` does. */
const folded = (expression: SQL) => sql`immutable_unaccent(lower(${expression}))`;

/**
 * Active organisations for pickers and lookups. A search term matches name, official name or abbreviation;
 * an exact abbreviation or name comes first, then names that start with the term, then the rest by name.
 */
export async function listOrganisaties(db: Db, filter: OrganisatieFilter) {
  const conditions: SQL[] = [sql`o.actief`];
  if (filter.type?.length) conditions.push(sql`o.type IN (${sql.join(filter.type.map((t) => sql`${t}`), sql`, `)})`);
  if (filter.provincie?.length) {
    conditions.push(sql`lower(o.provincie) IN (${sql.join(filter.provincie.map((p) => sql`${p.toLowerCase()}`), sql`, `)})`);
  }
  const order: SQL[] = [];
  if (filter.zoekterm) {
    const term = filter.zoekterm;
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(${folded(sql`o.naam`)} LIKE ${folded(sql`${pattern}`)}
      OR ${folded(sql`o.officiele_naam`)} LIKE ${folded(sql`${pattern}`)}
      OR ${folded(sql`coalesce(o.afkorting, '')`)} LIKE ${folded(sql`${pattern}`)})`);
    order.push(sql`CASE
      WHEN ${folded(sql`coalesce(o.afkorting, '')`)} = ${folded(sql`${term}`)} OR ${folded(sql`o.naam`)} = ${folded(sql`${term}`)} THEN 0
      WHEN ${folded(sql`o.naam`)} LIKE ${folded(sql`${term.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'}`)} THEN 1
      ELSE 2 END`);
  }
  const where = sql.join(conditions, sql` AND `);
  const offset = (filter.pagina - 1) * filter.paginaGrootte;
  const rows = await db.execute<Row>(sql`
    ${selectView}
    WHERE ${where}
    ORDER BY ${sql.join([...order, folded(sql`o.naam`), sql`o.code`], sql`, `)}
    LIMIT ${filter.paginaGrootte} OFFSET ${offset}`);
  const [count] = await db.execute<{ totaal: number }>(sql`SELECT count(*)::int AS totaal FROM organisaties o WHERE ${where}`);
  return { resultaten: rows.map(toView), totaal: count?.totaal ?? 0 };
}

/** Also inactive organisations: a historical code must stay resolvable. */
export async function getOrganisatie(db: Db, code: string): Promise<OrganisatieView> {
  const [row] = await db.execute<Row>(sql`${selectView} WHERE o.code = ${code}`);
  if (!row) throw new NotFoundError(`Er is geen organisatie met code "${code}".`);
  return toView(row);
}

/** These organisations (active or not), by code; unknown codes are left out. For services that check a given set. */
export async function getOrganisaties(db: Db, codes: string[]): Promise<OrganisatieView[]> {
  if (codes.length === 0) return [];
  const rows = await db.execute<Row>(sql`${selectView} WHERE o.code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)}) ORDER BY o.code`);
  return rows.map(toView);
}

/** Code and name of these organisations (active or not), by name: for pickers over a known set. */
export async function listOrganisatieNamen(db: Db, codes: string[]): Promise<{ code: string; naam: string }[]> {
  if (codes.length === 0) return [];
  return db.execute<{ code: string; naam: string }>(sql`SELECT code, naam FROM organisaties WHERE code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)}) ORDER BY naam`);
}

/**
 * An active organisation as a person names it: its code ("gm0363"), its name or official name ("Amsterdam",
 * "Gemeente Amsterdam") or its abbreviation ("UWV"), in any case and with or without accents. One clear match is
 * `organisatie`; otherwise `kandidaten` holds up to five to choose from (none: nothing matches).
 */
export async function resolveOrganisatie(db: Db, text: string): Promise<{ organisatie?: OrganisatieView; kandidaten: OrganisatieView[] }> {
  const term = text.trim();
  const [byCode] = await db.execute<Row>(sql`${selectView} WHERE o.code = ${term.toLowerCase()} AND o.actief`);
  if (byCode) return { organisatie: toView(byCode), kandidaten: [] };
  const { resultaten } = await listOrganisaties(db, { zoekterm: term, pagina: 1, paginaGrootte: 6 });
  const same = (value: string | null) => value !== null && fold(value) === fold(term);
  const exact = resultaten.filter((o) => same(o.naam) || same(o.officieleNaam) || same(o.afkorting));
  if (exact.length === 1) return { organisatie: exact[0]!, kandidaten: [] };
  if (exact.length === 0 && resultaten.length === 1) return { organisatie: resultaten[0]!, kandidaten: [] };
  return { kandidaten: (exact.length > 0 ? exact : resultaten).slice(0, 5) };
}

/** Names of every active organisation, for a type-ahead list (the development sign-in). */
export async function listOrganisatieNamenActief(db: Db): Promise<string[]> {
  const rows = await db.execute<{ naam: string }>(sql`SELECT DISTINCT naam FROM organisaties WHERE actief ORDER BY naam`);
  return rows.map((r) => r.naam);
}
