import { searchableFields, type SearchableField } from '../fields.js';
import type { SynonymIndex } from '../synonyms.js';
import { ORGANISATIE_FACET_MAX } from '../port.js';

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

/** Meilisearch's limit is per index, for every facet: the organisation facet needs them all (port.ts). */
export const MAX_VALUES_PER_FACET = ORGANISATIE_FACET_MAX;
/** Deep paging beyond this is not a use case (people refine instead); it bounds the engine's work. */
export const MAX_TOTAL_HITS = 10_000;

/**
 * PostgreSQL's Dutch stop words (snowball `dutch.stop`, as the `maatwerk_nl` configuration uses them), so both engines
 * ignore the same words. The engine also drops them from the query itself: Meilisearch keeps a stop word when it is
 * the last word (as a prefix), and a query of stop words only must find nothing, as in Postgres.
 */
export const dutchStopWords = (
  'de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of wat mijn men dit ' +
  'zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen ' +
  'omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd altijd ' +
  'doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere'
).split(' ');

export function searchableAttributes(): string[] {
  const attributes: string[] = [];
  searchableFields.forEach(({ field, weight }, i) => {
    attributes.push(...attributesOf[field]);
    if (searchableFields[i + 1]?.weight !== weight) attributes.push(`stammen${weight}`);
  });
  return [...attributes, 'delen'];
}

export function meiliSettings(synonyms: SynonymIndex) {
  return {
    // Same weight order as Postgres, each class's stems right after it; compound parts last (Postgres ranks them
    // below exact and prefix matches).
    searchableAttributes: searchableAttributes(),
    filterableAttributes: [...facetAttributes, 'soort', 'status', 'zichtbaarheid', 'bevestigdOpTs', 'geverifieerdOpTs'],
    sortableAttributes: ['verificatieGeldig', 'aanwezig', 'rolniveauAfstand', 'bevestigdOpTs'],
    displayedAttributes: ['*'],
    // Text relevance first (Meilisearch's own rules), then the query's sort: verified, present, closeness to the
    // requested level, freshness — the Postgres engine's order (see planQueries).
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness', 'sort'],
    stopWords: dutchStopWords,
    synonyms: Object.fromEntries(synonyms),
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    // Dutch text: no language detection (which could pick another language's tokenizer for a short field).
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['nld'] }],
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    // The most frequent values, like the Postgres engine (Meilisearch's default is alphabetical).
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET, sortFacetValuesBy: { '*': 'count' as const } },
    separatorTokens: ['·'],
  };
}
