import { and, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { auditlog, type AuditRow } from '../../db/schema/index.js';
import { isBeheerder, type Principal } from '../auth/principal.js';
import type { Db, DbOrTx } from '../database/connection.js';
import { currentTraceIds } from '../observability/tracing.js';
import { ForbiddenError } from '../domain-errors.js';

/** Who acts and through which channel; passed from the route (or command) to every service call that changes data. */
export interface AuditContext {
  actor: Pick<Principal, 'issuer' | 'subject'> | null;
  /** `api:<request id>`, `cli`, `retentie`, … */
  herkomst: string;
}

export interface AuditEntry {
  actie: string;
  objectType: string;
  objectId?: string | null;
  resultaat?: 'gelukt' | 'geweigerd';
  /** Identifiers and field names only. */
  details?: Record<string, unknown>;
}

function traceOf(): { traceId?: string } {
  const ids = currentTraceIds();
  return ids ? { traceId: ids.traceId } : {};
}

/** Appends one row; call it inside the transaction of the change it records. */
export async function recordAudit(db: DbOrTx, context: AuditContext, entry: AuditEntry): Promise<void> {
  await db.insert(auditlog).values({
    actie: entry.actie,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    resultaat: entry.resultaat ?? 'gelukt',
    herkomst: context.herkomst,
    actorIssuer: context.actor?.issuer ?? null,
    actorSubject: context.actor?.subject ?? null,
    // The trace id links the row to the request's traces, logs and processing-log lines (Logboek Dataverwerkingen).
    details: { ...entry.details, ...traceOf() },
  });
}

export interface AuditFilter {
  actie?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  actor?: string | undefined;
  van?: string | undefined;
  tot?: string | undefined;
  pagina: number;
  paginaGrootte: number;
}

/** The audit log is read by beheerders only. */
export async function listAudit(db: Db, principal: Principal, filter: AuditFilter) {
  if (!isBeheerder(principal)) throw new ForbiddenError('Het auditlog is alleen voor beheerders.');
  const conditions: (SQL | undefined)[] = [
    filter.actie ? eq(auditlog.actie, filter.actie) : undefined,
    filter.objectType ? eq(auditlog.objectType, filter.objectType) : undefined,
    filter.objectId ? eq(auditlog.objectId, filter.objectId) : undefined,
    filter.actor ? eq(auditlog.actorSubject, filter.actor) : undefined,
    filter.van ? gte(auditlog.tijdstip, new Date(filter.van)) : undefined,
    filter.tot ? lte(auditlog.tijdstip, new Date(filter.tot)) : undefined,
  ];
  const where = and(...conditions);
  const rows = await db
    .select()
    .from(auditlog)
    .where(where)
    .orderBy(desc(auditlog.volgnummer))
    .limit(filter.paginaGrootte)
    .offset((filter.pagina - 1) * filter.paginaGrootte);
  const [count] = await db.select({ totaal: sql<number>`count(*)::int` }).from(auditlog).where(where);
  return { resultaten: rows.map(toAuditView), totaal: count?.totaal ?? 0 };
}

/** The rows about a person (AVG access): what they did, and what happened to these professional entries; newest first. */
export async function listAuditAbout(db: Db, person: Pick<Principal, 'issuer' | 'subject'>, professionalIds: string[]) {
  const rows = await db
    .select()
    .from(auditlog)
    .where(
      or(
        and(eq(auditlog.actorIssuer, person.issuer), eq(auditlog.actorSubject, person.subject)),
        professionalIds.length > 0 ? and(eq(auditlog.objectType, 'professional'), inArray(auditlog.objectId, professionalIds)) : undefined,
      ),
    )
    .orderBy(desc(auditlog.volgnummer))
    .limit(1000);
  return rows.map(toAuditView);
}

export function toAuditView(row: AuditRow) {
  return {
    volgnummer: row.volgnummer,
    tijdstip: row.tijdstip.toISOString(),
    actie: row.actie,
    objectType: row.objectType,
    objectId: row.objectId,
    resultaat: row.resultaat,
    herkomst: row.herkomst,
    actor: row.actorSubject ? { uitgever: row.actorIssuer, subject: row.actorSubject } : null,
    details: row.details as Record<string, unknown>,
    hash: row.hash,
  };
}

export interface ChainReport {
  rows: number;
  broken: { volgnummer: number; id: number; reason: string } | null;
}

/**
 * Recomputes the hash chain in the database with the same function the insert trigger uses, and reports the first
 * row whose content no longer matches its hash, whose link to its predecessor is broken, or that follows a gap.
 */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  const [count] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM auditlog`);
  const [broken] = await db.execute<{ id: number; volgnummer: number; reason: string }>(sql`
    SELECT id::int, volgnummer::int,
      CASE
        WHEN hash <> expected THEN 'content does not match its hash (the row was altered)'
        WHEN volgnummer <> coalesce(previous_number, 0) + 1 THEN 'gap before this row (a row was removed)'
        ELSE 'does not link to the hash of the previous row'
      END AS reason
    FROM (
      SELECT a.id, a.volgnummer, a.hash, a.vorige_hash, auditlog_hash(a) AS expected,
             lag(a.hash) OVER w AS previous_hash, lag(a.volgnummer) OVER w AS previous_number
      FROM auditlog a WINDOW w AS (ORDER BY a.volgnummer)
    ) chain
    WHERE hash <> expected
       OR volgnummer <> coalesce(previous_number, 0) + 1
       OR vorige_hash <> coalesce(previous_hash, repeat('0', 64))
    ORDER BY volgnummer
    LIMIT 1`);
  return { rows: count?.n ?? 0, broken: broken ?? null };
}
