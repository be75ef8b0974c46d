import { sql } from 'drizzle-orm';
import { nowOf, type ServiceContext } from '../service-context.js';
import { findEntries, toView } from './repository.js';
import type { ProfessionalView } from './schemas.js';
import { findableFor, viewerOf } from './visibility.js';
import { visibilitySql } from './visibility-sql.js';

/**
 * The team entries of an organisation (maatwerkplaats, escalation desk) that this person may find, shown beside an
 * entry as the organisation's fallback contacts. The visibility rule decides, as in search: an expired or hidden
 * team is not shown here either.
 */
export async function listTeamContacts(context: ServiceContext, organisatie: string, options: { except?: string; limit?: number } = {}): Promise<ProfessionalView[]> {
  const now = nowOf(context);
  const entries = await findEntries(
    context.db,
    sql`p.organisatie_code = ${organisatie} AND p.soort = 'team' ${options.except ? sql`AND p.id <> ${options.except}` : sql``}
        AND ${visibilitySql(findableFor(viewerOf(context.principal), context.termijnen, now), 'p')}`,
    sql`ORDER BY p.naam LIMIT ${options.limit ?? 5}`,
  );
  return entries.map((entry) => toView(entry, context.termijnen, now));
}
