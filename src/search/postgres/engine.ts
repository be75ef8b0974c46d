import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../database/connection.js';
import { findable, findableFor } from '../../professionals/visibility.js';
import { visibilitySql } from '../../professionals/visibility-sql.js';
import type { SearchDocument } from '../document.js';
import { rolniveauRang } from '../fields.js';
import { explainMatch, type ExplainedExpertisegebied } from '../explain.js';
import { highlightShownFields, matcherFor } from '../highlight.js';
import { facetNames, ORGANISATIE_FACET_MAX, type DocumentSource, type EngineHealth, type FacetName, type FacetValue, type SearchEngine, type SearchFilters, type SearchPolicy, type SearchRequest, type SearchResult, type Viewer } from '../port.js';
import { planQuery, type QueryPlan } from '../query-plan.js';
import { buildSynonymIndex, type SynonymIndex } from '../synonyms.js';
import { queryTerms } from '../text.js';
import { recordCoverageEntries } from '../../inzichten/coverage-read-model.js';
import { expertiseSql } from '../expertise-rule.js';
import { writeAllDocuments, writeDocuments } from './documents.js';
import { firstPage } from './first-page.js';
import { matchTsquery, planWords, Ranking, rankTerms, termQuery, type RankTerm, type Stems } from './ranking.js';
import { EstimateReuse } from './estimate-reuse.js';
import { browsable, estimateTotal, firstSlice, nextSlice, scaleCount, settled } from './window.js';

/**
 * The default engine: full-text search in the same PostgreSQL that holds the register (Dutch stemming, accents
 * ignored, weighted fields), with a word list for typos and compound parts. Documents are refreshed in the write
 * transaction, so there is nothing to synchronise.
 */

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const textArray = (values: readonly string[]) => sql`ARRAY[${list(values)}]::text[]`;
const iso = (date: Date) => date.toISOString();

interface FilterSql {
  organisatie: SQL;
  organisatieType: SQL;
  expertisegebied: SQL;
  rolniveau: SQL;
  provincie: SQL;
  soort: SQL;
  geverifieerd: SQL;
}

/**
 * `indexable: false` writes the array filters as function calls, which no index can serve: inside a slice of the
 * steekproef order, checking a few thousand rows beats collecting a broad filter's postings from a GIN index.
 */
function filterConditions(filters: SearchFilters, policy: SearchPolicy, indexable = true): FilterSql {
  const overlaps = (column: SQL, values: readonly string[]) => (indexable ? sql`${column} && ${textArray(values)}` : sql`arrayoverlap(${column}, ${textArray(values)})`);
  const verifiedSince = sql`${iso(policy.now)}::timestamptz - make_interval(months => ${policy.verificatieMaanden}::int)`;
  return {
    organisatie: filters.organisatie?.length ? sql`d.organisatie_code IN (${list(filters.organisatie)})` : sql`true`,
    organisatieType: filters.organisatieType?.length ? sql`d.organisatie_type IN (${list(filters.organisatieType)})` : sql`true`,
    // Who has an expertise: the rule routing uses too (expertise-rule.ts); the function form where no index may serve.
    expertisegebied: filters.expertisegebied?.length
      ? indexable
        ? expertiseSql(sql`d.expertise_pad`, filters.expertisegebied)
        : sql`arrayoverlap(d.expertise_pad, ${textArray(filters.expertisegebied)})`
      : sql`true`,
    rolniveau: filters.rolniveau?.length ? sql`d.rolniveau::text IN (${list(filters.rolniveau)})` : sql`true`,
    provincie: filters.provincie?.length ? overlaps(sql`d.provincies`, filters.provincie) : sql`true`,
    soort: filters.soort?.length ? sql`d.soort::text IN (${list(filters.soort)})` : sql`true`,
    geverifieerd:
      filters.geverifieerd === undefined
        ? sql`true`
        : filters.geverifieerd
          ? sql`coalesce(d.geverifieerd_op > ${verifiedSince}, false)`
          : sql`NOT coalesce(d.geverifieerd_op > ${verifiedSince}, false)`,
  };
}

/** The filters a request sets (a list with values, or a yes/no). */
function activeFilters(filters: SearchFilters): (keyof SearchFilters)[] {
  return (Object.keys(filters) as (keyof SearchFilters)[]).filter((k) => {
    const value = filters[k];
    return Array.isArray(value) ? value.length > 0 : value !== undefined;
  });
}

