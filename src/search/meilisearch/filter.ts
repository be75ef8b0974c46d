import { verifiedSince } from '../../professionals/termijnen.js';
import { findableFor, type Condition } from '../../professionals/visibility.js';
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

/** The visibility rule (professionals/visibility.ts) as a Meilisearch filter, on the document's attributes. */
export function meiliFilter(condition: Condition): string {
  switch (condition.op) {
    case 'actief':
      return `status = ${quote('actief')}`;
    case 'bevestigdNa':
      return `bevestigdOpTs > ${seconds(condition.since)}`;
    case 'zichtbaarheid':
      return `zichtbaarheid = ${quote(condition.is)}`;
    case 'organisatie':
      return `organisatie.code = ${quote(condition.is)}`;
    case 'not':
      return `NOT (${meiliFilter(condition.of)})`;
    case 'and':
    case 'or': {
      // Meilisearch has no literal true/false; an empty AND admits all, an empty OR none (an impossible id).
      if (condition.of.length === 0) return condition.op === 'and' ? 'id EXISTS' : 'id NOT EXISTS';
      if (condition.of.length === 1) return meiliFilter(condition.of[0]!);
      return `(${condition.of.map(meiliFilter).join(condition.op === 'and' ? ' AND ' : ' OR ')})`;
    }
  }
}

/** One clause per filter key (OR within the key); `except` leaves one key out, for disjunctive facets. */
export function filterClauses(filters: SearchFilters, policy: SearchPolicy, except?: keyof typeof filterAttributes): string[] {
  const clauses: string[] = [];
  for (const [key, attribute] of Object.entries(filterAttributes) as [keyof typeof filterAttributes, string][]) {
    const values = filters[key];
    if (key !== except && values && values.length > 0) clauses.push(anyOf(attribute, values));
  }
  if (filters.geverifieerd !== undefined) {
    const since = seconds(verifiedSince(policy, policy.now));
    clauses.push(filters.geverifieerd ? `geverifieerdOpTs > ${since}` : `geverifieerdOpTs <= ${since}`);
  }
  return clauses;
}

export function buildFilter(filters: SearchFilters, viewer: Viewer, policy: SearchPolicy, except?: keyof typeof filterAttributes): string {
  return [meiliFilter(findableFor(viewer, policy, policy.now)), ...filterClauses(filters, policy, except).map((c) => `(${c})`)].join(' AND ');
}
