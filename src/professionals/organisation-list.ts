import { sql, type SQL } from 'drizzle-orm';
import { isBeheerder } from '../auth/principal.js';
import { ForbiddenError } from '../domain-errors.js';
import { listOrganisatieNamen } from '../organisaties/service.js';
import { findEntries, toView } from './repository.js';
import { managesForOrganisation } from './rules.js';
import { confirmedSince, expiringWithin, verifiedSince } from './termijnen.js';
import type { Config } from '../config.js';
import type { ServiceContext } from '../service-context.js';

export interface OrganisationListFilter {
  verificatie?: 'verlopen' | 'ontbreekt' | undefined;
  /** `binnenkort`: still confirmed, but not `binnenkortDagen` from now (the digest's "verloopt binnenkort"). */
  bevestiging?: 'verlopen' | 'binnenkort' | undefined;
  /** `nee`: person entries nobody has claimed yet. */
  geclaimd?: 'ja' | 'nee' | undefined;
  status?: 'actief' | 'inactief' | undefined;
  soort?: 'persoon' | 'team' | undefined;
  /** Words that must each occur in the name, function, department or e-mail address (case and accents ignored). */
  zoekterm?: string | undefined;
  sortering?: OrganisationListSort | undefined;
  pagina: number;
  paginaGrootte: number;
}

/** What "soon" means for `bevestiging=binnenkort`: the configured reminder thresholds' widest window. */
export interface OrganisationListRules {
  binnenkortDagen: number;
}

/** The digest's window (planner.ts): the earliest reminder threshold, e.g. 30 of HERINNERING_DAGEN=30,7. */
export const organisationListRules = (config: Pick<Config, 'herinneringen'>): OrganisationListRules => ({ binnenkortDagen: Math.max(...config.herinneringen.dagen) });
export const organisationListSorts = ['naam', '-naam', 'functie', '-functie', 'gewijzigd', '-gewijzigd', 'verificatie', '-verificatie'] as const;
export type OrganisationListSort = (typeof organisationListSorts)[number];

/**
 * Names and functions in the order people read them: Dutch rules, case and accents after the letters, and digits as
 * numbers ("Consulent 2" before "Consulent 10"), by the ICU collation of migration 0028.
 */
const naam = sql`p.naam COLLATE natuurlijk`;
const functie = sql`p.functie COLLATE natuurlijk`;

/** Each sort ends on the id, so pages never overlap or skip an entry. */
const orderBy: Record<OrganisationListSort, SQL> = {
  naam: sql`${naam}, p.id`,
  '-naam': sql`${naam} DESC, p.id`,
  functie: sql`${functie}, ${naam}, p.id`,
  '-functie': sql`${functie} DESC, ${naam}, p.id`,
  gewijzigd: sql`p.gewijzigd_op, p.id`,
  '-gewijzigd': sql`p.gewijzigd_op DESC, p.id`,
  // Never verified first, then the oldest verification.
  verificatie: sql`p.geverifieerd_op ASC NULLS FIRST, ${naam}, p.id`,
  '-verificatie': sql`p.geverifieerd_op DESC NULLS LAST, ${naam}, p.id`,
};

/**
 * The coordinator's overview: every entry of the organisation, including inactive and expired ones, optionally only
 * those whose verification is missing or expired, whose confirmation expired or expires soon, or that nobody claimed.
 */
export async function listOrganisationEntries(context: ServiceContext, organisatie: string, filter: OrganisationListFilter, rules: OrganisationListRules) {
  if (!managesForOrganisation(context.principal, organisatie)) {
    throw new ForbiddenError('Alleen coördinatoren van deze organisatie en beheerders zien alle vermeldingen van de organisatie.');
  }
  const now = context.now ? context.now() : new Date();
  const conditions: SQL[] = [sql`p.organisatie_code = ${organisatie}`];
  if (filter.verificatie === 'ontbreekt') conditions.push(sql`p.geverifieerd_op IS NULL`);
  if (filter.verificatie === 'verlopen') conditions.push(sql`p.geverifieerd_op <= ${verifiedSince(context.termijnen, now).toISOString()}::timestamptz`);
  if (filter.bevestiging === 'verlopen') conditions.push(sql`p.bevestigd_op <= ${confirmedSince(context.termijnen, now).toISOString()}::timestamptz`);
  if (filter.bevestiging === 'binnenkort') {
    const { after, atMost } = expiringWithin(context.termijnen, now, rules.binnenkortDagen);
    conditions.push(sql`p.bevestigd_op > ${after.toISOString()}::timestamptz AND p.bevestigd_op <= ${atMost.toISOString()}::timestamptz`);
  }
  if (filter.geclaimd === 'nee') conditions.push(sql`p.soort = 'persoon' AND p.eigenaar_subject IS NULL`);
  if (filter.geclaimd === 'ja') conditions.push(sql`p.eigenaar_subject IS NOT NULL`);
  if (filter.status) conditions.push(sql`p.status = ${filter.status}`);
  if (filter.soort) conditions.push(sql`p.soort = ${filter.soort}`);
  for (const word of (filter.zoekterm ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`immutable_unaccent(lower(concat_ws(' ', p.naam, p.functie, p.afdeling, p.email))) LIKE immutable_unaccent(lower(${pattern}))`);
  }
  const where = sql.join(conditions, sql` AND `);
  const entries = await findEntries(
    context.db,
    where,
    sql`ORDER BY ${orderBy[filter.sortering ?? 'naam']} LIMIT ${filter.paginaGrootte} OFFSET ${(filter.pagina - 1) * filter.paginaGrootte}`,
  );
  const [count] = await context.db.execute<{ totaal: number }>(sql`SELECT count(*)::int AS totaal FROM professionals p WHERE ${where}`);
  return { resultaten: entries.map((entry) => toView(entry, context.termijnen, now)), totaal: count?.totaal ?? 0 };
}

/**
 * The organisations whose entries this person maintains: those they coordinate, and for a beheerder the one asked
 * for (else their own). `current` is the one asked for when allowed, else the first by name; undefined when none.
 */
export async function managedOrganisations(context: ServiceContext, asked: string | undefined) {
  const { principal } = context;
  const codes = principal.rollen.filter((r) => r.rol === 'coordinator').map((r) => r.organisatie!);
  if (isBeheerder(principal)) codes.push(asked ?? principal.organisatie);
  const all = await listOrganisatieNamen(context.db, [...new Set(codes)]);
  const current = all.find((o) => o.code === asked) ?? all[0];
  return current ? { current, all } : undefined;
}
