import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../database/connection.js';
import type { SearchDocument } from '../document.js';
import { rankWeights, rolniveauRang } from '../fields.js';
import { highlightFields, matcherFor } from '../highlight.js';
import type { EngineHealth, FacetName, FacetValue, SearchEngine, SearchFilters, SearchPolicy, SearchRequest, SearchResult, Viewer } from '../port.js';
import { exactQuery, matchQuery, nearQuery, planQuery, prefixQuery, type QueryPlan } from '../query-plan.js';
import { buildSynonymIndex, type SynonymIndex } from '../synonyms.js';
import { queryTerms } from '../text.js';
import { refreshAllSearchDocuments, refreshSearchDocuments } from './documents.js';

/**
 * The default engine: full-text search in the same PostgreSQL that holds the register (Dutch stemming, accents
 * ignored, weighted fields), with a word list for typos and compound parts. Documents are refreshed in the write
 * transaction, so there is nothing to synchronise.
 */

const weights = sql.raw(`'{${rankWeights.join(',')}}'`);
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

function filterConditions(filters: SearchFilters, policy: SearchPolicy): FilterSql {
  const verifiedSince = sql`${iso(policy.now)}::timestamptz - make_interval(months => ${policy.verificatieMaanden}::int)`;
  return {
    organisatie: filters.organisatie?.length ? sql`d.organisatie_code IN (${list(filters.organisatie)})` : sql`true`,
    organisatieType: filters.organisatieType?.length ? sql`d.organisatie_type IN (${list(filters.organisatieType)})` : sql`true`,
    expertisegebied: filters.expertisegebied?.length ? sql`d.expertise_pad && ${textArray(filters.expertisegebied)}` : sql`true`,
    rolniveau: filters.rolniveau?.length ? sql`d.rolniveau::text IN (${list(filters.rolniveau)})` : sql`true`,
    provincie: filters.provincie?.length ? sql`d.provincies && ${textArray(filters.provincie)}` : sql`true`,
    soort: filters.soort?.length ? sql`d.soort::text IN (${list(filters.soort)})` : sql`true`,
    geverifieerd:
      filters.geverifieerd === undefined
        ? sql`true`
        : filters.geverifieerd
          ? sql`coalesce(d.geverifieerd_op > ${verifiedSince}, false)`
          : sql`NOT coalesce(d.geverifieerd_op > ${verifiedSince}, false)`,
  };
}

/** Visibility, inside the query: findable entries only, and `zichtbaarheid` for this viewer. */
function visibility(viewer: Viewer, policy: SearchPolicy): SQL {
  return sql`d.status = 'actief'
    AND d.bevestigd_op > ${iso(policy.now)}::timestamptz - make_interval(months => ${policy.bevestigingMaanden}::int)
    AND (d.zichtbaarheid = 'alle-professionals' OR d.organisatie_code = ${viewer.organisatie}
         OR (d.zichtbaarheid = 'pmm' AND ${viewer.pmm}::boolean))`;
}

/** The most values a facet lists (most frequent first); selected values are always added by the service. */
const facetLimit = 30;

