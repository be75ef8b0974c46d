import { listAuditAbout } from '../audit/service.js';
import { listMailsAbout } from '../herinneringen/records.js';
import { listEntriesAboutPerson } from '../professionals/own-entry.js';
import type { ServiceContext } from '../service-context.js';

/**
 * Everything the register holds about the signed-in person (AVG, right of access): their own entry, entries their
 * coordinator made with their work e-mail that they have not claimed yet, their roles, the audit rows about
 * those entries or about what they did, and the mails the register sent them or about their entries.
 */
export async function personalData(context: ServiceContext) {
  const { principal } = context;
  const vermeldingen = await listEntriesAboutPerson(context);
  return {
    persoon: { subject: principal.subject, uitgever: principal.issuer, naam: principal.naam, email: principal.email, organisatie: principal.organisatie },
    vermeldingen,
    rollen: principal.rollen,
    auditregels: await listAuditAbout(context.db, principal, vermeldingen.map((entry) => entry.id)),
    mails: await listMailsAbout(context.db, { email: principal.email, professionalIds: vermeldingen.map((entry) => entry.id) }),
  };
}
