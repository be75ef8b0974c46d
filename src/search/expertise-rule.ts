import { sql, type SQL } from 'drizzle-orm';

/**
 * Who has an expertise, the one rule search filters and case routing route by: an entry has domain X when X is on
 * its expertise path — its own domains and all their ancestors (document.ts) — so asking for a domain also finds
 * the people with a narrower domain beneath it, and asking for a narrow one does not find the broad generalist.
 * Written here in code and in SQL; the Meilisearch filter says the same as `expertisePad IN [...]` (filter.ts).
 * test/casusroutering-zoeken.test.ts runs one question through search and routing and expects the same people.
 */
export function hasExpertise(expertisePad: readonly string[], asked: readonly string[]): boolean {
  return asked.some((code) => expertisePad.includes(code));
}

/** The same rule on a text[] column holding the path (`&&`, served by the GIN index on it). */
export function expertiseSql(column: SQL, asked: readonly string[]): SQL {
  return sql`${column} && ARRAY[${sql.join(asked.map((code) => sql`${code}`), sql`, `)}]::text[]`;
}
