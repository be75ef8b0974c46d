import type { SearchDocument } from './document.js';
import type { QueryPlan } from './query-plan.js';
import { fold } from './text.js';

/**
 * Which parts of a result matched, as segments `{ tekst, treffer }` of the original text. No markup: the page renders
 * each segment as text and styles the matching ones, so nothing in an entry can inject HTML. Pure.
 */
export interface Segment {
  tekst: string;
  treffer: boolean;
}
export type Highlights = Record<string, Segment[]>;

export interface Matcher {
  (foldedWord: string): boolean;
}

/**
 * Whole words from the plan match; the last term also as a prefix; compound parts match inside words. `stems`
 * (optional: the stems the engine matched on, e.g. "schuld" for "schulden") match as word beginnings, so an
 * inflected or compound word that search found is marked too (Schuldhulpverlening for "schulden").
 */
export function matcherFor(plan: QueryPlan, stems: string[] = []): Matcher {
  const whole = new Set(plan.terms.flatMap((t) => [...t.exact, ...t.compounds, ...t.typos]));
  const prefixes = [...plan.terms.filter((t) => t.prefix).map((t) => t.term), ...stems.filter((s) => s.length >= 4)];
  const parts = plan.terms.filter((t) => t.term.length >= 4).map((t) => t.term);
  return (word) => whole.has(word) || prefixes.some((p) => word.startsWith(p)) || parts.some((p) => word.includes(p));
}

export function highlight(text: string, matches: Matcher): Segment[] | undefined {
  const segments: Segment[] = [];
  let found = false;
  let last = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = match[0];
    if (!matches(fold(word))) continue;
    found = true;
    if (match.index > last) segments.push({ tekst: text.slice(last, match.index), treffer: false });
    segments.push({ tekst: word, treffer: true });
    last = match.index + word.length;
  }
  if (!found) return undefined;
  if (last < text.length) segments.push({ tekst: text.slice(last), treffer: false });
  return segments;
}

/** Highlights for the given fields; only fields with a match are included. */
export function highlightFields(fields: Record<string, string | null | undefined>, matches: Matcher): Highlights {
  const result: Highlights = {};
  for (const [name, text] of Object.entries(fields)) {
    if (!text) continue;
    const segments = highlight(text, matches);
    if (segments) result[name] = segments;
  }
  return result;
}

/** Highlights for the fields a result shows (the same for every engine). */
export function highlightShownFields(document: SearchDocument, matches: Matcher): Highlights {
  return highlightFields(
    {
      naam: document.naam,
      functie: document.functie,
      afdeling: document.afdeling,
      organisatie: document.organisatie.naam,
      expertisegebieden: document.expertisegebieden.map((e) => e.naam).join(', '),
      trefwoorden: document.trefwoorden.join(', '),
      overMij: document.overMij,
    },
    matches,
  );
}