/** Visibility, inside the query: the one visibility rule (professionals/visibility.ts) as SQL on `d`. */
function visibility(viewer: Viewer, policy: SearchPolicy): SQL {
  return visibilitySql(findableFor(viewer, policy, policy.now), 'd');
}

/** Matches read per query: Meilisearch's default for maxTotalHits, and about 10 ms of work on a 2-core machine. */
export const defaultWindow = 1000;

interface WindowRow extends Record<string, unknown> {
  /** Rows per window: `venster` and one per facet with a filter of its own. */
  rijen: { venster: number } & Partial<Record<FacetName, number>>;
  cutoff: number | null;
  cutoffs: Record<FacetName, number | null>;
  organisatie: FacetValue[];
  organisatieType: FacetValue[];
  expertisegebied: FacetValue[];
  rolniveau: FacetValue[];
  provincie: FacetValue[];
}

interface Planned {
  plan: QueryPlan;
  terms: RankTerm[];
  /** At most this many documents can match (from the lexeme counts; Infinity when unknown). */
  matchBound: number;
}

/**
 * An upper bound on the matching documents: every term must match, and a term matches at most the documents holding
 * one of its forms. Counts come from `zoeklexemen` (a minute old at most, through the plan cache: the bound only
 * chooses a strategy, the answer is exact either way).
 */
function matchBound(terms: RankTerm[], documentsWith: Map<string, number>): number {
  let bound = Infinity;
  for (const t of terms) {
    if (t.prefix && !t.completions) continue;
    const forms = new Set([...t.exact, ...t.compounds, ...t.typos, ...(t.completions ?? [])]);
    bound = Math.min(bound, [...forms].reduce((sum, l) => sum + (documentsWith.get(l) ?? 0), 0));
  }
  return bound;
}

/** Below this many possible matches the page ranks every match through the GIN index, without a walk. */
const fewMatches = 500;

/**
 * Documents the first-page walk reads (first-page.ts): enough that a broad query's page is settled inside it
 * (a match rate of 1 % still yields 20), few enough to cost a few milliseconds. The catch-up after it reads about
 * k · documents / walk documents, so the walk grows with the square root of the register (2,000 up to 100,000
 * documents, about 6,300 at a million, that part at most 8,000): walk and catch-up then grow alike.
 */
export const walkLength = (k: number, documents = 0) => Math.max(2000, 20 * k, Math.min(8000, Math.round(2000 * Math.sqrt(documents / 100_000))));

/** The most values the expertise facet lists (most frequent first); selected values are always added by the service. */
const facetLimit = 30;

