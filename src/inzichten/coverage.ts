import { organisatieTypes, type OrganisatieType } from '../../db/schema/index.js';
import { isBeheerder, isPmm, type Principal } from '../auth/principal.js';
import { listExpertisegebieden } from '../expertisegebieden/service.js';
import { canonicalProvinces } from '../organisaties/provinces.js';
import { listOrganisaties } from '../organisaties/service.js';
import { cachedCoverage } from './coverage-cache.js';
import { coverageCounts, cutoffsAt, TOTAL, type CoverageCount } from './coverage-read-model.js';
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

/** Every active organisation fits one list (the register has about 650). */
const ALL = { pagina: 1, paginaGrootte: 10_000 };

export interface CoverageReport {
  organisaties: CoverageRow[];
  zonderContact: Pick<CoverageRow, 'code' | 'naam' | 'type' | 'provincie'>[];
  totaal: number;
}

const reportOf = (organisaties: CoverageRow[]): CoverageReport => ({
  organisaties,
  zonderContact: organisaties.filter((o) => o.actueel === 0).map(({ code, naam, type, provincie }) => ({ code, naam, type, provincie })),
  totaal: organisaties.length,
});

/** Every organisation and domain at `now`: what the cache keeps, and what each filtered view is cut from. */
async function wholeCoverage(context: ServiceContext, now: Date): Promise<CoverageReport> {
  const { db, termijnen } = context;
  // The counts from coverage's own read model; names and order from the organisations and the taxonomy.
  const [counts, organisations, taxonomy] = await Promise.all([coverageCounts(db, termijnen, now), listOrganisaties(db, ALL), listExpertisegebieden(db, {})]);
  const domainOrder = new Map(taxonomy.resultaten.map((node, i) => [node.code, { i, naam: node.naam }]));
  const byOrganisation = new Map<string, CoverageCount[]>();
  for (const count of counts) {
    const list = byOrganisation.get(count.organisatieCode) ?? [];
    list.push(count);
    byOrganisation.set(count.organisatieCode, list);
  }
  return reportOf(
    organisations.resultaten
      .filter((o) => o.type !== 'samenwerkingsverband')
      .map((o) => {
        const own = byOrganisation.get(o.code) ?? [];
        const total = own.find((c) => c.expertisegebiedCode === TOTAL);
        const perExpertisegebied = own
          .filter((c) => c.expertisegebiedCode !== TOTAL && c.actueel > 0 && domainOrder.has(c.expertisegebiedCode))
          .sort((a, b) => domainOrder.get(a.expertisegebiedCode)!.i - domainOrder.get(b.expertisegebiedCode)!.i)
          .map((c) => ({ code: c.expertisegebiedCode, naam: domainOrder.get(c.expertisegebiedCode)!.naam, actueel: c.actueel, geverifieerd: c.geverifieerd }));
        return { code: o.code, naam: o.naam, type: o.type, provincie: o.provincie, actueel: total?.actueel ?? 0, geverifieerd: total?.geverifieerd ?? 0, perExpertisegebied };
      }),
  );
}

/** The whole report at this moment, computed or reused (coverage-cache.ts). */
async function currentCoverage(context: ServiceContext) {
  if (!mayViewCoverage(context.principal)) throw new ForbiddenError('Dit inzicht is voor coördinatoren, de PMM-desk en beheerders.');
  const now = nowOf(context);
  return cachedCoverage(context.db, cutoffsAt(context.termijnen, now), () => wholeCoverage(context, now));
}

const hasFilter = (filter: CoverageFilter) => Boolean(filter.type?.length || filter.provincie?.length || filter.expertisegebied?.length);

/** `perDomain: false`: the organisations' totals only (the /inzichten page needs no more). */
export async function coverage(context: ServiceContext, filter: CoverageFilter, { perDomain = true } = {}): Promise<CoverageReport> {
  if (!mayViewCoverage(context.principal)) throw new ForbiddenError('Dit inzicht is voor coördinatoren, de PMM-desk en beheerders.');
  const provincies = await canonicalProvinces(context.db, filter.provincie);
  const { report } = await currentCoverage(context);
  if (!hasFilter(filter) && perDomain) return report;
  const types = filter.type?.length ? new Set<string>(filter.type) : null;
  const inProvinces = provincies?.length ? new Set(provincies.map((p) => p.toLowerCase())) : null;
  const domains = filter.expertisegebied?.length ? new Set(filter.expertisegebied) : null;
  return reportOf(
    report.organisaties
      .filter((o) => (!types || types.has(o.type)) && (!inProvinces || (o.provincie !== null && inProvinces.has(o.provincie.toLowerCase()))))
      .map((o) => ({ ...o, perExpertisegebied: !perDomain ? [] : domains ? o.perExpertisegebied.filter((d) => domains.has(d.code)) : o.perExpertisegebied })),
  );
}

/** The API's JSON; for the whole register (the usual call) serialised once per computed report, not per request. */
export async function coverageJson(context: ServiceContext, filter: CoverageFilter): Promise<string> {
  if (hasFilter(filter)) return JSON.stringify(await coverage(context, filter));
  return (await currentCoverage(context)).json();
}

/** The /inzichten page: coverage of one organisation type (or all), with the number of organisations and gaps per type. */
export async function coverageOverview(context: ServiceContext, type: OrganisatieType | undefined) {
  const all = (await coverage(context, {}, { perDomain: false })).organisaties;
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
