import { sql, type SQL } from 'drizzle-orm';
import { organisatieTypes, type OrganisatieType } from '../../db/schema/index.js';
import { isBeheerder, isPmm, type Principal } from '../auth/principal.js';
import { canonicalProvinces } from '../organisaties/provinces.js';
import { verifiedSince } from '../professionals/termijnen.js';
import { findable } from '../professionals/visibility.js';
import { visibilitySql } from '../professionals/visibility-sql.js';
import { nowOf, type ServiceContext } from '../service-context.js';
import { ForbiddenError } from '../domain-errors.js';

/**
 * Coverage: per organisation, how many current (findable) and verified entries there are, in total and per expertise
 * domain (a domain counts its descendants), and which organisations have no current contact at all. Counts every
 * entry regardless of `zichtbaarheid`: it shows where the register falls short, not who is in it.
 */

export interface CoverageFilter {
  type?: OrganisatieType[] | undefined;
  provincie?: string[] | undefined;
  expertisegebied?: string[] | undefined;
}

export interface CoverageRow {
  code: string;
  naam: string;
  type: OrganisatieType;
  provincie: string | null;
  actueel: number;
  geverifieerd: number;
  perExpertisegebied: { code: string; naam: string; actueel: number; geverifieerd: number }[];
}

export function mayViewCoverage(principal: Principal): boolean {
  return isPmm(principal) || isBeheerder(principal) || principal.rollen.some((r) => r.rol === 'coordinator');
}

export async function coverage(context: ServiceContext, filter: CoverageFilter) {
  const { db, principal, termijnen } = context;
  const now = nowOf(context);
  if (!mayViewCoverage(principal)) throw new ForbiddenError('Dit inzicht is voor coördinatoren, de PMM-desk en beheerders.');
  const conditions: SQL[] = [sql`o.actief`, sql`o.type <> 'samenwerkingsverband'`];
  if (filter.type?.length) conditions.push(sql`o.type::text IN (${sql.join(filter.type.map((t) => sql`${t}`), sql`, `)})`);
  const provincies = await canonicalProvinces(db, filter.provincie);
  if (provincies?.length) conditions.push(sql`o.provincie IN (${sql.join(provincies.map((p) => sql`${p}`), sql`, `)})`);
  const domainFilter = filter.expertisegebied?.length ? sql`AND code IN (${sql.join(filter.expertisegebied.map((c) => sql`${c}`), sql`, `)})` : sql``;
  // Findable, whoever looks: coverage counts every audience.
  const current = visibilitySql(findable(termijnen, now), 'd');
  const verified = sql`coalesce(d.geverifieerd_op > ${verifiedSince(termijnen, now).toISOString()}::timestamptz, false)`;

  const rows = await db.execute<{ code: string; naam: string; type: OrganisatieType; provincie: string | null; actueel: number; geverifieerd: number; domeinen: { code: string; naam: string; actueel: number; geverifieerd: number }[] | null }>(sql`
    WITH cur AS (
      SELECT d.organisatie_code, d.expertise_pad, ${verified} AS verified FROM zoekdocumenten d WHERE ${current}
    ),
    totals AS (
      SELECT organisatie_code, count(*)::int AS actueel, count(*) FILTER (WHERE verified)::int AS geverifieerd FROM cur GROUP BY organisatie_code
    ),
    domains AS (
      SELECT organisatie_code, code, count(*)::int AS actueel, count(*) FILTER (WHERE verified)::int AS geverifieerd
      FROM cur, unnest(expertise_pad) AS code WHERE true ${domainFilter} GROUP BY organisatie_code, code
    )
    SELECT o.code, o.naam, o.type, o.provincie, coalesce(t.actueel, 0) AS actueel, coalesce(t.geverifieerd, 0) AS geverifieerd,
      (SELECT json_agg(json_build_object('code', dm.code, 'naam', e.naam, 'actueel', dm.actueel, 'geverifieerd', dm.geverifieerd) ORDER BY e.volgorde)
         FROM domains dm JOIN expertisegebieden e ON e.code = dm.code WHERE dm.organisatie_code = o.code) AS domeinen
    FROM organisaties o LEFT JOIN totals t ON t.organisatie_code = o.code
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY o.naam, o.code`);
  const organisaties: CoverageRow[] = rows.map((r) => ({
      code: r.code,
      naam: r.naam,
      type: r.type,
      provincie: r.provincie,
      actueel: r.actueel,
      geverifieerd: r.geverifieerd,
      perExpertisegebied: r.domeinen ?? [],
  }));
  return {
    organisaties,
    zonderContact: organisaties.filter((o) => o.actueel === 0).map(({ code, naam, type, provincie }) => ({ code, naam, type, provincie })),
    totaal: organisaties.length,
  };
}

/** The /inzichten page: coverage of one organisation type (or all), with the number of organisations and gaps per type. */
export async function coverageOverview(context: ServiceContext, type: OrganisatieType | undefined) {
  const all = (await coverage(context, {})).organisaties;
  const perType = organisatieTypes
    .map((code) => ({ type: code, organisaties: all.filter((o) => o.type === code).length, zonderContact: all.filter((o) => o.type === code && o.actueel === 0).length }))
    .filter((t) => t.organisaties > 0);
  return { dekking: type ? all.filter((o) => o.type === type) : all, perType };
}

/** One line per organisation (domain empty) and per organisation × domain with entries; semicolons, for Excel NL. */
export function coverageCsv(rows: CoverageRow[]): string {
  const cell = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [['organisatie', 'naam', 'type', 'provincie', 'expertisegebied', 'expertisegebiedNaam', 'actueel', 'geverifieerd'].join(';')];
  for (const row of rows) {
    lines.push([row.code, row.naam, row.type, row.provincie, '', '', row.actueel, row.geverifieerd].map(cell).join(';'));
    for (const domain of row.perExpertisegebied) {
      lines.push([row.code, row.naam, row.type, row.provincie, domain.code, domain.naam, domain.actueel, domain.geverifieerd].map(cell).join(';'));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
