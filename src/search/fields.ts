/**
 * What search looks at, in order of weight. The Postgres engine turns the four levels into tsvector weights A–D;
 * the Meilisearch engine uses the same order for its searchable attributes. One definition for both.
 */
export const searchableFields = [
  { field: 'naam', weight: 'A' },
  { field: 'expertise', weight: 'A' },
  { field: 'functie', weight: 'B' },
  { field: 'organisatie', weight: 'B' },
  { field: 'trefwoorden', weight: 'C' },
  { field: 'afdeling', weight: 'C' },
  { field: 'werkgebied', weight: 'C' },
  { field: 'overMij', weight: 'D' },
] as const;

export type SearchableField = (typeof searchableFields)[number]['field'];
export type Weight = 'A' | 'B' | 'C' | 'D';

/** Relative weights for ts_rank, in PostgreSQL's order {D, C, B, A}. */
export const rankWeights = [0.1, 0.25, 0.5, 1.0] as const;

/** rolniveau as an ordered scale, for "closest to the requested level". */
export const rolniveauRang = { uitvoering: 1, specialist: 2, coordinatie: 3, management: 4, bestuur: 5 } as const;
