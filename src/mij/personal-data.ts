import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { auditlog } from '../../db/schema/index.js';
import { toAuditView } from '../audit/service.js';
import { findEntries, toView } from '../professionals/repository.js';
import type { ServiceContext } from '../professionals/service.js';

/**
 * Everything the register holds about the signed-in person (AVG, right of access): their own entry, entries their
 * coordinator made with their work e-mail that they have not claimed yet, their roles, and the audit rows about
 * those entries or about what they did.
 */
export async function personalData(context: ServiceContext) {
  const { principal, db } = context;
  const now = context.now ? context.now() : new Date();
  const email = principal.email?.toLowerCase() ?? null;
  const entries = await findEntries(
    db,
    sql`(p.eigenaar_issuer = ${principal.issuer} AND p.eigenaar_subject = ${principal.subject})
        OR (${email}::text IS NOT NULL AND p.eigenaar_subject IS NULL AND p.email = ${email} AND p.organisatie_code = ${principal.organisatie})`,
    sql`ORDER BY p.aangemaakt_op`,
  );
  const ids = entries.map((entry) => entry.id);
  const rows = await db
    .select()
    .from(auditlog)
    .where(
      or(
        and(eq(auditlog.actorIssuer, principal.issuer), eq(auditlog.actorSubject, principal.subject)),
        ids.length > 0 ? and(eq(auditlog.objectType, 'professional'), inArray(auditlog.objectId, ids)) : undefined,
      ),
    )
    .orderBy(desc(auditlog.volgnummer))
    .limit(1000);
  return {
    persoon: { subject: principal.subject, uitgever: principal.issuer, naam: principal.naam, email: principal.email, organisatie: principal.organisatie },
    vermeldingen: entries.map((entry) => ({ ...toView(entry, context.termijnen, now), eigen: entry.eigenaarSubject !== null })),
    rollen: principal.rollen,
    auditregels: rows.map(toAuditView),
  };
}