export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres';
  private synonymCache: { index: SynonymIndex; names: Map<string, string>; nodes: Map<string, ExplainedExpertisegebied>; at: number } | undefined;

  /** At most this many matches are read per query and facet (see window.ts); more are estimated from them. */
  readonly window: number;

  /** Documents the first-page walk reads; by default `walkLength` of the page's end. */
  readonly walk: number | undefined;

  /** Estimated counts of recent queries (estimate-reuse.ts). */
  private readonly estimates: EstimateReuse<{ row: WindowRow | undefined; slices: { venster: number } & Partial<Record<FacetName, number>> }>;

  /**
   * `window`: matches read for counts and facets; a window larger than the register makes everything exact — the
   * exhaustive reference (`{ window: 100_000_000 }`) the benchmark and the fidelity test compare with.
   * `estimateReuseMs`: how long estimated counts are reused (0: never).
   */
  constructor(
    private readonly db: Db,
    options: { window?: number; walk?: number; estimateReuseMs?: number } = {},
  ) {
    this.window = options.window ?? defaultWindow;
    this.walk = options.walk;
    this.estimates = new EstimateReuse(options.estimateReuseMs ?? 60_000);
  }

  private counted: { documents: number; at: number } | undefined;

  /** About how many documents there are (the planner's statistics; a minute old is fine): sizes the first slice. */
  private async documentCount(): Promise<number> {
    if (!this.counted || Date.now() - this.counted.at > 60_000) {
      const [row] = await this.db.execute<{ n: number }>(sql`
        SELECT CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint ELSE (SELECT count(*) FROM zoekdocumenten) END::float8 AS n
        FROM pg_class c WHERE c.oid = 'zoekdocumenten'::regclass`);
      this.counted = { documents: Number(row?.n ?? 0), at: Date.now() };
    }
    return this.counted.documents;
  }

  /** The taxonomy changes rarely; a minute-old copy is fine for synonyms and facet names. */
  private async taxonomy() {
    if (!this.synonymCache || Date.now() - this.synonymCache.at > 60_000) {
      const nodes = await this.db.execute<{ code: string; naam: string; synoniemen: string[] }>(sql`SELECT code, naam, synoniemen FROM expertisegebieden`);
      this.synonymCache = {
        index: buildSynonymIndex(nodes),
        names: new Map(nodes.map((n) => [n.code, n.naam])),
        nodes: new Map(nodes.map((n) => [n.code, n])),
        at: Date.now(),
      };
    }
    return this.synonymCache;
  }

  /**
   * Plans per query, for a minute: as-you-type prefixes and popular words repeat across users, and a plan depends
   * only on the vocabulary (a new word becomes a typo candidate at most a minute late).
   */
  private readonly plans = new Map<string, { planned: Promise<Planned | undefined>; at: number }>();

  /** The query plan (forms of every word) and its words as lexemes, for ranking. */
  plan(query: string): Promise<Planned | undefined> {
    const key = queryTerms(query).join(' ');
    const cached = this.plans.get(key);
    if (cached && Date.now() - cached.at < 60_000) return cached.planned;
    const planned = this.planUncached(query);
    planned.catch(() => this.plans.delete(key));
    this.plans.delete(key);
    this.plans.set(key, { planned, at: Date.now() });
    if (this.plans.size > 1000) this.plans.delete(this.plans.keys().next().value!);
    return planned;
  }

  private async planUncached(query: string): Promise<Planned | undefined> {
    const terms = queryTerms(query);
    if (terms.length === 0) return undefined;
    const { index } = await this.taxonomy();
    // Candidates are looked up for each word and for its stem, so a plural finds the compounds of its singular
    // (achterstanden → achterstand → betalingsachterstand).
    const rows = await this.db.execute<{ soort: 'stam' | 'kandidaat'; term: string; woord: string }>(sql`
      WITH stam AS (SELECT t.term, s.lexeme FROM unnest(${textArray(terms)}) AS t(term),
                      unnest(tsvector_to_array(to_tsvector('maatwerk_nl', t.term))) AS s(lexeme))
      SELECT 'stam' AS soort, term, lexeme AS woord FROM stam
      UNION ALL
      SELECT 'kandidaat', k.term, k.woord FROM zoekwoord_kandidaten(
        ARRAY(SELECT unnest(${textArray(terms)}) UNION SELECT lexeme FROM stam WHERE length(lexeme) >= 4)) AS k`);
    const stemOf = new Map<string, string>();
    const found = new Map<string, string[]>();
    for (const row of rows) {
      if (row.soort === 'stam') stemOf.set(row.term, row.woord);
      else found.set(row.term, [...(found.get(row.term) ?? []), row.woord]);
    }
    const candidates = new Map<string, string[]>();
    for (const term of terms) {
      const stem = stemOf.get(term);
      candidates.set(term, [...new Set([...(found.get(term) ?? []), ...(stem && stem !== term ? (found.get(stem) ?? []) : [])])]);
    }
    const plan = planQuery(query, index, candidates, stemOf);
    const words = planWords(plan);
    const stemRows = await this.db.execute<{ woord: string; lexemen: string[] }>(sql`
      SELECT w AS woord, tsvector_to_array(to_tsvector('maatwerk_nl', w)) AS lexemen FROM unnest(${textArray(words)}) AS w`);
    const stems: Stems = new Map(stemRows.map((r) => [r.woord, r.lexemen]));
    // What the last word, as a prefix, completes to in the documents (at most 1,000; more stays a prefix).
    const prefixes = [...new Set(plan.terms.filter((t) => t.prefix).flatMap((t) => (stems.get(t.term) ?? []).slice(0, 1)))];
    const completions = new Map<string, string[]>();
    const documentsWith = new Map<string, number>();
    for (const prefix of prefixes) {
      const found = await this.db.execute<{ lexeme: string; aantal: number }>(sql`
        SELECT lexeme, aantal FROM zoeklexemen WHERE lexeme >= ${prefix} AND lexeme < ${prefix} || chr(1114111) ORDER BY lexeme LIMIT 1001`);
      if (found.length <= 1000) completions.set(prefix, found.map((r) => r.lexeme));
      for (const r of found) documentsWith.set(r.lexeme, r.aantal);
    }
    const ranked = rankTerms(plan, stems, completions);
    const lexemes = [...new Set(ranked.flatMap((t) => [...t.exact, ...t.compounds, ...t.typos]))].filter((l) => !documentsWith.has(l));
    if (lexemes.length > 0) {
      const counts = await this.db.execute<{ lexeme: string; aantal: number }>(sql`SELECT lexeme, aantal FROM zoeklexemen WHERE lexeme IN (${list(lexemes)})`);
      for (const r of counts) documentsWith.set(r.lexeme, r.aantal);
    }
    return { plan, terms: ranked, matchBound: matchBound(ranked, documentsWith) };
  }

  async search(request: SearchRequest, viewer: Viewer, policy: SearchPolicy): Promise<SearchResult> {
    const planned = request.zoekterm ? await this.plan(request.zoekterm) : undefined;
    const plan = planned?.plan;
    const { names, nodes } = await this.taxonomy();
    const where = (slice: number, except?: FacetName) => {
      const filters = filterConditions(request.filters, policy, slice === 1);
      return sql.join(
        (Object.keys(filters) as (keyof FilterSql)[]).filter((k) => k !== except).map((k) => filters[k]),
        sql` AND `,
      );
    };

    // Written as a function call when reading a slice, for the same reason as the array filters.
    let textCondition = (_slice: number) => sql`true`;
    const match = planned ? matchTsquery(planned.terms) : '';
    // The same match for the text index, per word (prefixes as their completions, when there are not too many).
    const wordsIndexed = planned ? planned.terms.map((t) => termQuery(t, undefined, 'all', true)).filter(Boolean) : [];
    if (planned && match) {
      // Every match, through the text index with prefixes as their completions (the planner, misled by a broad
      // prefix's estimate, would rather filter a broad filter's rows one by one).
      textCondition = (slice) =>
        slice === 1
          ? sql`d.professional_id IN (SELECT zoekdocumenten_met_alle(ARRAY[${sql.join(wordsIndexed.map((w) => sql`${w}`), sql`, `)}]::tsquery[]))`
          : sql`ts_match_vq(d.vector, ${match}::tsquery)`;
    } else if (planned) {
      // Only stop words or nothing searchable: no results rather than everything.
      textCondition = () => sql`false`;
    }
    const verifiedSince = sql`${iso(policy.now)}::timestamptz - make_interval(months => ${policy.verificatieMaanden}::int)`;
    const today = iso(policy.now).slice(0, 10);
    const ranking = new Ranking(planned?.terms ?? [], {
      verifiedSince,
      today,
      wantedRang: request.gewenstRolniveau ? rolniveauRang[request.gewenstRolniveau] : undefined,
    });
    const offset = (request.pagina - 1) * request.paginaGrootte;
    const size = this.window;

    // A sample of the matches in `steekproef` order (see window.ts), within the first `slice` of that order.
    // With the whole range (slice 1) the order is written so no index can serve it: with few matches, reading them
    // all through the text index is cheapest, and a planner misled by correlated words must not walk the table in
    // steekproef order looking for them.
    const sample = (slice: number, except: FacetName | undefined) => sql`
      SELECT d.professional_id, d.steekproef, d.organisatie_code, d.organisatie_naam, d.organisatie_type, d.expertise_pad,
             d.provincies, d.rolniveau, d.rolniveau_rang
      FROM zoekdocumenten d
      WHERE ${visibility(viewer, policy)} AND ${textCondition(slice)} AND ${where(slice, except)}
        ${slice < 1 ? sql`AND d.steekproef < ${slice}::float8` : sql``}
      ORDER BY ${slice < 1 ? sql`d.steekproef` : sql`d.steekproef + 0`} LIMIT ${size + 1}`;
    // Facets are disjunctive: a facet with a value selected is counted over a sample without that filter.
    const facetSource = (name: FacetName) => (request.filters[name]?.length ? sql.raw(`venster_${name}`) : sql.raw('venster'));
    const ownWindows = facetNames.filter((name) => request.filters[name]?.length);
    const cutoff = (source: SQL) => sql`(SELECT max(steekproef) FROM ${source} HAVING count(*) > ${size})`;
    const sampled = (source: SQL) => sql`steekproef < coalesce(${cutoff(source)}, 2)`;
    /** Each window reads its own slice: a facet's window without that facet's filter is often much broader. */
    type Slices = { venster: number } & Partial<Record<FacetName, number>>;
    const statement = (slices: Slices) => sql`
      WITH venster AS MATERIALIZED (${sample(slices.venster, undefined)})
      ${sql.join(
        ownWindows.map((name) => sql`, ${sql.raw(`venster_${name}`)} AS MATERIALIZED (${sample(slices[name]!, name)})`),
        sql` `,
      )}
      SELECT
        json_build_object('venster', (SELECT count(*) FROM venster)
          ${sql.join(ownWindows.map((name) => sql`, ${name}::text, (SELECT count(*) FROM ${sql.raw(`venster_${name}`)})`), sql` `)}) AS rijen,
        ${cutoff(sql.raw('venster'))} AS cutoff,
        json_build_object(${sql.join(
          facetNames.map((name) => sql`${name}::text, ${cutoff(facetSource(name))}`),
          sql`, `,
        )}) AS cutoffs,
        (SELECT coalesce(json_agg(f), '[]'::json) FROM (
           SELECT organisatie_code AS waarde, min(organisatie_naam) AS naam, count(*)::int AS aantal
           FROM ${facetSource('organisatie')} WHERE ${sampled(facetSource('organisatie'))}
           GROUP BY organisatie_code ORDER BY aantal DESC, naam LIMIT ${ORGANISATIE_FACET_MAX}) f) AS organisatie,
        (SELECT coalesce(json_agg(f), '[]'::json) FROM (
           SELECT organisatie_type AS waarde, organisatie_type AS naam, count(*)::int AS aantal
           FROM ${facetSource('organisatieType')} WHERE ${sampled(facetSource('organisatieType'))}
           GROUP BY organisatie_type ORDER BY aantal DESC, waarde) f) AS "organisatieType",
        (SELECT coalesce(json_agg(f), '[]'::json) FROM (
           SELECT code AS waarde, code AS naam, count(*)::int AS aantal
           FROM ${facetSource('expertisegebied')}, unnest(expertise_pad) AS code WHERE ${sampled(facetSource('expertisegebied'))}
           GROUP BY code ORDER BY aantal DESC, waarde LIMIT ${facetLimit}) f) AS expertisegebied,
        (SELECT coalesce(json_agg(f), '[]'::json) FROM (
           SELECT rolniveau::text AS waarde, rolniveau::text AS naam, count(*)::int AS aantal
           FROM ${facetSource('rolniveau')} WHERE ${sampled(facetSource('rolniveau'))}
           GROUP BY rolniveau, rolniveau_rang ORDER BY rolniveau_rang) f) AS rolniveau,
        (SELECT coalesce(json_agg(f), '[]'::json) FROM (
           SELECT p AS waarde, p AS naam, count(*)::int AS aantal
           FROM ${facetSource('provincie')}, unnest(provincies) AS p WHERE ${sampled(facetSource('provincie'))}
           GROUP BY p ORDER BY aantal DESC, waarde) f) AS provincie`;

    // A broad query fills its window within a slice of about three windows' worth of documents; a narrower one
    // says from its count there how large a slice it needs, or that it needs them all (few matches).
    const documents = await this.documentCount();
    // The page is ranked exactly (first-page.ts) while the counts are estimated from the sample, side by side.
    const page = firstPage(this.db, {
      ranking,
      visible: visibility(viewer, policy),
      conditionsInWalk: sql`${where(0)} AND ${textCondition(0)}`,
      conditionsIndexed: sql`${where(1)} AND ${textCondition(1)}`,
      match: wordsIndexed,
      findable: visibilitySql(findable(policy, policy.now), 'd'),
      offset,
      size: request.paginaGrootte,
      walk: size >= documents ? null : match && (planned?.matchBound ?? Infinity) <= fewMatches ? 'matches' : (this.walk ?? walkLength(offset + request.paginaGrootte, documents)),
    });
    // Everything the counts depend on but time: the words (as planned), filters, viewer and periods.
    const estimateKey = JSON.stringify([planned ? queryTerms(request.zoekterm ?? '').join(' ') : null, request.filters, viewer.organisatie, viewer.pmm, policy.bevestigingMaanden, policy.verificatieMaanden]);
    const reused = this.estimates.get(estimateKey);
    const counted = reused ? Promise.resolve(reused) : (async () => {
      const first = firstSlice(size, documents, planned ? planned.matchBound : Infinity, activeFilters(request.filters).length > 0);
      // The index path's extra reads: under filters, the text index yields every document with the words, to be
      // filtered one by one; without filters it yields the matches themselves.
      const textUnderFilters = (name: keyof Slices) =>
        match && activeFilters(request.filters).some((f) => f !== name) ? (planned?.matchBound ?? Infinity) : 0;
      let slices: Slices = { venster: first, ...Object.fromEntries(ownWindows.map((name) => [name, first])) };
      let [row] = await this.db.execute<WindowRow>(statement(slices));
      // A window read to the budget already is estimated from what it holds.
      const larger = (Object.keys(slices) as (keyof Slices)[])
        .filter((name) => !settled(size, slices[name]!, row?.rijen[name] ?? 0))
        .map((name) => [name, nextSlice(size, slices[name]!, row?.rijen[name] ?? 0, documents, textUnderFilters(name))] as const)
        .filter(([name, next]) => next > slices[name]!);
      if (larger.length > 0) {
        slices = { ...slices, ...Object.fromEntries(larger) };
        [row] = await this.db.execute<WindowRow>(statement(slices));
      }
      return { row, slices };
    })();
    const [documentsShown, { row, slices }] = await Promise.all([page, counted]);
    const slice = slices.venster;
    // Only an estimated total (its facet windows, without a filter each, are then estimates too).
    if (!reused && (slices.venster < 1 || (row?.rijen.venster ?? 0) > size)) this.estimates.set(estimateKey, { row, slices });

    const estimate = estimateTotal(size, { rows: row?.rijen.venster ?? 0, cutoff: row?.cutoff ?? null, slice });
    const limit = browsable(size, estimate);
    const matcher = plan ? matcherFor(plan, (planned?.terms ?? []).flatMap((t) => [...t.exact, ...(t.prefix ? [t.prefix] : [])])) : undefined;
    const hits = (offset >= limit ? [] : documentsShown.slice(0, limit - offset)).map((document) => ({
      document,
      treffers: matcher ? highlightShownFields(document, matcher) : {},
      uitleg: matcher ? explainMatch(document, matcher, nodes) : [],
    }));
    const scaled = (name: FacetName, values: FacetValue[] = []) =>
      values.map((f) => ({ ...f, aantal: scaleCount(f.aantal, row?.cutoffs[name] ?? null, slices[name] ?? slice) }));
    const facetten = {
      organisatie: scaled('organisatie', row?.organisatie),
      organisatieType: scaled('organisatieType', row?.organisatieType),
      expertisegebied: scaled('expertisegebied', row?.expertisegebied).map((f) => ({ ...f, naam: names.get(f.waarde) ?? f.waarde })),
      rolniveau: scaled('rolniveau', row?.rolniveau),
      provincie: scaled('provincie', row?.provincie),
    } satisfies Record<FacetName, FacetValue[]>;
    return { hits, totaal: estimate.totaal, geschat: estimate.geschat, bladerbaar: limit, facetten };
  }

  async index(documents: SearchDocument[]): Promise<void> {
    await writeDocuments(this.db, documents);
    // The coverage insight's read model follows the same documents (as in the change path, documents.ts).
    await recordCoverageEntries(this.db, documents, []);
  }

  async remove(ids: string[]): Promise<void> {
    // Documents go with their entry (ON DELETE CASCADE); the coverage counts are taken down here.
    await recordCoverageEntries(this.db, [], ids);
  }

  async rebuild(source: DocumentSource, progress?: (done: number, total: number) => void): Promise<{ documents: number }> {
    return { documents: await writeAllDocuments(this.db, source, progress) };
  }

  async ensureSettings(): Promise<void> {
    // Settings live in the migrations (text search configuration, indexes).
  }

  async health(): Promise<EngineHealth> {
    await this.db.execute(sql`SELECT 1 FROM zoekdocumenten LIMIT 1`);
    return { status: 'ok' };
  }
}

