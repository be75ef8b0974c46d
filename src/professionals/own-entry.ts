import { sql } from 'drizzle-orm';
import { nowOf, type ServiceContext } from '../service-context.js';
import { claimableBy, ownedBy, unownedWithWorkEmail } from './claim-rule.js';
import { findEntries, toView } from './repository.js';
import type { ProfessionalView } from './schemas.js';

/** The signed-in person's own entry, or null (the /mijn-vermelding page and the AVG export start from it). */
export async function getOwnEntry(context: ServiceContext): Promise<ProfessionalView | null> {
  const [entry] = await findEntries(context.db, ownedBy(context.principal));
  return entry ? toView(entry, context.termijnen, nowOf(context)) : null;
}

/** Entries the signed-in person may claim as theirs (claim-rule.ts). */
export async function listClaimableEntries(context: ServiceContext): Promise<ProfessionalView[]> {
  if (!context.principal.email) return [];
  const entries = await findEntries(context.db, claimableBy(context.principal));
  return entries.map((entry) => toView(entry, context.termijnen, nowOf(context)));
}

export interface Provisionering {
  gebruikersnaam: string | null;
  externId: string | null;
}

/**
 * The person's own entry and the unowned ones with their work e-mail, oldest first, marked `eigen` (AVG export), with
 * what their organisation's SCIM client stored about them (userName, externalId), which the entry view does not show.
 */
export async function listEntriesAboutPerson(context: ServiceContext): Promise<(ProfessionalView & { eigen: boolean; provisionering: Provisionering | null })[]> {
  const entries = await findEntries(context.db, sql`${ownedBy(context.principal)} OR ${unownedWithWorkEmail(context.principal)}`, sql`ORDER BY p.aangemaakt_op`);
  return entries.map((entry) => ({
    ...toView(entry, context.termijnen, nowOf(context)),
    eigen: entry.eigenaarSubject !== null,
    provisionering: entry.gebruikersnaam !== null || entry.externId !== null ? { gebruikersnaam: entry.gebruikersnaam, externId: entry.externId } : null,
  }));
}
