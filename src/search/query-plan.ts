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

/**
 * `stems` (optional) maps a word to its stem: a candidate that contains the stem is a compound of the word too, so a
 * plural finds what its singular finds (achterstanden → achterstand → betalingsachterstand).
 */
export function planQuery(query: string, synonyms: SynonymIndex, candidates: Map<string, string[]>, stems: Map<string, string> = new Map()): QueryPlan {
  const terms = queryTerms(query);
  return {
    terms: terms.map((term, index) => {
      const found = candidates.get(term) ?? [];
      const stem = stems.get(term);
      const part = (word: string) => word.includes(term) || (!!stem && stem.length >= 4 && word.includes(stem));
      const maxTypos = allowedTypos(term);
      const typos =
        maxTypos > 0
          ? found
              .filter((word) => !part(word))
              .map((word) => ({ word, distance: editDistance(word, term, maxTypos) }))
              .filter(({ distance }) => distance <= maxTypos)
              .sort((a, b) => a.distance - b.distance)
          : [];
      return {
        term,
        exact: [term, ...(synonyms.get(term) ?? [])],
        // One typed letter as a prefix would match nearly everything; from two letters on it narrows usefully.
        prefix: index === terms.length - 1 && term.length >= 2,
        compounds: term.length >= 4 ? found.filter(part) : [],
        typos: typos.map((t) => t.word),
        nearTypos: typos.filter((t) => t.distance <= 1).map((t) => t.word),
      };
    }),
  };
}
