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
 * Matches a sample needs before its estimate is good enough to show: about 6 % relative error (1/√300). A window
 * is read until it holds `window` matches or this many, whichever is fewer; reading on to a full window of 1,000
 * would halve the error at three times the work, for a number the page shows as "ongeveer".
 */
export const settledSample = 300;

/** A window read from `slice` with `rows` matches (at most window + 1) needs no second read. */
export function settled(windowSize: number, slice: number, rows: number): boolean {
  return slice >= 1 || rows > windowSize || rows >= Math.min(windowSize, settledSample);
}

/**
 * The most documents a second read of a window checks (about 30 ms on a 2-core machine): a query matching 1 % of
 * a large register is then estimated from about 80 matches (11 % error) rather than read on to 300 at any cost.
 */
export const sliceBudget = 8000;

/**
 * The part of the steekproef range a window reads first. With few possible matches (`matchBound`, an upper bound
 * from the lexeme counts: at most a window, or cheaper to read through the indexes than the budget) all of it; without filters the bound also says how sparse the matches are, so the first
 * read can be sized to hold 1.5 times the sample needed (within 1,000 documents and `sliceBudget`); otherwise
 * three windows' worth of documents, which settles any query matching a tenth of the register.
 */
export function firstSlice(windowSize: number, documents: number, matchBound: number, filtered: boolean): number {
  // Reading every possible match through the indexes costs at most four units each (see nextSlice).
  if (matchBound <= windowSize || 4 * matchBound <= sliceBudget) return 1;
  const n = Math.max(documents, 1);
  if (filtered || !Number.isFinite(matchBound)) return Math.min(1, (3 * windowSize) / n);
  const wanted = (1.5 * Math.min(windowSize + 1, settledSample) * n) / matchBound;
  return Math.min(1, Math.max(1000, Math.min(wanted, sliceBudget)) / n);
}

/**
 * How much of the steekproef range to read after a first slice found too few matches (`rows`, see `settled`).
 *
 * Two ways to find enough: read a slice of the steekproef order that should hold twice the sample needed
 * (`aim` = 2 · min(window + 1, settledSample) matches, so one more read almost always settles it: aim/selectivity
 * documents, each checked, at most `sliceBudget`), or read every match through the indexes and rank them all: about
 * four times the work per match (measured at a million entries), plus one unit per document the text index yields
 * (`indexRows`, an upper bound from the lexeme counts): a broad word under narrow filters yields many documents for
 * few matches. The second is the only sensible one when the first slice found too few to extrapolate from.
 */
export function nextSlice(windowSize: number, slice: number, rows: number, documents: number, indexRows = 0): number {
  if (rows < 20) return 1;
  const aim = 2 * Math.min(windowSize + 1, settledSample);
  const matches = rows / slice;
  const sliceDocuments = Math.min((aim * documents) / matches, sliceBudget);
  if (4 * matches + Math.min(indexRows, documents) <= sliceDocuments) return 1;
  return Math.min(1, Math.max(slice, sliceDocuments / documents));
}

/**
 * How many results can be paged through: all of them when counted exactly; with an estimate, the first `window`
 * (as Meilisearch's maxTotalHits: past the first `window`, a user should narrow the query rather than page on).
 */
export function browsable(windowSize: number, estimate: Estimate): number {
  return estimate.geschat ? Math.min(estimate.totaal, windowSize) : estimate.totaal;
}
