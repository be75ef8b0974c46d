import { sql } from 'drizzle-orm';
import { Meilisearch, type Task } from 'meilisearch';
import type { Db } from '../../database/connection.js';
import { weightedTexts, type SearchDocument } from '../document.js';
import { explainMatch, type ExplainedExpertisegebied } from '../explain.js';
import { highlightShownFields, type Matcher, type Segment } from '../highlight.js';
import { allowedTypos, editDistance } from '../text.js';
import type { DocumentSource, EngineHealth, FacetName, FacetValue, SearchEngine, SearchPolicy, SearchRequest, SearchResult, Viewer } from '../port.js';
import { buildSynonymIndex, type SynonymIndex } from '../synonyms.js';
import { fromHit, newStems, toMeiliDocument, type MeiliDocument } from './document.js';
import { facetAttribute, meiliQuery, planQueries, segmentsFromPositions } from './queries.js';
import { MAX_TOTAL_HITS, meiliSettings } from './settings.js';
import { checkVersion, MeiliVersionError, type VersionVerdict } from './version.js';

/**
 * The Meilisearch engine: the same port and the same documents as the Postgres engine, fed by the outbox relay.
 * Every enqueued task is awaited and checked: the client does not throw when a task fails.
 */

export interface MeiliOptions {
  url: string;
  apiKey?: string | undefined;
  index: string;
  timeoutMs: number;
  /** The verification period, for the stored "verified now" ranking key (see document.ts); the register's default. */
  verificatieMaanden?: number | undefined;
}

export class MeiliTaskError extends Error {
  constructor(readonly task: Task) {
    super(`Meilisearch task ${task.uid} (${task.type}) ended ${task.status}: ${task.error?.message ?? 'no reason given'}`);
    this.name = 'MeiliTaskError';
  }
}

/** Waits for a task and insists that it succeeded. */
export async function succeeded(task: Promise<Task>): Promise<Task> {
  const done = await task;
  if (done.status !== 'succeeded') throw new MeiliTaskError(done);
  return done;
}

type Positions = Record<string, { start: number; length: number; indices?: number[] }[]>;

/** Segments for a list shown joined by `separator`, from per-element positions (`indices` names the element). */
function listSegments(values: string[], positions: Positions[string] | undefined, separator = ', '): Segment[] | undefined {
  if (!positions?.length || values.length === 0) return undefined;
  const joined = values.join(separator);
  const offsets: number[] = [];
  let bytes = 0;
  for (const value of values) {
    offsets.push(bytes);
    bytes += Buffer.byteLength(value, 'utf8') + Buffer.byteLength(separator, 'utf8');
  }
  const mapped = positions.flatMap(({ start, length, indices }) => {
    const element = indices?.[0];
    return element === undefined || offsets[element] === undefined ? [] : [{ start: offsets[element] + start, length }];
  });
  return segmentsFromPositions(joined, mapped);
}

/** The fields the Postgres engine highlights, with the same names, from Meilisearch's match positions. */
export function highlightsFrom(document: SearchDocument, positions: Positions): Record<string, Segment[]> {
  const treffers: Record<string, Segment[]> = {};
  const put = (name: string, segments: Segment[] | undefined) => {
    if (segments) treffers[name] = segments;
  };
  put('naam', segmentsFromPositions(document.naam, positions.naam));
  put('functie', segmentsFromPositions(document.functie, positions.functie));
  if (document.afdeling) put('afdeling', segmentsFromPositions(document.afdeling, positions.afdeling));
  put('organisatie', segmentsFromPositions(document.organisatie.naam, positions['organisatie.naam']));
  // Expertise is searched through its terms (names and synonyms); a match on a name marks that name.
  const names = document.expertisegebieden.map((e) => e.naam);
  const termMatches = (positions.expertiseTermen ?? []).flatMap((p) => {
    const term = p.indices?.[0] === undefined ? undefined : document.expertiseTermen[p.indices[0]];
    const index = term === undefined ? -1 : names.indexOf(term);
    return index < 0 ? [] : [{ ...p, indices: [index] }];
  });
  put('expertisegebieden', listSegments(names, termMatches));
  put('trefwoorden', listSegments(document.trefwoorden, positions.trefwoorden));
  if (document.overMij) put('overMij', segmentsFromPositions(document.overMij, positions.overMij));
  return treffers;
}

