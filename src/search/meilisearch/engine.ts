import { sql } from 'drizzle-orm';
import { Meilisearch, type Task } from 'meilisearch';
import type { Db } from '../../database/connection.js';
import { findEntries } from '../../professionals/repository.js';
import { toSearchDocument, type SearchDocument } from '../document.js';
import type { EngineHealth, FacetName, FacetValue, SearchEngine, SearchPolicy, SearchRequest, SearchResult, Viewer } from '../port.js';
import { loadDocumentContext } from '../postgres/documents.js';
import { buildSynonymIndex } from '../synonyms.js';
import { toMeiliDocument } from './document.js';
import { facetAttribute, planQueries, segmentsFromPositions } from './queries.js';
import { MAX_TOTAL_HITS, meiliSettings } from './settings.js';

/**
 * The Meilisearch engine: the same port and the same documents as the Postgres engine, fed by the outbox relay.
 * Every enqueued task is awaited and checked: the client does not throw when a task fails.
 */

export interface MeiliOptions {
  url: string;
  apiKey?: string | undefined;
  index: string;
  timeoutMs: number;
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

export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  readonly client: Meilisearch;

  constructor(
    private readonly db: Db,
    private readonly options: MeiliOptions,
  ) {
    this.client = new Meilisearch({ host: options.url, apiKey: options.apiKey, timeout: options.timeoutMs });
  }

  private get index() {
    return this.client.index(this.options.index);
  }

  private waitOptions() {
    return { timeout: Math.max(this.options.timeoutMs * 10, 30_000), interval: 50 };
  }

  async search(request: SearchRequest, viewer: Viewer, policy: SearchPolicy): Promise<SearchResult> {
    const planned = planQueries(this.options.index, request, viewer, policy);
    const { results } = await this.client.multiSearch({ queries: planned.map(({ facet: _facet, ...query }) => query) });
    const [main, ...perFacet] = results;
    const distribution: Record<string, Record<string, number>> = { ...(main?.facetDistribution ?? {}) };
    perFacet.forEach((result, i) => {
      const name = planned[i + 1]!.facet!;
      distribution[facetAttribute[name]] = result.facetDistribution?.[facetAttribute[name]] ?? {};
    });
    const hits = (main?.hits ?? []).map((hit) => {
      const document = hit as unknown as SearchDocument & { _matchesPosition?: Record<string, { start: number; length: number }[]> };
      const positions = document._matchesPosition ?? {};
      const treffers: Record<string, { tekst: string; treffer: boolean }[]> = {};
      for (const [field, text] of [
        ['naam', document.naam],
        ['functie', document.functie],
        ['afdeling', document.afdeling],
        ['organisatie', document.organisatie.naam],
        ['overMij', document.overMij],
      ] as const) {
        const segments = text ? segmentsFromPositions(text, positions[field === 'organisatie' ? 'organisatie.naam' : field]) : undefined;
        if (segments) treffers[field] = segments;
      }
      return { document, treffers };
    });
    const names = await this.names(distribution[facetAttribute.organisatie] ?? {}, distribution[facetAttribute.expertisegebied] ?? {});
    const facet = (name: FacetName): FacetValue[] =>
      Object.entries(distribution[facetAttribute[name]] ?? {})
        .map(([waarde, aantal]) => ({ waarde, naam: names.get(waarde) ?? waarde, aantal }))
        .sort((a, b) => b.aantal - a.aantal || a.waarde.localeCompare(b.waarde));
    const totaal = main?.estimatedTotalHits ?? main?.totalHits ?? hits.length;
    return {
      hits,
      totaal,
      // Meilisearch counts candidates up to maxTotalHits and stops there.
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

  /** Current documents for these entries; ids whose entry is gone are returned as removed. */
  async documentsFor(ids: string[]): Promise<{ documents: ReturnType<typeof toMeiliDocument>[]; removed: string[] }> {
    if (ids.length === 0) return { documents: [], removed: [] };
    const entries = await findEntries(this.db, sql`p.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
    const context = await loadDocumentContext(this.db, entries);
    const found = new Set(entries.map((e) => e.id));
    return { documents: entries.map((entry) => toMeiliDocument(toSearchDocument(entry, context))), removed: ids.filter((id) => !found.has(id)) };
  }

  async upsert(ids: string[]): Promise<void> {
    const { documents, removed } = await this.documentsFor(ids);
    if (documents.length > 0) await succeeded(this.index.addDocuments(documents, { primaryKey: 'id' }).waitTask(this.waitOptions()));
    if (removed.length > 0) await this.remove(removed);
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length > 0) await succeeded(this.index.deleteDocuments(ids).waitTask(this.waitOptions()));
  }

  async ensureSettings(): Promise<void> {
    const nodes = await this.db.execute<{ code: string; naam: string; synoniemen: string[] }>(sql`SELECT code, naam, synoniemen FROM expertisegebieden`);
    await succeeded(this.client.index(this.options.index).updateSettings(meiliSettings(buildSynonymIndex(nodes))).waitTask(this.waitOptions()));
  }

  /**
   * Fills a fresh index in batches, refuses to swap in an empty one when the register has entries, and swaps it in
   * atomically. (Replaying changes made during the rebuild is the relay's job: see relay.ts.)
   */
  async rebuild(progress?: (done: number, total: number) => void): Promise<{ documents: number }> {
    const fresh = `${this.options.index}_${Date.now()}`;
    await succeeded(this.client.createIndex(fresh, { primaryKey: 'id' }).waitTask(this.waitOptions()));
    const target = new MeilisearchEngine(this.db, { ...this.options, index: fresh });
    await target.ensureSettings();
    const [count] = await this.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM professionals`);
    const total = count?.n ?? 0;
    let done = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.db.execute<{ id: string }>(sql`SELECT id FROM professionals WHERE id > ${after} ORDER BY id LIMIT 1000`);
      if (rows.length === 0) break;
      const { documents } = await target.documentsFor(rows.map((r) => r.id));
      await succeeded(this.client.index(fresh).addDocuments(documents, { primaryKey: 'id' }).waitTask(this.waitOptions()));
      done += rows.length;
      after = rows[rows.length - 1]!.id;
      progress?.(done, total);
    }
    const stats = await this.client.index(fresh).getStats();
    if (total > 0 && stats.numberOfDocuments === 0) {
      throw new Error(`refusing to swap in index ${fresh}: it has no documents while the register has ${total} entries`);
    }
    const exists = await this.client.getIndex(this.options.index).then(() => true, () => false);
    if (!exists) await succeeded(this.client.createIndex(this.options.index, { primaryKey: 'id' }).waitTask(this.waitOptions()));
    await succeeded(this.client.swapIndexes([{ indexes: [this.options.index, fresh], rename: false }]).waitTask(this.waitOptions()));
    await this.client.deleteIndexIfExists(fresh);
    return { documents: done };
  }

  async health(): Promise<EngineHealth> {
    const healthy = await this.client.isHealthy();
    return healthy ? { status: 'ok' } : { status: 'down', detail: 'Meilisearch is niet bereikbaar' };
  }
}
