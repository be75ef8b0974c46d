import type { SearchDocument } from './document.js';
import type { DocumentSource, EngineHealth, SearchEngine, SearchPolicy, SearchRequest, SearchResult, Viewer } from './port.js';

/**
 * An external engine (Meilisearch) with the Postgres engine behind it: when the primary fails or is unhealthy,
 * searches are answered from Postgres (always current, it lives in the same transactions as the data), the switch
 * is logged, and readiness reports "degraded". Writes never touch the primary directly: the outbox relay does.
 */
export class FallbackSearchEngine implements SearchEngine {
  readonly name: string;
  private primaryDownUntil = 0;

  constructor(
    private readonly primary: SearchEngine,
    private readonly fallback: SearchEngine,
    private readonly log: (message: string, error?: unknown) => void,
    /** After a failure, skip the primary for this long instead of waiting for its timeout on every search. */
    private readonly retryAfterMs = 10_000,
  ) {
    this.name = `${primary.name} (terugval: ${fallback.name})`;
  }

  async search(request: SearchRequest, viewer: Viewer, policy: SearchPolicy): Promise<SearchResult> {
    if (Date.now() >= this.primaryDownUntil) {
      try {
        return await this.primary.search(request, viewer, policy);
      } catch (error) {
        this.primaryDownUntil = Date.now() + this.retryAfterMs;
        this.log(`search engine ${this.primary.name} failed; answering from ${this.fallback.name}`, error);
      }
    }
    return this.fallback.search(request, viewer, policy);
  }

  index(documents: SearchDocument[]): Promise<void> {
    return this.fallback.index(documents);
  }

  remove(ids: string[]): Promise<void> {
    return this.fallback.remove(ids);
  }

  rebuild(source: DocumentSource, progress?: (done: number, total: number) => void) {
    return this.primary.rebuild(source, progress);
  }

  ensureSettings(): Promise<void> {
    return this.primary.ensureSettings();
  }

  async health(): Promise<EngineHealth> {
    const primary = await this.primary.health().catch((error: Error) => ({ status: 'down' as const, detail: error.message }));
    if (primary.status === 'ok') return primary;
    this.primaryDownUntil = Date.now() + this.retryAfterMs;
    return { status: 'degraded', detail: `${this.primary.name}: ${primary.detail ?? primary.status}; zoeken via ${this.fallback.name}` };
  }
}