/**
 * Which shown words a query matches, as Meilisearch matches them: a word or its stem, a synonym, the last word as a
 * prefix, a part of a compound, or within the allowed typos. Used where match positions cannot say it (a match in
 * the index-only stem or compound fields, a synonym, the official organisation name): for highlights of fields
 * without positions, and for the "why this result" explanations shared with the Postgres engine.
 */
export function queryMatcher(terms: string[], stems: string[], synonyms: SynonymIndex): Matcher {
  const forms = [...new Set([...terms, ...stems])];
  const exact = new Set([...forms, ...forms.flatMap((form) => synonyms.get(form) ?? [])]);
  const prefixes = [terms.at(-1), stems.at(-1)].filter((p): p is string => !!p && p.length >= 2);
  const parts = forms.filter((form) => form.length >= 4);
  return (word) =>
    exact.has(word) ||
    prefixes.some((p) => word.startsWith(p)) ||
    parts.some((part) => word.includes(part)) ||
    terms.some((term) => {
      const typos = allowedTypos(term);
      return typos > 0 && Math.abs(word.length - term.length) <= typos && editDistance(word, term, typos) <= typos;
    });
}

/** Rebuild: how many batches of ours may wait unstarted in Meilisearch's queue, and how long it may make no progress. */
const REBUILD_QUEUED = 8;
const REBUILD_TASK_TIMEOUT_MS = 10 * 60_000;

const emptyFacets = (): SearchResult['facetten'] => ({ organisatie: [], organisatieType: [], expertisegebied: [], rolniveau: [], provincie: [] });

