import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { language as dutch, stemmer as dutchStemmer } from '@orama/stemmers/dutch';
import { createRequire } from 'node:module';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { fieldTexts, type SearchDocument } from '../../../src/search/document.js';
import { rankWeights, searchableFields, type SearchableField } from '../../../src/search/fields.js';
import type { SearchFilters, SearchPolicy, Viewer } from '../../../src/search/port.js';
import { fold } from '../../../src/search/text.js';

// lunr-languages is CommonJS without an exports map: required by file name, which every loader resolves alike
// (tap's TypeScript loader turned the ESM subpath 'lunr.nl.js' into 'lunr.nl.js.js').
const require = createRequire(import.meta.url);
const stemmerSupport = require('lunr-languages/lunr.stemmer.support.js') as (l: typeof lunr) => void;
const lunrDutch = require('lunr-languages/lunr.nl.js') as (l: typeof lunr) => void;

/**
 * Peers for the relevance benchmark: MiniSearch, Lunr and Orama, each indexing the same documents as the register
 * (the searchable fields of SearchDocument, as `fieldTexts` gives them to every engine: name, expertise names and
 * synonyms, function, organisation name and abbreviation, keywords, department, area names, free text), configured
 * as their documentation says, with the register's field order as boosts (fields.ts). Visibility and filters are
 * applied to their ranking afterwards, as the register applies them inside its query.
 */

export type PeerRanker = (zoekterm: string, filters: SearchFilters) => SearchDocument[] | Promise<SearchDocument[]>;

export interface Peer {
  name: string;
  /** How it was configured, for the report. */
  configuration: string;
  rank: PeerRanker;
}

const fields = searchableFields.map((f) => f.field);

/** The register's field weights (ts_rank's {D, C, B, A}) as boosts: name and expertise 10, free text 1. */
const weightBoost = { A: rankWeights[3] / rankWeights[0], B: rankWeights[2] / rankWeights[0], C: rankWeights[1] / rankWeights[0], D: 1 };
const boosts = Object.fromEntries(searchableFields.map(({ field, weight }) => [field, weightBoost[weight]])) as Record<SearchableField, number>;

/** What the viewer may find, as the register decides it (status, confirmation, zichtbaarheid). */
export function findable(viewer: Viewer, policy: SearchPolicy) {
  const since = new Date(policy.now);
  since.setMonth(since.getMonth() - policy.bevestigingMaanden);
  return (d: SearchDocument) =>
    d.status === 'actief' &&
    new Date(d.bevestigdOp) > since &&
    (d.zichtbaarheid === 'alle-professionals' || d.organisatie.code === viewer.organisatie || (d.zichtbaarheid === 'pmm' && viewer.pmm));
}

/** The request's filters on one document (the ones a judged query can carry). */
export function matchesFilters(d: SearchDocument, filters: SearchFilters): boolean {
  const any = <T>(wanted: readonly T[] | undefined, has: (value: T) => boolean) => !wanted?.length || wanted.some(has);
  if (filters.geverifieerd !== undefined) throw new Error('the relevance peers do not filter on verification');
  return (
    any(filters.organisatie, (v) => d.organisatie.code === v) &&
    any(filters.organisatieType, (v) => d.organisatie.type === v) &&
    any(filters.expertisegebied, (v) => d.expertisePad.includes(v)) &&
    any(filters.rolniveau, (v) => d.rolniveau === v) &&
    any(filters.provincie, (v) => d.provincies.includes(v)) &&
    any(filters.soort, (v) => d.soort === v)
  );
}

const page = (ranked: SearchDocument[], filters: SearchFilters, size: number) => ranked.filter((d) => matchesFilters(d, filters)).slice(0, size);

/**
 * MiniSearch (README "Search options"): prefix search, fuzzy 0.2 (one typo from 3 letters, two from 8), field
 * boosts; terms joined with OR (the default). `processTerm` folds diacritics as well as lower-casing (the README's
 * hook for normalising terms); MiniSearch has no stemmer.
 */
