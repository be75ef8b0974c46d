/**
 * Estimated counts, reused for a short while.
 *
 * Past the window, a query's total and facet counts are estimates from a sample (window.ts) with an error of a few
 * per cent, and reading that sample is about half of a broad query's work. Within a minute, the register changes
 * far less than that error, so the next request for the same words, filters and viewer reuses the estimate; its
 * page is still ranked afresh and exactly (first-page.ts). Exact counts (at most a window of matches) are never
 * reused: they must agree with the page beside them. As-you-type prefixes and popular words repeat across users,
 * which is where this saves most.
 */
export class EstimateReuse<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  get(key: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, now = Date.now()): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { value, at: now });
    // The oldest first: a Map iterates in insertion order.
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
