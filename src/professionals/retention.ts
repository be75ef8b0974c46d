import { sql } from 'drizzle-orm';
import { auditlog } from '../../db/schema/index.js';
import type { AuditContext } from '../audit/service.js';
import type { Db } from '../database/connection.js';
import { recordSearchChanges } from '../search/changes.js';
import { addMonths, type Termijnen } from './termijnen.js';

/**
 * Retention (AVG: no longer than needed): entries whose confirmation expired more than the retention period ago are
 * deleted, with an audit row each. Meant to run on a schedule (`npm run retentie`, e.g. nightly).
 */
export async function applyRetention(db: Db, termijnen: Termijnen, audit: AuditContext, options: { now?: Date; proefrun?: boolean } = {}) {
  const now = options.now ?? new Date();
  const months = termijnen.bevestigingMaanden + termijnen.retentieMaanden;
  const cutoff = sql`${addMonths(now, -months).toISOString()}::timestamptz`;
  if (options.proefrun) {
    const [count] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM professionals WHERE bevestigd_op <= ${cutoff}`);
    return { verwijderd: count?.n ?? 0, grens: months };
  }
  return db.transaction(async (tx) => {
    const deleted = await tx.execute<{ id: string; organisatie_code: string }>(
      sql`DELETE FROM professionals WHERE bevestigd_op <= ${cutoff} RETURNING id, organisatie_code`,
    );
    const ids = deleted.map((row) => row.id);
    await recordSearchChanges(tx, ids);
    for (let i = 0; i < deleted.length; i += 2000) {
      await tx.insert(auditlog).values(
        deleted.slice(i, i + 2000).map((row) => ({
          actie: 'professional.verwijderd',
          objectType: 'professional',
          objectId: row.id,
          resultaat: 'gelukt' as const,
          herkomst: audit.herkomst,
          actorIssuer: audit.actor?.issuer ?? null,
          actorSubject: audit.actor?.subject ?? null,
          details: { organisatie: row.organisatie_code, reden: 'retentie', maandenNaBevestiging: months },
        })),
      );
    }
    return { verwijderd: ids.length, grens: months };
  });
}
