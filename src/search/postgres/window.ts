/**
 * Bounded work for the counts of a query: totals and facets (the page itself is ranked exactly, first-page.ts).
 * Every document carries `steekproef`, a number spread uniformly over (0, 1] and fixed by its id. The engine reads the matches of a query in that order and stops after `window + 1`: a uniform random sample.
 *
 * - At most `window` matches: the sample is every match; totals and facets are exact.
 * - More: the (window + 1)-th smallest value, the cutoff, estimates how many there are (the k-minimum-values
 *   estimator: (k − 1) / u_k, unbiased, relative error about 1/√window — 3 % at 1,000), and a facet value seen c times
 *   among the `window` values below the cutoff stands for about c / cutoff matches.
 *
 * So a query that matches half of a million entries costs about what it costs at ten thousand. Pure functions:
 * the SQL that reads the sample is in engine.ts.
 */

export interface WindowCount {
  /** Rows read from the window: at most window + 1. */
  rows: number;
  /** `steekproef` of row window + 1 when the window overflowed, else null. */
  cutoff: number | null;
  /** The part of the steekproef range the window was read from: 1 is all of it. */
  slice: number;
}

export interface Estimate {
  totaal: number;
  geschat: boolean;
}

/**
 * The total, exactly when the window held every match; else estimated from the cutoff (window overflowed) or from
 * the share of the range that was read (window not full, but only part of the range read).
 */
export function estimateTotal(windowSize: number, count: WindowCount): Estimate {
  if (count.rows > windowSize && count.cutoff !== null) {
    // Never report fewer than were actually seen.
    return { totaal: Math.max(windowSize, Math.round(windowSize / count.cutoff)), geschat: true };
  }
  if (count.slice < 1) return { totaal: Math.round(count.rows / count.slice), geschat: true };
  return { totaal: count.rows, geschat: false };
}

/** A facet value's count among the sampled rows (those below the cutoff), as an estimate for all matches. */
export function scaleCount(count: number, cutoff: number | null, slice: number): number {
  if (cutoff !== null) return Math.max(count, Math.round(count / cutoff));
  if (slice < 1) return Math.round(count / slice);
  return count;
}

/**
 * How much of the steekproef range to read after a first slice found `rows` (≤ window) matches.
 *
 * Two ways to find a window's worth: read a slice of the steekproef order that should hold twice the window
 * (2·window/selectivity documents, each checked), or read every match through the indexes and rank them all (about
 * four times the work per match, measured at a million entries). The second is cheaper while
 * matches < √(window·documents / 2) — 22,000 of a million — and is the only sensible one when the first slice found
 * too few to extrapolate from.
 */
export function nextSlice(windowSize: number, slice: number, rows: number, documents: number): number {
  if (rows < 20) return 1;
  const matches = rows / slice;
  if (matches * matches <= ((windowSize + 1) * documents) / 2) return 1;
  return Math.min(1, (2 * (windowSize + 1) * slice) / rows);
}

/**
 * How many results can be paged through: all of them when counted exactly; with an estimate, the first `window`
 * (as Meilisearch's maxTotalHits: past the first `window`, a user should narrow the query rather than page on).
 */
export function browsable(windowSize: number, estimate: Estimate): number {
  return estimate.geschat ? Math.min(estimate.totaal, windowSize) : estimate.totaal;
}
