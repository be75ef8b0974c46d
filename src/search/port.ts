import type { OrganisatieType, Rolniveau, Soort } from '../../db/schema/index.js';
import type { SearchDocument } from './document.js';
import type { Highlights } from './highlight.js';

/**
 * The search-engine port: what every engine (Postgres, Meilisearch) offers. Engines apply the visibility rules
 * themselves, inside their query, so a hidden entry never reaches results, totals or facets.
 */

export interface SearchFilters {
  organisatie?: string[] | undefined;
  organisatieType?: OrganisatieType[] | undefined;
  /** Matches the node and its descendants. */
  expertisegebied?: string[] | undefined;
  rolniveau?: Rolniveau[] | undefined;
  /** The organisation's province, or one in the werkgebied. */
  provincie?: string[] | undefined;
  soort?: Soort[] | undefined;
  geverifieerd?: boolean | undefined;
}

export const facetNames = ['organisatie', 'organisatieType', 'expertisegebied', 'rolniveau', 'provincie'] as const;
export type FacetName = (typeof facetNames)[number];

/**
 * The organisation facet lists every organisation with matches (up to this many), so a page can offer any of them
 * (type to filter), not only the most frequent; the other facets may list fewer. Pages show the top of each.
 */
export const ORGANISATIE_FACET_MAX = 1000;

export interface SearchRequest {
  zoekterm?: string | undefined;
  filters: SearchFilters;
  /** Ranks entries closer to this level higher (does not filter). */
  gewenstRolniveau?: Rolniveau | undefined;
  pagina: number;
  paginaGrootte: number;
}

/** Who searches: visibility depends on it (the one visibility rule, professionals/visibility.ts). */
export type { Viewer } from '../professionals/visibility.js';
import type { Viewer } from '../professionals/visibility.js';

/** The rules' periods, needed to decide what is findable and verified at `now`. */
export interface SearchPolicy {
  bevestigingMaanden: number;
  verificatieMaanden: number;
  now: Date;
}

export interface FacetValue {
  waarde: string;
  naam: string;
  aantal: number;
}

export interface SearchHit {
  document: SearchDocument;
  treffers: Highlights;
  /** Why it matched where the highlights cannot show it (a synonym, a broader expertise area, the organisation). */
  uitleg?: string[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many entries match; an estimate when `geschat`. */
  totaal: number;
  /** True when `totaal` and the facet counts are estimated (an engine may bound the work per query). */
  geschat: boolean;
  /** How many of the ranked results can be paged through: `totaal` when counted exactly. */
  bladerbaar: number;
  facetten: Record<FacetName, FacetValue[]>;
}

/**
 * The register as search documents, in batches: what a rebuild reads (document-source.ts builds them by the shared
 * mapping). Engines are given documents; they do not read the register's tables.
 */
export interface DocumentSource {
  count(): Promise<number>;
  /** The documents of the next `limit` entries in id order after `after`; `lastId` is where the next batch starts. */
  batchAfter(after: string, limit: number): Promise<{ documents: SearchDocument[]; entries: number; lastId: string | undefined }>;
}

export interface EngineHealth {
  status: 'ok' | 'degraded' | 'down';
  detail?: string;
}

export interface SearchEngine {
  readonly name: string;
  search(request: SearchRequest, viewer: Viewer, policy: SearchPolicy): Promise<SearchResult>;
  /** Puts these documents in the index, replacing what it holds for their ids. */
  index(documents: SearchDocument[]): Promise<void>;
  /** Takes these entries out of the index (an entry that was erased or is gone). */
  remove(ids: string[]): Promise<void>;
  /** Replaces the whole index with the documents the source yields. */
  rebuild(source: DocumentSource, progress?: (done: number, total: number) => void): Promise<{ documents: number }>;
  ensureSettings(): Promise<void>;
  health(): Promise<EngineHealth>;
}
