import { searchableFields, type SearchableField } from '../fields.js';
import type { SynonymIndex } from '../synonyms.js';

/**
 * Index settings derived from the same definitions as the Postgres engine: searchable attributes in the same weight
 * order, the same filters and facets, synonyms from the taxonomy, and Meilisearch's typo tolerance (which the
 * Postgres engine imitates). Pure.
 */

/** Where each searchable field lives in the Meilisearch document. */
export const attributesOf: Record<SearchableField, string[]> = {
  naam: ['naam'],
  expertise: ['expertiseTermen'],
  functie: ['functie'],
  organisatie: ['organisatie.naam', 'organisatie.officieleNaam', 'organisatie.afkorting'],
  trefwoorden: ['trefwoorden'],
  afdeling: ['afdeling'],
  werkgebied: ['werkgebiedNamen'],
  overMij: ['overMij'],
};

export const facetAttributes = ['organisatie.code', 'organisatie.type', 'expertisePad', 'rolniveau', 'provincies'] as const;

export const MAX_VALUES_PER_FACET = 30;
/** Deep paging beyond this is not a use case (people refine instead); it bounds the engine's work. */
export const MAX_TOTAL_HITS = 10_000;

export function meiliSettings(synonyms: SynonymIndex) {
  return {
    searchableAttributes: searchableFields.flatMap(({ field }) => attributesOf[field]),
    filterableAttributes: [...facetAttributes, 'soort', 'status', 'zichtbaarheid', 'bevestigdOpTs', 'geverifieerdOpTs'],
    sortableAttributes: ['bevestigdOpTs', 'geverifieerdOpTs', 'rolniveauRang'],
    displayedAttributes: ['*'],
    // Text relevance first (Meilisearch's own rules), then verified, then freshness: the Postgres engine's order.
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness', 'geverifieerdOpTs:desc', 'bevestigdOpTs:desc'],
    synonyms: Object.fromEntries(synonyms),
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET },
    separatorTokens: ['·'],
  };
}
