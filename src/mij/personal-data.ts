import { listAuditAbout } from '../audit/service.js';
import { listEntriesAboutPerson } from '../professionals/own-entry.js';
import type { ServiceContext } from '../service-context.js';

/**
 * Everything the register holds about the signed-in person (AVG, right of access): their own entry, entries their
 * coordinator made with their work e-mail that they have not claimed yet, their roles, and the audit rows about
 * those entries or about what they did.
 */
export async function personalData(context: ServiceContext) {
  const { principal } = context;
  const vermeldingen = await listEntriesAboutPerson(context);
  return {
    persoon: { subject: principal.subject, uitgever: principal.issuer, naam: principal.naam, email: principal.email, organisatie: principal.organisatie },
    vermeldingen,
    rollen: principal.rollen,
    auditregels: await listAuditAbout(context.db, principal, vermeldingen.map((entry) => entry.id)),
  };
}
