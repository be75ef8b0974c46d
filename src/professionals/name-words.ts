import { sql } from 'drizzle-orm';
import type { Db } from '../database/connection.js';

/**
 * Which of these folded words (search/text.ts `words`) are a word of a person's name in the register — any entry,
 * current or not. The insights use it to keep personal names out of the unmet-search list (inzichten/name-mask.ts).
 * One pass over the names; the candidates are the few hundred words of a month's unmet searches.
 */
export async function personNameWords(db: Db, candidates: string[]): Promise<Set<string>> {
  const unique = [...new Set(candidates)].filter((w) => w.length > 0 && w.length <= 40);
  if (unique.length === 0) return new Set();
  const rows = await db.execute<{ woord: string }>(sql`
    SELECT DISTINCT w AS woord
    FROM professionals p, regexp_split_to_table(immutable_unaccent(lower(p.naam)), '[^[:alnum:]]+') AS w
    WHERE p.soort = 'persoon' AND w = ANY(ARRAY[${sql.join(unique.map((c) => sql`${c}`), sql`, `)}]::text[])`);
  return new Set(rows.map((r) => r.woord));
}
