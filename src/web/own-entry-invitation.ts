import { getOwnEntry, listClaimableEntries } from '../professionals/own-entry.js';
import type { ProfessionalView } from '../professionals/schemas.js';
import type { ServiceContext } from '../service-context.js';

/**
 * Whom the home page invites to take part (issue 14, point 16): a person without an entry of their own, to claim
 * the one their coordinator made for them (the claim rule, `professionals/claim-rule.ts`) or else to make one. Null
 * for someone who has an entry.
 */
export async function ownEntryInvitation(context: ServiceContext): Promise<{ claimable: ProfessionalView[] } | null> {
  if (await getOwnEntry(context)) return null;
  return { claimable: await listClaimableEntries(context) };
}