export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres';
  private synonymCache: { index: SynonymIndex; names: Map<string, string>; at: number } | undefined;

  constructor(private readonly db: Db) {}

  /** The taxonomy changes rarely; a minute-old copy is fine for synonyms and facet names. */
  private async taxonomy() {
    if (!this.synonymCache || Date.now() - this.synonymCache.at > 60_000) {
      const nodes = await this.db.execute<{ code: string; naam: string; synoniemen: string[] }>(sql`SELECT code, naam, synoniemen FROM expertisegebieden`);
      this.synonymCache = { index: buildSynonymIndex(nodes), names: new Map(nodes.map((n) => [n.code, n.naam])), at: Date.now() };
    }
    return this.synonymCache;
  }

  async plan(query: string): Promise<QueryPlan | undefined> {
    const terms = queryTerms(query);
    if (terms.length === 0) return undefined;
    const { index } = await this.taxonomy();
    const rows = await this.db.execute<{ term: string; woord: string }>(sql`SELECT term, woord FROM zoekwoord_kandidaten(${textArray(terms)})`);
    const candidates = new Map<string, string[]>();
    for (const row of rows) candidates.set(row.term, [...(candidates.get(row.term) ?? []), row.woord]);
    return planQuery(query, index, candidates);
  }

  async search(request: SearchRequest, viewer: Viewer, policy: SearchPolicy): Promise<SearchResult> {
    const plan = request.zoekterm ? await this.plan(request.zoekterm) : undefined;
    const { names } = await this.taxonomy();
    const filters = filterConditions(request.filters, policy);
    const all = (except?: keyof FilterSql) =>
      sql.join(
        (Object.keys(filters) as (keyof FilterSql)[]).filter((k) => k !== except).map((k) => sql.raw(`f_${k}`)),
        sql` AND `,
      );

    let textCondition = sql`true`;
    let score = sql`0::real`;
    const match = plan ? matchQuery(plan) : '';
    if (plan && match) {
      textCondition = sql`d.vector @@ to_tsquery('maatwerk_nl', ${match})`;
      const exact = exactQuery(plan) || match;
      const prefix = prefixQuery(plan) || match;
      const near = nearQuery(plan) || match;
      // Exact forms count most, then prefixes, then compound parts and one-typo words, then two typos; each
      // weighted by field (name and expertise above function and organisation, above keywords, above free text).
      score = sql`(4 * ts_rank(${weights}, d.vector, to_tsquery('maatwerk_nl', ${exact}))
                 + 2 * ts_rank(${weights}, d.vector, to_tsquery('maatwerk_nl', ${prefix}))
                 + ts_rank(${weights}, d.vector, to_tsquery('maatwerk_nl', ${near})))`;
    } else if (plan) {
      // Only stop words or nothing searchable: no results rather than everything.
      textCondition = sql`false`;
    }
    const verifiedSince = sql`${iso(policy.now)}::timestamptz - make_interval(months => ${policy.verificatieMaanden}::int)`;
    const today = iso(policy.now).slice(0, 10);
    const wanted = request.gewenstRolniveau ? sql`abs(rolniveau_rang - ${rolniveauRang[request.gewenstRolniveau]}::int)` : sql`0::int`;
    const offset = (request.pagina - 1) * request.paginaGrootte;

    const [row] = await this.db.execute<{
      totaal: number;
      hits: { document: SearchDocument }[];
      organisatie: FacetValue[];
      organisatieType: FacetValue[];
      expertisegebied: FacetValue[];
      rolniveau: FacetValue[];
      provincie: FacetValue[];
    }>(sql`
      WITH base AS MATERIALIZED (
        SELECT d.professional_id, d.organisatie_code, d.organisatie_naam, d.organisatie_type, d.expertise_pad,
               d.provincies, d.rolniveau, d.rolniveau_rang, d.bevestigd_op,
               ${score} AS score,
               coalesce(d.geverifieerd_op > ${verifiedSince}, false) AS verified,
               coalesce(d.afwezig_tot >= ${today}::date, false) AS absent,
               ${filters.organisatie} AS f_organisatie, ${filters.organisatieType} AS f_organisatieType,
               ${filters.expertisegebied} AS f_expertisegebied, ${filters.rolniveau} AS f_rolniveau,
               ${filters.provincie} AS f_provincie, ${filters.soort} AS f_soort, ${filters.geverifieerd} AS f_geverifieerd
        FROM zoekdocumenten d
        WHERE ${visibility(viewer, policy)} AND ${textCondition}
      )
      SELECT
        (SELECT count(*)::int FROM base WHERE ${all()}) AS totaal,
        (SELECT coalesce(json_agg(json_build_object('document', w.document) ORDER BY page.n), '[]'::json) FROM (
           SELECT professional_id, row_number() OVER () AS n FROM (
             SELECT professional_id FROM base WHERE ${all()}
             ORDER BY round(score::numeric, 2) DESC, verified DESC, absent, ${wanted}, bevestigd_op DESC, professional_id
             LIMIT ${request.paginaGrootte} OFFSET ${offset}) ranked) page
           JOIN zoekdocument_weergave w ON w.professional_id = page.professional_id) AS hits,
        (SELECT coalesce(json_agg(f), '[]'::json) FROM (
           SELECT organisatie_code AS waarde, min(organisatie_naam) AS naam, count(*)::int AS aantal FROM base WHERE ${all('organisatie')}
           GROUP BY organisatie_code ORDER BY aantal DESC, naam LIMIT ${facetLimit}) f) AS organisatie,
        (SELECT coalesce(json_agg(f), '[]'::json) FROM (
           SELECT organisatie_type AS waarde, organisatie_type AS naam, count(*)::int AS aantal FROM base WHERE ${all('organisatieType')}
           GROUP BY organisatie_type ORDER BY aantal DESC, waarde) f) AS "organisatieType",
        (SELECT coalesce(json_agg(f), '[]'::json) FROM (
           SELECT code AS waarde, code AS naam, count(*)::int AS aantal FROM base, unnest(expertise_pad) AS code WHERE ${all('expertisegebied')}
           GROUP BY code ORDER BY aantal DESC, waarde LIMIT ${facetLimit}) f) AS expertisegebied,
        (SELECT coalesce(json_agg(f), '[]'::json) FROM (
           SELECT rolniveau::text AS waarde, rolniveau::text AS naam, count(*)::int AS aantal FROM base WHERE ${all('rolniveau')}
           GROUP BY rolniveau, rolniveau_rang ORDER BY rolniveau_rang) f) AS rolniveau,
        (SELECT coalesce(json_agg(f), '[]'::json) FROM (
           SELECT p AS waarde, p AS naam, count(*)::int AS aantal FROM base, unnest(provincies) AS p WHERE ${all('provincie')}
           GROUP BY p ORDER BY aantal DESC, waarde) f) AS provincie`);

    const matcher = plan ? matcherFor(plan) : undefined;
    const hits = (row?.hits ?? []).map(({ document }) => ({
      document,
      treffers: matcher
        ? highlightFields(
            {
              naam: document.naam,
              functie: document.functie,
              afdeling: document.afdeling,
              organisatie: document.organisatie.naam,
              expertisegebieden: document.expertisegebieden.map((e) => e.naam).join(', '),
              trefwoorden: document.trefwoorden.join(', '),
              overMij: document.overMij,
            },
            matcher,
          )
        : {},
    }));
    const facetten = {
      organisatie: row?.organisatie ?? [],
      organisatieType: row?.organisatieType ?? [],
      expertisegebied: (row?.expertisegebied ?? []).map((f) => ({ ...f, naam: names.get(f.waarde) ?? f.waarde })),
      rolniveau: row?.rolniveau ?? [],
      provincie: row?.provincie ?? [],
    } satisfies Record<FacetName, FacetValue[]>;
    return { hits, totaal: row?.totaal ?? 0, facetten };
  }

  async upsert(ids: string[]): Promise<void> {
    await refreshSearchDocuments(this.db, ids);
  }

  async remove(): Promise<void> {
    // Documents go with their entry (ON DELETE CASCADE).
  }

  async rebuild(progress?: (done: number, total: number) => void): Promise<{ documents: number }> {
    return { documents: await refreshAllSearchDocuments(this.db, progress) };
  }

  async ensureSettings(): Promise<void> {
    // Settings live in the migrations (text search configuration, indexes).
  }

  async health(): Promise<EngineHealth> {
    await this.db.execute(sql`SELECT 1 FROM zoekdocumenten LIMIT 1`);
    return { status: 'ok' };
  }
}