export function miniSearchPeer(documents: SearchDocument[], size = 10): Peer {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const index = new MiniSearch<{ id: string } & Record<SearchableField, string>>({
    fields,
    processTerm: (term) => fold(term),
    searchOptions: { prefix: true, fuzzy: 0.2, boost: boosts },
  });
  index.addAll(documents.map((d) => ({ id: d.id, ...fieldTexts(d) })));
  return {
    name: 'MiniSearch',
    configuration: `minisearch: prefix, fuzzy 0.2, boost ${JSON.stringify(boosts)}, OR`,
    rank: (zoekterm, filters) => page(index.search(zoekterm).map((r) => byId.get(r.id as string)!), filters, size),
  };
}

/** Folds diacritics before the Dutch stemmer, as lunr-languages' README does for Spanish (accentFold). */
let lunrReady = false;
const lunrFold: lunr.PipelineFunction = (token) => token.update((text) => fold(text));

/**
 * Lunr with lunr-languages' Dutch (trimmer, stop words, stemmer), field boosts at build time, and per query word
 * the three clauses of Lunr's own type-ahead example: the word (boost 100), the word as a prefix (10) and the word
 * within one edit (1), all optional (OR).
 */
export function lunrPeer(documents: SearchDocument[], size = 10): Peer {
  if (!lunrReady) {
    stemmerSupport(lunr);
    lunrDutch(lunr);
    lunr.Pipeline.registerFunction(lunrFold, 'fold-maatwerk');
    lunrReady = true;
  }
  const dutchLunr = (lunr as unknown as { nl: lunr.Builder.Plugin & { stemmer: lunr.PipelineFunction } }).nl;
  const byId = new Map(documents.map((d) => [d.id, d]));
  const index = lunr(function () {
    this.use(dutchLunr);
    this.pipeline.before(dutchLunr.stemmer, lunrFold);
    this.searchPipeline.before(dutchLunr.stemmer, lunrFold);
    this.ref('id');
    for (const field of fields) this.field(field, { boost: boosts[field] });
    for (const d of documents) this.add({ id: d.id, ...fieldTexts(d) });
  });
  return {
    name: 'Lunr',
    configuration: 'lunr + lunr-languages nl: field boosts, per word exact^100 | prefix*^10 | ~1^1 (OR)',
    rank: (zoekterm, filters) => {
      const words = lunr.tokenizer(zoekterm).map((token) => fold(token.toString()));
      if (words.length === 0) return [];
      const results = index.query((q) => {
        for (const word of words) {
          q.term(word, { boost: 100, usePipeline: true });
          q.term(word, { boost: 10, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
          q.term(word, { boost: 1, editDistance: 1 });
        }
      });
      return page(results.map((r) => byId.get(r.ref)!), filters, size);
    },
  };
}

/**
 * Orama: the Dutch tokenizer with @orama/stemmers' Dutch stemmer (docs "Stemming"), typo tolerance 1 (docs "Typo
 * tolerance"), field boosts (docs "Field boosting"); prefixes match by default (`exact: false`) and every document
 * with any query word is a result (threshold 1, the default).
 */
export async function oramaPeer(documents: SearchDocument[], size = 10): Promise<Peer> {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const db = create({
    schema: Object.fromEntries([['id', 'string'], ...fields.map((f) => [f, 'string'])]) as Record<'id' | SearchableField, 'string'>,
    components: { tokenizer: { language: dutch, stemming: true, stemmer: dutchStemmer } },
  });
  await insertMultiple(db, documents.map((d) => ({ id: d.id, ...fieldTexts(d) })));
  return {
    name: 'Orama',
    configuration: `@orama/orama + @orama/stemmers dutch: tolerance 1, boost ${JSON.stringify(boosts)}, prefix (default), threshold 1 (default)`,
    rank: async (zoekterm, filters) => {
      const result = await oramaSearch(db, { term: zoekterm, properties: fields, tolerance: 1, boost: boosts, limit: documents.length });
      return page(result.hits.map((h) => byId.get(h.id)!), filters, size);
    },
  };
}

export async function peersFor(documents: SearchDocument[], viewer: Viewer, policy: SearchPolicy, size = 10): Promise<Peer[]> {
  const visible = documents.filter(findable(viewer, policy));
  return [miniSearchPeer(visible, size), lunrPeer(visible, size), await oramaPeer(visible, size)];
}
