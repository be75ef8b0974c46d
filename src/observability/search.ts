import type { SearchDocument } from '../search/document.js';
import type { DocumentSource, EngineHealth, SearchEngine, SearchPolicy, SearchRequest, SearchResult, Viewer } from '../search/port.js';
import type { Metrics } from './metrics.js';
import { inSpan } from './tracing.js';

/**
 * An engine as it was, plus a span and a latency observation per search, labelled with this engine's own name: put
 * around each real engine (not around the fallback), so a search Meilisearch failed and Postgres answered shows
 * as one error of one engine and one success of the other.
 */
export class ObservedSearchEngine implements SearchEngine {
  readonly name: string;

  constructor(
    private readonly engine: SearchEngine,
    private readonly metrics: Metrics | undefined,
  ) {
    this.name = engine.name;
  }

  async search(request: SearchRequest, viewer: Viewer, policy: SearchPolicy): Promise<SearchResult> {
    const started = performance.now();
    let outcome = 'error';
    try {
      // The query words stay out of the span: they may name a person.
      const result = await inSpan(`search ${this.name}`, { 'search.engine': this.name, 'search.page': request.pagina ?? 1 }, async (span) => {
        const result = await this.engine.search(request, viewer, policy);
        span.setAttributes({ 'search.total': result.totaal, 'search.estimated': result.geschat });
        return result;
      });
      outcome = 'ok';
      return result;
    } finally {
      this.metrics?.searchDuration.observe({ engine: this.name, outcome }, (performance.now() - started) / 1000);
    }
  }

  index(documents: SearchDocument[]): Promise<void> {
    return this.engine.index(documents);
  }

  remove(ids: string[]): Promise<void> {
    return this.engine.remove(ids);
  }

  rebuild(source: DocumentSource, progress?: (done: number, total: number) => void) {
    return this.engine.rebuild(source, progress);
  }

  ensureSettings(): Promise<void> {
    return this.engine.ensureSettings();
  }

  health(): Promise<EngineHealth> {
    return this.engine.health();
  }
}
