import type { SynonymIndex } from './synonyms.js';
import { allowedTypos, editDistance, queryTerms } from './text.js';

/**
 * From what someone typed to what the engine looks for. For every query word: the word itself and its synonyms
 * (exact), the word as a prefix (only the last word: it may still be being typed), words that contain it (parts
 * of compounds), and words within the allowed number of typos. Pure: candidate words from the engine's lexicon are
 * passed in.
 */

export interface TermPlan {
  term: string;
  exact: string[];
  prefix: boolean;
  compounds: string[];
  /** Words within the allowed typos, closest first. */
  typos: string[];
  /** The subset of `typos` that is one edit away: ranks above two-edit matches. */
  nearTypos: string[];
}

export interface QueryPlan {
  terms: TermPlan[];
}

export function planQuery(query: string, synonyms: SynonymIndex, candidates: Map<string, string[]>): QueryPlan {
  const terms = queryTerms(query);
  return {
    terms: terms.map((term, index) => {
      const found = candidates.get(term) ?? [];
      const maxTypos = allowedTypos(term);
      const typos =
        maxTypos > 0
          ? found
              .filter((word) => !word.includes(term))
              .map((word) => ({ word, distance: editDistance(word, term, maxTypos) }))
              .filter(({ distance }) => distance <= maxTypos)
              .sort((a, b) => a.distance - b.distance)
          : [];
      return {
        term,
        exact: [term, ...(synonyms.get(term) ?? [])],
        // One typed letter as a prefix would match nearly everything; from two letters on it narrows usefully.
        prefix: index === terms.length - 1 && term.length >= 2,
        compounds: term.length >= 4 ? found.filter((word) => word.includes(term)) : [],
        typos: typos.map((t) => t.word),
        nearTypos: typos.filter((t) => t.distance <= 1).map((t) => t.word),
      };
    }),
  };
}

/** A tsquery operand for a word of [a-z0-9] (query words are normalised to that, so nothing needs escaping). */
const operand = (word: string) => (/^[\p{L}\p{N}]+$/u.test(word) ? word : '');

function alternatives(words: string[], prefix?: string): string {
  const parts = [...new Set(words.map(operand).filter(Boolean))];
  if (prefix && operand(prefix)) parts.push(`${prefix}:*`);
  return parts.length > 0 ? `(${parts.join(' | ')})` : '';
}

/** Every term must match, in any of its forms (AND across terms, OR within one). */
export function matchQuery(plan: QueryPlan): string {
  return plan.terms
    .map((t) => alternatives([...t.exact, ...t.compounds, ...t.typos], t.prefix ? t.term : undefined))
    .filter(Boolean)
    .join(' & ');
}

/** Exact forms only, any term: ranks exact matches above prefix, compound and typo matches. */
export function exactQuery(plan: QueryPlan): string {
  return plan.terms.map((t) => alternatives(t.exact)).filter(Boolean).join(' | ');
}

/** Exact or prefix forms, any term: ranks prefix matches above compound parts and typos. */
export function prefixQuery(plan: QueryPlan): string {
  return plan.terms.map((t) => alternatives(t.exact, t.prefix ? t.term : undefined)).filter(Boolean).join(' | ');
}

/** Everything but two-typo matches, any term: one typo ranks above two (as in Meilisearch's typo rule). */
export function nearQuery(plan: QueryPlan): string {
  return plan.terms
    .map((t) => alternatives([...t.exact, ...t.compounds, ...t.nearTypos], t.prefix ? t.term : undefined))
    .filter(Boolean)
    .join(' | ');
}

/** Drops the last terms one by one (Meilisearch's "last" matching strategy) when all terms together find nothing. */
export function withoutLastTerm(plan: QueryPlan): QueryPlan | undefined {
  if (plan.terms.length <= 1) return undefined;
  return { terms: plan.terms.slice(0, -1) };
}
