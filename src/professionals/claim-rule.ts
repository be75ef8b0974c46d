import { sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import type { EntryFacts } from './rules.js';

/**
 * The claim rule: a person may take over an entry their coordinator made for them when it belongs to the organisation
 * their sign-in vouches for, carries the work e-mail of that sign-in, has no owner yet, and is a person entry. Written
 * here once, in code and as SQL on `p` (professionals), side by side.
 */

const workEmail = (principal: Principal) => principal.email?.toLowerCase() ?? null;

/** Organisation and work e-mail match: what entitles a person to an entry they may not otherwise see. */
export const claimEntitles = (principal: Principal, entry: Pick<EntryFacts, 'organisatieCode'> & { email: string }) =>
  entry.organisatieCode === principal.organisatie && workEmail(principal) !== null && entry.email === workEmail(principal);

/** Unowned entries with this person's work e-mail at their organisation (also what the AVG export lists as theirs). */
export function unownedWithWorkEmail(principal: Principal): SQL {
  return sql`(${workEmail(principal)}::text IS NOT NULL AND p.eigenaar_subject IS NULL AND p.email = ${workEmail(principal)} AND p.organisatie_code = ${principal.organisatie})`;
}

/** What this person can claim now. */
export function claimableBy(principal: Principal): SQL {
  return sql`(${unownedWithWorkEmail(principal)} AND p.soort = 'persoon')`;
}

/** The person's own entry, by issuer and subject. */
export function ownedBy(principal: Principal): SQL {
  return sql`(p.eigenaar_issuer = ${principal.issuer} AND p.eigenaar_subject = ${principal.subject})`;
}
