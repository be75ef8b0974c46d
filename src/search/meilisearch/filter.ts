import type { SearchFilters, SearchPolicy, Viewer } from '../port.js';

/**
 * Meilisearch filter expressions are built, never concatenated from input: every value is a quoted, escaped string
 * (or a number we computed), every attribute name is ours. A property test shows no value can change the
 * expression's structure. Pure.
 */

/** A Meilisearch string literal: double quotes, with `\` and `"` escaped. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export const filterAttributes = {
  organisatie: 'organisatie.code',
  organisatieType: 'organisatie.type',
  expertisegebied: 'expertisePad',
  rolniveau: 'rolniveau',
  provincie: 'provincies',
  soort: 'soort',
} as const;

function anyOf(attribute: string, values: readonly string[]): string {
  return `${attribute} IN [${values.map(quote).join(', ')}]`;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

function monthsBefore(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() - months);
  return result;
}

/** Visibility, always added server-side: findable entries, and `zichtbaarheid` for this viewer. */
export function visibilityFilter(viewer: Viewer, policy: SearchPolicy): string {
  const confirmedSince = seconds(monthsBefore(policy.now, policy.bevestigingMaanden));
  const audiences = [`zichtbaarheid = ${quote('alle-professionals')}`, `organisatie.code = ${quote(viewer.organisatie)}`];
  if (viewer.pmm) audiences.push(`zichtbaarheid = ${quote('pmm')}`);
  return `status = ${quote('actief')} AND bevestigdOpTs > ${confirmedSince} AND (${audiences.join(' OR ')})`;
}

/** One clause per filter key (OR within the key); `except` leaves one key out, for disjunctive facets. */
export function filterClauses(filters: SearchFilters, policy: SearchPolicy, except?: keyof typeof filterAttributes): string[] {
  const clauses: string[] = [];
  for (const [key, attribute] of Object.entries(filterAttributes) as [keyof typeof filterAttributes, string][]) {
    const values = filters[key];
    if (key !== except && values && values.length > 0) clauses.push(anyOf(attribute, values));
  }
  if (filters.geverifieerd !== undefined) {
    const verifiedSince = seconds(monthsBefore(policy.now, policy.verificatieMaanden));
    clauses.push(filters.geverifieerd ? `geverifieerdOpTs > ${verifiedSince}` : `geverifieerdOpTs <= ${verifiedSince}`);
  }
  return clauses;
}

export function buildFilter(filters: SearchFilters, viewer: Viewer, policy: SearchPolicy, except?: keyof typeof filterAttributes): string {
  return [`(${visibilityFilter(viewer, policy)})`, ...filterClauses(filters, policy, except).map((c) => `(${c})`)].join(' AND ');
}
