import { zoekQuerySchema } from '../zoeken/schemas.js';

/**
 * Links within the search: the current search as URL parameters, with a change. Only the search's own keys are
 * kept, so a link carried along (the way back from an entry) cannot point anywhere but the search page.
 */
const searchKeys = new Set(Object.keys(zoekQuerySchema.shape));

/**
 * The URL parameter that says where a search link came from (`herkomst=inzichten`: the insights' unmet searches).
 * It is not a search key, so no link made on the search page carries it on: a search the user changes is their own.
 */
export const HERKOMST = 'herkomst';

export function searchParams(from: URLSearchParams): URLSearchParams {
  const kept = new URLSearchParams();
  for (const [key, value] of from) if (searchKeys.has(key) && value !== '') kept.append(key, value);
  return kept;
}

/** The search with `change` applied; a new search starts at page 1 and forgets the organisation-name filter box. */
export function searchHref(from: URLSearchParams, change: (params: URLSearchParams) => void = () => {}): string {
  const params = searchParams(from);
  params.delete('pagina');
  params.delete('organisatieZoekterm');
  change(params);
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

/** The search without one value of a filter. */
export function withoutValue(from: URLSearchParams, key: string, value: string): string {
  return searchHref(from, (params) => {
    const rest = params.getAll(key).filter((v) => v !== value);
    params.delete(key);
    for (const v of rest) params.append(key, v);
  });
}

/** The way back from an entry to the search it was found with (same words, filters and page). */
export function backToSearch(terug: string | undefined): string {
  if (!terug) return '/';
  const query = searchParams(new URLSearchParams(terug)).toString();
  return query ? `/?${query}` : '/';
}

/** What is wrong with a search's parameters, for the page: the first problem, in the schema's own Dutch words. */
export function invalidSearchText(issues: { message: string }[]): string {
  const first = issues[0]?.message;
  return first ? `De zoekopdracht klopt niet: ${first.replace(/\.?$/, '.')} Pas haar aan of begin opnieuw.` : 'De zoekopdracht bevat een ongeldige waarde; pas haar aan of begin opnieuw.';
}
