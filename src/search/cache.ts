import type { SearchDocument } from './document.js';
import { sql } from 'drizzle-orm';
import type { Db } from '../database/connection.js';
import { beyondEveryone } from '../professionals/visibility.js';
import { visibilitySql } from '../professionals/visibility-sql.js';
import type { DocumentSource, EngineHealth, SearchEngine, SearchPolicy, SearchRequest, SearchResult, Viewer } from './port.js';

/**
 * A result cache in front of an engine, safe with any number of nodes: every change that affects search writes an
 * outbox row (same transaction), so the highest outbox id is a register-wide version. It is part of the cache key:
 * after any change, anywhere, the next search computes afresh. A short lifetime bounds what time alone changes
 * (an entry's confirmation expiring, an absence ending).
 *
 * Most viewers see exactly the public entries (their organisation has no `eigen-organisatie` or `pmm` entries, and
 * they are not the PMM desk); they share one cache entry per query. Others get a key of their own.
 */

interface Cached {
  result: SearchResult;
  expires: number;
}

export interface SearchCacheOptions {
  maxEntries: number;
  ttlMs: number;
}

export class CachedSearchEngine implements SearchEngine {
  readonly name: string;
  private readonly entries = new Map<string, Cached>();
  private readonly inFlight = new Map<string, Promise<SearchResult>>();
  hits = 0;
  misses = 0;
  /** Requests that waited for the same search already running. */
  coalesced = 0;

  constructor(
    private readonly engine: SearchEngine,
    private readonly db: Db,
    private readonly options: SearchCacheOptions,
  ) {
    this.name = engine.name;
  }

  /**
   * The register's search version and whether this viewer sees more than the public entries (by the visibility
   * rule; the PMM desk always does): one round trip.
   */
  private async state(viewer: Viewer): Promise<{ version: string; personal: boolean }> {
    const [row] = await this.db.execute<{ version: string | null; restricted: boolean }>(sql`
      SELECT (SELECT max(id) FROM zoekindex_outbox)::text AS version,
             EXISTS (SELECT 1 FROM zoekdocumenten d WHERE ${visibilitySql(beyondEveryone(viewer), 'd')}) AS restricted`);
    return { version: row?.version ?? '0', personal: viewer.pmm || (row?.restricted ?? true) };
  }

  async search(request: SearchRequest, viewer: Viewer, policy: SearchPolicy): Promise<SearchResult> {
    const { version, personal } = await this.state(viewer);
    const audience = personal ? `${viewer.organisatie}|${viewer.pmm}` : 'openbaar';
    const key = JSON.stringify([version, audience, policy.bevestigingMaanden, policy.verificatieMaanden, request]);
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && cached.expires > now) {
      this.hits++;
      // Refresh its place in the LRU order.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.result;
    }
    // Many users typing the same popular word at once wait for one search rather than each running their own.
    const running = this.inFlight.get(key);
    if (running) {
      this.coalesced++;
      return running;
    }
    this.misses++;
    // A public audience is computed as a viewer from no organisation: the same entries, shareable.
    const computing = this.engine.search(request, personal ? viewer : { organisatie: '', pmm: false }, policy);
    this.inFlight.set(key, computing);
    try {
      const result = await computing;
      this.entries.set(key, { result, expires: now + this.options.ttlMs });
      while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      return result;
    } finally {
      this.inFlight.delete(key);
    }
  }

  index(documents: SearchDocument[]): Promise<void> {
    return this.engine.index(documents);
  }

  remove(ids: string[]): Promise<void> {
    return this.engine.remove(ids);
  }

  rebuild(source: DocumentSource, progress?: (done: number, total: number) => void) {
    this.entries.clear();
    return this.engine.rebuild(source, progress);
  }

  ensureSettings(): Promise<void> {
    return this.engine.ensureSettings();
  }

  health(): Promise<EngineHealth> {
    return this.engine.health();
  }
}
