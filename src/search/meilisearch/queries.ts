import type { Segment } from '../highlight.js';
import type { Rolniveau } from '../../../db/schema/index.js';
import type { FacetName, SearchPolicy, SearchRequest, Viewer } from '../port.js';
import { queryTerms } from '../text.js';
import { documentFields } from './document.js';
import { buildFilter, filterAttributes } from './filter.js';
import { dutchStopWords } from './settings.js';

/**
 * Disjunctive facets with Meilisearch: one multi-search with the main query (all filters; facets for the keys that
 * are not filtered) and, per filtered facet key, a query without that key's own filter that only counts. Pure.
 */

export const facetAttribute: Record<FacetName, string> = {
  organisatie: filterAttributes.organisatie,
  organisatieType: filterAttributes.organisatieType,
  expertisegebied: filterAttributes.expertisegebied,
  rolniveau: filterAttributes.rolniveau,
  provincie: filterAttributes.provincie,
};

export interface PlannedQuery {
  indexUid: string;
  q: string;
  filter: string;
  facets: string[];
  /** Page-based, so Meilisearch counts `totalHits` exhaustively (with limit/offset it only estimates). */
  page: number;
  hitsPerPage: number;
  matchingStrategy: 'all';
  showMatchesPosition?: boolean;
  sort?: string[];
  attributesToRetrieve?: string[];
  /** Which facet this query counts, for the per-facet queries. */
  facet?: FacetName;
}

const stopWords = new Set(dutchStopWords);

/**
 * What Meilisearch is asked for: the query's words as the Postgres engine reads them (folded, at most ten, none longer
 * than 40 characters), without stop words, joined by spaces — so quotes (phrases) and a leading minus (negation),
 * which mean something to Meilisearch, are plain separators as they are in Postgres. `null` when the query has words
 * but only stop words: then nothing matches, as in Postgres.
 */
export function meiliQuery(zoekterm: string | undefined): string | null {
  const terms = queryTerms(zoekterm ?? '');
  if (terms.length === 0) return '';
  const kept = terms.filter((term) => !stopWords.has(term));
  return kept.length === 0 ? null : kept.join(' ');
}

/** After text relevance: verified first, then present, then closest to the requested level, then most recently confirmed. */
export function rankingSort(gewenstRolniveau: Rolniveau | undefined): string[] {
  return ['verificatieGeldig:desc', 'aanwezig:desc', ...(gewenstRolniveau ? [`rolniveauAfstand.${gewenstRolniveau}:asc`] : []), 'bevestigdOpTs:desc'];
}

export function planQueries(index: string, request: SearchRequest, viewer: Viewer, policy: SearchPolicy, q = meiliQuery(request.zoekterm) ?? ''): PlannedQuery[] {
  const filtered = (Object.keys(facetAttribute) as FacetName[]).filter((name) => (request.filters[name]?.length ?? 0) > 0);
  const main: PlannedQuery = {
    indexUid: index,
    q,
    filter: buildFilter(request.filters, viewer, policy),
    facets: (Object.keys(facetAttribute) as FacetName[]).filter((name) => !filtered.includes(name)).map((name) => facetAttribute[name]),
    page: request.pagina,
    hitsPerPage: request.paginaGrootte,
    // All words must match, as in the Postgres engine.
    matchingStrategy: 'all',
    showMatchesPosition: true,
    sort: rankingSort(request.gewenstRolniveau),
    attributesToRetrieve: [...documentFields],
  };
  const perFacet = filtered.map<PlannedQuery>((name) => ({
    indexUid: index,
    q,
    filter: buildFilter(request.filters, viewer, policy, name),
    facets: [facetAttribute[name]],
    page: 1,
    hitsPerPage: 0,
    matchingStrategy: 'all',
    facet: name,
  }));
  return [main, ...perFacet];
}

/**
 * Meilisearch's match positions as the shared highlight segments. Positions are UTF-8 byte offsets (Meilisearch 1.50:
 * "Joëlle" is 7 long), so they are mapped onto the string through its UTF-8 encoding. A match covers whole words, as
 * in the Postgres engine: a prefix or stem match ("joel" in "Joëlle") marks the word it is part of.
 */
export function segmentsFromPositions(text: string, positions: { start: number; length: number }[] | undefined): Segment[] | undefined {
  if (!positions?.length) return undefined;
  const bytes = Buffer.from(text, 'utf8');
  const index = (byte: number) => bytes.subarray(0, Math.min(byte, bytes.length)).toString('utf8').length;
  const isWord = (i: number) => i >= 0 && i < text.length && /[\p{L}\p{N}\p{M}]/u.test(text[i]!);
  const ranges = positions
    .map(({ start, length }) => {
      let from = index(start);
      let to = index(start + length);
      while (isWord(from - 1)) from--;
      while (isWord(to)) to++;
      return [from, to] as const;
    })
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  let last = 0;
  for (const [from, to] of ranges) {
    if (to <= last) continue;
    const start = Math.max(from, last);
    if (start > last) segments.push({ tekst: text.slice(last, start), treffer: false });
    if (segments.length > 0 && segments.at(-1)!.treffer && start === last) segments.at(-1)!.tekst += text.slice(start, to);
    else segments.push({ tekst: text.slice(start, to), treffer: true });
    last = to;
  }
  if (segments.length === 0) return undefined;
  if (last < text.length) segments.push({ tekst: text.slice(last), treffer: false });
  return segments;
}
