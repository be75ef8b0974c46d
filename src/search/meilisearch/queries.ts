import type { Segment } from '../highlight.js';
import type { FacetName, SearchPolicy, SearchRequest, Viewer } from '../port.js';
import { buildFilter, filterAttributes } from './filter.js';

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
  limit: number;
  offset: number;
  matchingStrategy: 'all';
  showMatchesPosition?: boolean;
  sort?: string[];
  /** Which facet this query counts, for the per-facet queries. */
  facet?: FacetName;
}

export function planQueries(index: string, request: SearchRequest, viewer: Viewer, policy: SearchPolicy): PlannedQuery[] {
  const q = request.zoekterm?.trim() ?? '';
  const filtered = (Object.keys(facetAttribute) as FacetName[]).filter((name) => (request.filters[name]?.length ?? 0) > 0);
  const main: PlannedQuery = {
    indexUid: index,
    q,
    filter: buildFilter(request.filters, viewer, policy),
    facets: (Object.keys(facetAttribute) as FacetName[]).filter((name) => !filtered.includes(name)).map((name) => facetAttribute[name]),
    limit: request.paginaGrootte,
    offset: (request.pagina - 1) * request.paginaGrootte,
    // All words must match, as in the Postgres engine.
    matchingStrategy: 'all',
    showMatchesPosition: true,
  };
  const perFacet = filtered.map<PlannedQuery>((name) => ({
    indexUid: index,
    q,
    filter: buildFilter(request.filters, viewer, policy, name),
    facets: [facetAttribute[name]],
    limit: 0,
    offset: 0,
    matchingStrategy: 'all',
    facet: name,
  }));
  return [main, ...perFacet];
}

/** Meilisearch's match positions (UTF-16 offsets) as the shared highlight segments. */
export function segmentsFromPositions(text: string, positions: { start: number; length: number }[] | undefined): Segment[] | undefined {
  if (!positions?.length) return undefined;
  const sorted = [...positions].sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let last = 0;
  for (const { start, length } of sorted) {
    if (start < last) continue;
    if (start > last) segments.push({ tekst: text.slice(last, start), treffer: false });
    segments.push({ tekst: text.slice(start, start + length), treffer: true });
    last = start + length;
  }
  if (last < text.length) segments.push({ tekst: text.slice(last), treffer: false });
  return segments;
}
