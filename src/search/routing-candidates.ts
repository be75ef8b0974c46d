import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../database/connection.js';
import { visibilitySql } from '../professionals/visibility-sql.js';
import type { Condition } from '../professionals/visibility.js';
import type { SearchDocument } from './document.js';
import { expertiseSql } from './expertise-rule.js';

/**
 * The port case routing asks (casusroutering does not read the search module's tables): per organisation, the best
 * few findable entries in each fallback tier, and how many findable people it has with the asked domains. Answered
 * from the Postgres engine's documents, which every write keeps current in its own transaction, whichever engine
 * serves search. Who "has an expertise" is the rule search filters with (expertise-rule.ts).
 */

/** The tiers in their stated order: the first tier with anyone in it answers for the organisation. */
export const routingTiers = ['domein', 'escalatiecontact', 'team', 'dichtstbij'] as const;
export type RoutingTier = (typeof routingTiers)[number];

export interface RoutingQuestion {
  organisaties: string[];
  expertisegebieden: string[];
  /** Rank of the wanted level (search/fields.ts), or null for no preference. */
  gewenstRang: number | null;
  gemeente: string | null;
  gemeenteProvincie: string | null;
  /** The one visibility rule for this viewer, now. */
  findable: Condition;
  verifiedSince: Date;
  /** An absent person (afwezig_tot on or after this day) is skipped. */
  today: string;
  perTier: number;
}

export interface RoutingCandidate {
  organisatieCode: string;
  tier: RoutingTier;
  document: SearchDocument;
  verified: boolean;
  werkgebiedMatch: boolean;
}

export interface RoutingCounts {
  /** Findable people (not teams), present or absent. */
  personen: number;
  /** Of them, with one of the asked domains (or a descendant). */
  metExpertise: number;
}

export async function routingCandidates(db: DbOrTx, question: RoutingQuestion): Promise<{ candidates: RoutingCandidate[]; counts: Map<string, RoutingCounts> }> {
  const hasDomain = expertiseSql(sql`d.expertise_pad`, question.expertisegebieden);
  const wanted = question.gewenstRang;
  const levelOrder = wanted === null ? sql`0` : sql`CASE WHEN d.rolniveau_rang >= ${wanted}::int THEN d.rolniveau_rang - ${wanted}::int ELSE 10 + ${wanted}::int - d.rolniveau_rang END`;
  const werkgebiedMatch = question.gemeente
    ? sql`(${question.gemeente}::text = ANY(d.werkgebied) OR ${question.gemeenteProvincie}::text = ANY(d.provincies))`
    : sql`false`;
  const verified = sql`coalesce(d.geverifieerd_op > ${question.verifiedSince.toISOString()}::timestamptz, false)`;
  const present = sql`(d.afwezig_tot IS NULL OR d.afwezig_tot < ${question.today}::date)`;
  const findable = visibilitySql(question.findable, 'd');
  const organisations = sql.join(question.organisaties.map((c) => sql`${c}`), sql`, `);
  type Row = { organisatie_code: string; tier: RoutingTier; verified: boolean; werkgebied_match: boolean; document: SearchDocument };

  // The best few per organisation and tier among the entries `where` admits. Ranked on the columns of the covering
  // index zoekdocumenten_routering_idx (a large organisation has thousands of entries); only the chosen few read their
  // display document, through a per-row subquery so the planner cannot turn it into a full scan. Within a tier: the
  // level (asked, else nearest above, else below), escalation contact, werkgebied, verified, most recently confirmed.
  const ranked = (organisations: string[], tier: SQL, where: SQL) =>
    db.execute<Row>(sql`
      SELECT ranked.organisatie_code, ranked.tier, ranked.verified, ranked.werkgebied_match,
             (SELECT w.document FROM zoekdocument_weergave w WHERE w.professional_id = ranked.professional_id) AS document FROM (
        SELECT d.professional_id, d.organisatie_code, ${tier} AS tier, ${verified} AS verified, ${werkgebiedMatch} AS werkgebied_match,
               row_number() OVER (
                 PARTITION BY d.organisatie_code, ${tier}
                 ORDER BY ${levelOrder}, d.escalatiecontact DESC, ${werkgebiedMatch} DESC, ${verified} DESC, d.bevestigd_op DESC, d.professional_id) AS n
        FROM zoekdocumenten d
        WHERE d.organisatie_code IN (${sql.join(organisations.map((c) => sql`${c}`), sql`, `)}) AND ${findable} AND ${where}
      ) ranked
      WHERE ranked.n <= ${question.perTier}
      ORDER BY ranked.organisatie_code, ranked.tier, ranked.n`);
  const person = sql`d.soort = 'persoon' AND ${present}`;

  // Step by step, so the common case reads what it always read: people with the domain and the team entries; only the
  // organisations without anyone with the domain are asked for an escalation contact, and only those with neither an
  // escalation contact nor a team entry for the closest people.
  const [first, counted] = await Promise.all([
    ranked(question.organisaties, sql`CASE WHEN d.soort = 'team' THEN 'team' ELSE 'domein' END`, sql`(d.soort = 'team' OR (${person} AND ${hasDomain}))`),
    db.execute<{ organisatie_code: string; personen: number; met_expertise: number }>(sql`
      SELECT d.organisatie_code, count(*)::int AS personen, count(*) FILTER (WHERE ${hasDomain})::int AS met_expertise
      FROM zoekdocumenten d
      WHERE d.organisatie_code IN (${organisations}) AND d.soort = 'persoon' AND ${findable}
      GROUP BY d.organisatie_code`),
  ]);
  const rows = [...first];
  const has = (code: string, tiers: RoutingTier[]) => rows.some((r) => r.organisatie_code === code && tiers.includes(r.tier));
  const withoutDomain = question.organisaties.filter((code) => !has(code, ['domein']));
  if (withoutDomain.length > 0) {
    rows.push(...(await ranked(withoutDomain, sql`'escalatiecontact'`, sql`${person} AND d.escalatiecontact AND NOT ${hasDomain}`)));
    const withNothing = withoutDomain.filter((code) => !has(code, ['escalatiecontact', 'team']));
    if (withNothing.length > 0) rows.push(...(await ranked(withNothing, sql`'dichtstbij'`, sql`${person} AND NOT d.escalatiecontact AND NOT ${hasDomain}`)));
  }
  return {
    candidates: rows.map((r) => ({ organisatieCode: r.organisatie_code, tier: r.tier, document: r.document, verified: r.verified, werkgebiedMatch: r.werkgebied_match })),
    counts: new Map(counted.map((c) => [c.organisatie_code, { personen: c.personen, metExpertise: c.met_expertise }])),
  };
}
