import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../database/connection.js';
import { activityOfAudit, ENTRY_SUBJECT_TYPE, type ActivityId } from './activities.js';

/**
 * What one request (or command) processed. Changes are read back from the audit log, which records every change of
 * an entry, whichever path made it (single changes, bulk imports, retention): the rows this origin (`api:<request
 * id>`, `web:<request id>`, `retentie`) wrote after a mark taken when it started. Reads and exports are not audited;
 * the plugin adds them by route.
 */

export interface Processing {
  activity: ActivityId;
  /** The operation, in the audit log's words (`professional.verwijderd`). */
  name: string;
  subject: { id: string; type: string } | null;
}

export class ProcessingCollector {
  readonly items: Processing[] = [];
  private readonly seen = new Set<string>();

  add(item: Processing): void {
    // One line per data subject and operation, however often the request touched it.
    const key = `${item.activity}|${item.name}|${item.subject?.type}|${item.subject?.id}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(item);
  }
}

/** The audit log's current end; rows written later have larger ids. */
export async function auditMark(db: DbOrTx): Promise<number> {
  const [row] = await db.execute<{ mark: string }>(sql`SELECT coalesce(max(id), 0)::text AS mark FROM auditlog`);
  return Number(row?.mark ?? 0);
}

/** The processing of personal data that `herkomst` wrote into the audit log after `mark` (successful changes only). */
export async function auditedProcessing(db: DbOrTx, mark: number, herkomst: string[], into: ProcessingCollector): Promise<void> {
  const rows = await db.execute<{ actie: string; object_id: string; details: Record<string, unknown> }>(sql`
    SELECT actie, object_id, details FROM auditlog
    WHERE id > ${mark} AND herkomst IN (${sql.join(herkomst.map((h) => sql`${h}`), sql`, `)})
      AND object_type = 'professional' AND resultaat = 'gelukt' AND object_id IS NOT NULL
    ORDER BY id`);
  for (const row of rows) {
    const activity = activityOfAudit(row.actie, row.details);
    if (activity) into.add({ activity, name: row.actie, subject: { id: row.object_id, type: ENTRY_SUBJECT_TYPE } });
  }
}
