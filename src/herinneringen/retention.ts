import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/service.js';
import type { Db } from '../database/connection.js';

/**
 * Retention of the mail record (MAIL_BEWAAR_DAGEN): a finished mail's row holds who was mailed, when and why, which is
 * personal data needed only for a while (to answer "did I get a reminder?", to audit the worker). Rows that were sent
 * or fell due no longer are deleted that many days after they were finished; dead letters (`opgegeven`) stay until an
 * operator has looked at them, since readiness reports them. Confirmation links expired that long ago go too.
 * The decisions that make a reminder once-only (`herinneringen`, `overzichten`) are kept: without them a reminder
 * could be sent again within the same confirmation period. Safe on several nodes at once (plain deletes).
 */

export interface PruneResult {
  mails: number;
  links: number;
}

export async function pruneMailRecords(db: Db, bewaarDagen: number, now: Date): Promise<PruneResult> {
  const cutoff = new Date(now.getTime() - bewaarDagen * 86_400_000).toISOString();
  return db.transaction(async (tx) => {
    const links = await tx.execute(sql`DELETE FROM bevestigingslinks WHERE verloopt_op < ${cutoff}::timestamptz RETURNING id`);
    const mails = await tx.execute(sql`
      DELETE FROM mail_outbox WHERE uitkomst IN ('verzonden', 'vervallen') AND afgehandeld_op < ${cutoff}::timestamptz RETURNING id`);
    const result = { mails: mails.length, links: links.length };
    if (result.mails + result.links > 0) {
      await recordAudit(tx, { actor: null, herkomst: 'herinneringen' }, { actie: 'mail.opgeschoond', objectType: 'mail', details: { ...result, bewaarDagen } });
    }
    return result;
  });
}