export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  readonly client: Meilisearch;
  private verdict: VersionVerdict | undefined;
  private settingsEnsured: Promise<void> | undefined;
  private taxonomyCache: { nodes: Map<string, ExplainedExpertisegebied>; synonyms: SynonymIndex; at: number } | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: MeiliOptions,
  ) {
    this.client = new Meilisearch({ host: options.url, apiKey: options.apiKey, timeout: options.timeoutMs });
  }

  get indexUid(): string {
    return this.options.index;
  }

  private get liveIndex() {
    return this.client.index(this.options.index);
  }

  private waitOptions() {
    return { timeout: Math.max(this.options.timeoutMs * 10, 30_000), interval: 50 };
  }

  /**
   * The server's version against the supported range. A verdict is kept (a server does not change version under a
   * running process without a restart, and readiness re-checks); an unreachable server gives no verdict and throws.
   */
  async version(): Promise<VersionVerdict> {
    if (!this.verdict) this.verdict = checkVersion((await this.client.getVersion()).pkgVersion);
    return this.verdict;
  }

  /** Throws when the server's version is not supported: nothing is searched or written there. */
  private async requireSupported(): Promise<void> {
    const verdict = await this.version();
    if (!verdict.supported) throw new MeiliVersionError(verdict);
  }

  async search(request: SearchRequest, viewer: Viewer, policy: SearchPolicy): Promise<SearchResult> {
    await this.requireSupported();
    const q = meiliQuery(request.zoekterm);
    // Only stop words: nothing matches (as in Postgres), and there is nothing to ask.
    if (q === null) return { hits: [], totaal: 0, geschat: false, bladerbaar: 0, facetten: emptyFacets() };
    const terms = q ? q.split(' ') : [];
    const stems = await this.stemWords(terms);
    const planned = planQueries(this.options.index, request, viewer, policy, stems.join(' '));
    const taxonomy = terms.length > 0 ? await this.taxonomy() : undefined;
    const matcher = taxonomy ? queryMatcher(terms, stems, taxonomy.synonyms) : undefined;
    const { results } = await this.client.multiSearch({ queries: planned.map(({ facet: _facet, ...query }) => query) });
    const [main, ...perFacet] = results;
    const distribution: Record<string, Record<string, number>> = { ...(main?.facetDistribution ?? {}) };
    perFacet.forEach((result, i) => {
      const name = planned[i + 1]!.facet!;
      distribution[facetAttribute[name]] = result.facetDistribution?.[facetAttribute[name]] ?? {};
    });
    const hits = (main?.hits ?? []).map((hit) => {
      const document = fromHit(hit);
      if (!matcher || !taxonomy) return { document, treffers: {}, uitleg: [] };
      // Meilisearch's own positions where it has them; the query's words elsewhere (as the Postgres engine marks them).
      const shown = highlightShownFields(document, matcher);
      const treffers = { ...shown, ...highlightsFrom(document, (hit._matchesPosition ?? {}) as Positions) };
      return { document, treffers, uitleg: explainMatch(document, matcher, taxonomy.nodes) };
    });
    const names = await this.names(distribution[facetAttribute.organisatie] ?? {}, distribution[facetAttribute.expertisegebied] ?? {});
    const facet = (name: FacetName): FacetValue[] =>
      Object.entries(distribution[facetAttribute[name]] ?? {})
        .map(([waarde, aantal]) => ({ waarde, naam: names.get(waarde) ?? waarde, aantal }))
        .sort((a, b) => b.aantal - a.aantal || a.waarde.localeCompare(b.waarde));
    // Page-based search counts exhaustively, up to maxTotalHits (then the count is a lower bound).
    const totaal = main?.totalHits ?? main?.estimatedTotalHits ?? hits.length;
    return {
      hits,
      totaal,
      geschat: totaal >= MAX_TOTAL_HITS,
      bladerbaar: Math.min(totaal, MAX_TOTAL_HITS),
      facetten: {
        organisatie: facet('organisatie'),
        organisatieType: facet('organisatieType'),
        expertisegebied: facet('expertisegebied'),
        rolniveau: facet('rolniveau'),
        provincie: facet('provincie'),
      },
    };
  }

  /** Display names of organisation and expertise facet values, from the register. */
  private async names(organisations: Record<string, number>, domains: Record<string, number>): Promise<Map<string, string>> {
    const codes = [...Object.keys(organisations), ...Object.keys(domains)];
    if (codes.length === 0) return new Map();
    const rows = await this.db.execute<{ code: string; naam: string }>(sql`
      SELECT code, naam FROM organisaties WHERE code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})
      UNION ALL SELECT code, naam FROM expertisegebieden WHERE code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`);
    return new Map(rows.map((r) => [r.code, r.naam]));
  }

  /** The taxonomy changes rarely; a minute-old copy is fine for explanations and the query's synonyms. */
  private async taxonomy() {
    if (!this.taxonomyCache || Date.now() - this.taxonomyCache.at > 60_000) {
      const nodes = await this.db.execute<{ code: string; naam: string; synoniemen: string[] }>(sql`SELECT code, naam, synoniemen FROM expertisegebieden`);
      this.taxonomyCache = { nodes: new Map(nodes.map((n) => [n.code, n])), synonyms: buildSynonymIndex(nodes), at: Date.now() };
    }
    return this.taxonomyCache;
  }

  private timeRules() {
    return { verificatieMaanden: this.options.verificatieMaanden ?? 12 };
  }

  /** Search documents as this index holds them: with their time-dependent state as of now, and their stems. */
  async toMeiliDocuments(documents: SearchDocument[]): Promise<MeiliDocument[]> {
    if (documents.length === 0) return [];
    const now = new Date();
    const texts = documents.map(weightedTexts);
    const weights = ['A', 'B', 'C', 'D'] as const;
    const stems = await this.stemTexts(texts.flatMap((t) => weights.map((w) => t[w])));
    return documents.map((document, i) => {
      const own = (w: number) => newStems(texts[i]![weights[w]!], stems[i * 4 + w] ?? []);
      return toMeiliDocument(document, now, this.timeRules(), { A: own(0), B: own(1), C: own(2), D: own(3) });
    });
  }

  /** The Dutch stems of each text, by the same text search configuration as the Postgres engine (`maatwerk_nl`). */
  private async stemTexts(texts: string[]): Promise<string[][]> {
    if (texts.length === 0) return [];
    const rows = await this.db.execute<{ i: number; stems: string[] }>(sql`
      SELECT x.i::int AS i, tsvector_to_array(to_tsvector('maatwerk_nl', x.t)) AS stems
      FROM jsonb_array_elements_text(${JSON.stringify(texts)}::jsonb) WITH ORDINALITY AS x(t, i)`);
    const result: string[][] = texts.map(() => []);
    for (const row of rows) result[row.i - 1] = row.stems;
    return result;
  }

  /** Query words (folded, no stop words) as their stems, so they match the stem fields as Postgres matches them. */
  private async stemWords(terms: string[]): Promise<string[]> {
    const stems = await this.stemTexts(terms);
    return terms.map((term, i) => stems[i]?.[0] ?? term);
  }

  /** The taxonomy's synonyms, also under the stems of the words (the query arrives stemmed). */
  private async stemmedSynonyms(synonyms: SynonymIndex): Promise<SynonymIndex> {
    const words = [...new Set([...synonyms.keys(), ...[...synonyms.values()].flat()])];
    const stems = new Map(words.map((word, i) => [word, i] as const));
    const stemmed = await this.stemWords(words);
    const stemOf = (word: string) => stemmed[stems.get(word)!] ?? word;
    const result: SynonymIndex = new Map();
    for (const [key, values] of synonyms) {
      const expanded = [...new Set([...values, ...values.map(stemOf)])];
      for (const k of new Set([key, stemOf(key)])) {
        result.set(k, [...new Set([...(result.get(k) ?? []), ...expanded])].filter((v) => v !== k));
      }
    }
    return result;
  }

  /** Settings (and so the taxonomy's synonyms) are applied once per process before the first write to the index. */
  private ensureSettingsOnce(): Promise<void> {
    this.settingsEnsured ??= this.ensureSettings().catch((error) => {
      this.settingsEnsured = undefined;
      throw error;
    });
    return this.settingsEnsured;
  }

  async index(documents: SearchDocument[]): Promise<void> {
    await this.requireSupported();
    await this.ensureSettingsOnce();
    const meili = await this.toMeiliDocuments(documents);
    if (meili.length > 0) await succeeded(this.liveIndex.addDocuments(meili, { primaryKey: 'id' }).waitTask(this.waitOptions()));
  }

  async remove(ids: string[]): Promise<void> {
    await this.requireSupported();
    if (ids.length > 0) await succeeded(this.liveIndex.deleteDocuments(ids).waitTask(this.waitOptions()));
  }

  async ensureSettings(): Promise<void> {
    const nodes = await this.db.execute<{ code: string; naam: string; synoniemen: string[] }>(sql`SELECT code, naam, synoniemen FROM expertisegebieden`);
    const synonyms = await this.stemmedSynonyms(buildSynonymIndex(nodes));
    await succeeded(this.client.index(this.options.index).updateSettings(meiliSettings(synonyms)).waitTask(this.waitOptions()));
  }

  /** Deletes an index and waits; one that does not exist is fine. */
  private async dropIndex(uid: string): Promise<void> {
    const task = await this.client.deleteIndex(uid).waitTask(this.waitOptions());
    if (task.status !== 'succeeded' && task.error?.code !== 'index_not_found') throw new MeiliTaskError(task);
  }

  /**
   * Fills a fresh index in batches, checks that it holds every document sent, and swaps it in atomically; the old
   * index is deleted. A failed rebuild deletes its partial index and leaves the live one alone. (Replaying changes
   * made during the rebuild is the caller's job: see scripts/reindex.ts and relay.ts.)
   */
  async rebuild(source: DocumentSource, progress?: (done: number, total: number) => void, options: { batchSize?: number } = {}): Promise<{ documents: number }> {
    const batchSize = options.batchSize ?? 1000;
    await this.requireSupported();
    const fresh = `${this.options.index}_${Date.now()}`;
    try {
      await succeeded(this.client.createIndex(fresh, { primaryKey: 'id' }).waitTask(this.waitOptions()));
      const target = new MeilisearchEngine(this.db, { ...this.options, index: fresh });
      await target.ensureSettings();
      const total = await source.count();
      let done = 0;
      let sent = 0;
      let after = '00000000-0000-0000-0000-000000000000';
      // Send ahead: the next batch is built and sent while Meilisearch indexes earlier ones, until REBUILD_QUEUED of
      // ours wait unstarted in its queue. Meilisearch merges the queued additions into one indexing batch, and at
      // 100,000 documents every indexing batch has a fixed cost of seconds, so deep batches matter: waiting for each
      // task before building the next gave one batch per 1,000 documents and kept both sides idle in turn.
      const pending: { taskUid: number | undefined; rows: number }[] = [];
      let changedAt = Date.now();
      const settleLeading = (status: Map<number, Task>) => {
        while (pending.length > 0 && (pending[0]!.taskUid === undefined || status.get(pending[0]!.taskUid)?.status === 'succeeded')) {
          done += pending.shift()!.rows;
          changedAt = Date.now();
          progress?.(done, Math.max(total, done));
        }
      };
      const backPressure = async (queuedAtMost: number) => {
        for (;;) {
          const uids = pending.flatMap((p) => (p.taskUid === undefined ? [] : [p.taskUid]));
          const { results } = uids.length > 0 ? await this.client.tasks.getTasks({ uids, limit: uids.length }) : { results: [] };
          const failed = results.find((task) => task.status === 'failed' || task.status === 'canceled');
          if (failed) throw new MeiliTaskError(failed);
          const status = new Map(results.map((task) => [task.uid, task] as const));
          settleLeading(status);
          const queued = pending.filter((p) => p.taskUid !== undefined && status.get(p.taskUid)?.status === 'enqueued').length;
          if (queued <= queuedAtMost && (queuedAtMost > 0 || pending.length === 0)) return;
          if (Date.now() - changedAt > REBUILD_TASK_TIMEOUT_MS) throw new Error(`rebuild of ${fresh}: no batch indexed for ${REBUILD_TASK_TIMEOUT_MS / 1000} s`);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      };
      for (;;) {
        const batch = await source.batchAfter(after, batchSize);
        if (batch.lastId === undefined) break;
        // Entries deleted meanwhile are simply not sent (their outbox rows are replayed after the swap).
        const documents = await target.toMeiliDocuments(batch.documents);
        const taskUid = documents.length > 0 ? (await this.client.index(fresh).addDocuments(documents, { primaryKey: 'id' })).taskUid : undefined;
        pending.push({ taskUid, rows: batch.entries });
        sent += documents.length;
        after = batch.lastId;
        await backPressure(REBUILD_QUEUED - 1);
      }
      // Every batch indexed and succeeded.
      await backPressure(0);
      const stats = await this.client.index(fresh).getStats();
      if (stats.numberOfDocuments !== sent) {
        throw new Error(`refusing to swap in index ${fresh}: it holds ${stats.numberOfDocuments} documents, ${sent} were sent`);
      }
      if (total > 0 && sent === 0) throw new Error(`refusing to swap in index ${fresh}: it has no documents while the register has ${total} entries`);
      const exists = await this.client.getIndex(this.options.index).then(() => true, () => false);
      if (!exists) await succeeded(this.client.createIndex(this.options.index, { primaryKey: 'id' }).waitTask(this.waitOptions()));
      await succeeded(this.client.swapIndexes([{ indexes: [this.options.index, fresh], rename: false }]).waitTask(this.waitOptions()));
      // The live index now has settings applied; a later relay write need not apply them again.
      this.settingsEnsured = Promise.resolve();
      return { documents: sent };
    } finally {
      // After the swap this is the old index; after a failure, the partial new one.
      await this.dropIndex(fresh);
    }
  }

  async health(): Promise<EngineHealth> {
    const healthy = await this.client.isHealthy();
    if (!healthy) return { status: 'down', detail: 'Meilisearch is niet bereikbaar' };
    const verdict = await this.version();
    return verdict.supported ? { status: 'ok' } : { status: 'down', detail: verdict.detail };
  }
}
