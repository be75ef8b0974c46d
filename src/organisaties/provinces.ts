import { sql } from 'drizzle-orm';
import type { Db } from '../database/connection.js';
import { InvalidInputError } from '../domain-errors.js';
import { fold } from '../search/text.js';

let cache: { names: Map<string, string>; at: number } | undefined;

/** Common names that differ from the register's spelling. */
const aliases: Record<string, string> = { friesland: 'fryslan' };

/**
 * Province names as the register spells them, found by any capitalisation or accent ("fryslan" → "Fryslân",
 * "zuid-holland" → "Zuid-Holland"). An unknown name is invalid input naming `provincie.<i>`.
 */
export async function canonicalProvinces(db: Db, values: string[] | undefined): Promise<string[] | undefined> {
  if (!values?.length) return values;
  if (!cache || Date.now() - cache.at > 600_000) {
    const rows = await db.execute<{ provincie: string }>(sql`SELECT DISTINCT provincie FROM organisaties WHERE provincie IS NOT NULL`);
    cache = { names: new Map(rows.map((r) => [fold(r.provincie), r.provincie])), at: Date.now() };
  }
  return values.map((value, index) => {
    const folded = fold(value.trim());
    const canonical = cache!.names.get(aliases[folded] ?? folded);
    if (!canonical) throw new InvalidInputError([{ name: `provincie.${index}`, code: 'unknown', reason: `"${value}" is geen provincie.` }]);
    return canonical;
  });
}

/** The provinces as the register spells them, by name: for pickers. */
export async function listProvincies(db: Db): Promise<string[]> {
  const rows = await db.execute<{ provincie: string }>(sql`SELECT DISTINCT provincie FROM organisaties WHERE provincie IS NOT NULL AND actief ORDER BY provincie`);
  return rows.map((r) => r.provincie);
}
