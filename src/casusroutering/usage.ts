import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../database/connection.js';

/**
 * Which organisations the desk routes to most, for the organisation picker (#14 point 12). Until there is enough
 * use, the large implementing organisations of the design's problem statement fill the list.
 */

/** UWV, SVB, CAK, DUO, Belastingdienst, CJIB, CIZ: where cross-organisation cases most often lead. */
const DEFAULT_CODES = ['zb000117', 'zb000143', 'zb000211', 'oorg10148', 'oorg12368', 'oorg10111', 'zb000207'];

export async function recordRoutingUse(db: DbOrTx, organisaties: string[]): Promise<void> {
  if (organisaties.length === 0) return;
  // In code order: two requests about the same organisations take the row locks in the same order.
  const codes = [...new Set(organisaties)].sort();
  await db.execute(sql`
    INSERT INTO casusroutering_gebruik (organisatie_code, aantal, laatst_gevraagd)
    SELECT code, 1, now() FROM unnest(ARRAY[${sql.join(codes.map((c) => sql`${c}`), sql`, `)}]::text[]) AS code
    ON CONFLICT (organisatie_code) DO UPDATE SET aantal = casusroutering_gebruik.aantal + 1, laatst_gevraagd = now()`);
}

/** Codes, most asked first (then most recently), topped up with the defaults; at most `limit`. */
export async function mostRoutedOrganisations(db: Db, limit = 8): Promise<string[]> {
  const rows = await db.execute<{ organisatie_code: string }>(sql`
    SELECT organisatie_code FROM casusroutering_gebruik ORDER BY aantal DESC, laatst_gevraagd DESC, organisatie_code LIMIT ${limit}`);
  return [...new Set([...rows.map((r) => r.organisatie_code), ...DEFAULT_CODES])].slice(0, limit);
}
