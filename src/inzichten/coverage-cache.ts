import { sql } from 'drizzle-orm';
import type { Db } from '../database/connection.js';
import type { Cutoffs } from './coverage-read-model.js';

/**
 * The last full coverage report per database, reused while nothing it depends on changed (#16 F12: eight
 * coordinators asking at once each had the report computed, 0.5–0.8 s on two cores at 100,000 entries).
 *
 * Exact, not "a minute old": every request first reads, in one statement of a few milliseconds, what the report
 * depends on — the count rows' version numbers (coverage-read-model.ts keeps them), digests of the organisations
 * and the taxonomy, the read model's cut-offs — and whether any entry's confirmation or verification lapsed
 * between the cached report's moment and now (counts change with time, without a write). Any difference computes
 * the report again; callers that arrive while it is computed share that one computation. Every node checks the
 * database itself, so a change made through another node is seen at once too.
 */

interface Cached<T> {
  state: string;
  /** The moment's cut-offs the report is known to hold for; moved on when nothing lapsed in between. */
  holdsUntil: Cutoffs;
  report: Promise<T>;
  json?: string;
}

const caches = new WeakMap<Db, Cached<unknown>>();

interface State {
  state: string;
  lapsed: boolean;
}

async function readState(db: Db, since: Cutoffs, wanted: Cutoffs): Promise<State> {
  const [row] = await db.execute<{ state: string; lapsed: boolean }>(sql`
    SELECT concat_ws('|',
        (SELECT concat_ws(':', count(*), coalesce(sum(versie), 0), coalesce(max(versie), 0)) FROM dekking_tellingen),
        (SELECT md5(string_agg(row(o.*)::text, ',' ORDER BY o.code)) FROM organisaties o),
        (SELECT md5(string_agg(row(e.*)::text, ',' ORDER BY e.code)) FROM expertisegebieden e),
        (SELECT row(p.*)::text FROM dekking_peil p)) AS state,
      EXISTS (SELECT 1 FROM dekking_vermeldingen v
              WHERE (v.bevestigd_op > ${since.bevestigdSinds.toISOString()}::timestamptz AND v.bevestigd_op <= ${wanted.bevestigdSinds.toISOString()}::timestamptz)
                 OR (v.geverifieerd_op > ${since.geverifieerdSinds.toISOString()}::timestamptz AND v.geverifieerd_op <= ${wanted.geverifieerdSinds.toISOString()}::timestamptz)) AS lapsed`);
  return { state: row!.state, lapsed: row!.lapsed };
}

/** Cut-offs move with time in step (both are "now minus a period"), so one comparison orders two moments. */
const isBefore = (a: Cutoffs, b: Cutoffs) => a.bevestigdSinds < b.bevestigdSinds || (a.bevestigdSinds.getTime() === b.bevestigdSinds.getTime() && a.geverifieerdSinds < b.geverifieerdSinds);

/** Whether the cached report holds at the moment of `wanted` as well: same state, and nothing lapsed in between. */
async function holdsAt<T>(db: Db, entry: Cached<T> | undefined, wanted: Cutoffs): Promise<{ holds: boolean; state: string }> {
  const [from, to] = entry && isBefore(entry.holdsUntil, wanted) ? [entry.holdsUntil, wanted] : [wanted, entry?.holdsUntil ?? wanted];
  const { state, lapsed } = await readState(db, from, to);
  return { holds: entry !== undefined && entry.state === state && !lapsed, state };
}

/**
 * The report for the moment of `wanted`: the cached one when it still holds, else `compute()`'s. `json()` gives it
 * serialised, once per computed report.
 */
export async function cachedCoverage<T>(db: Db, wanted: Cutoffs, compute: () => Promise<T>): Promise<{ report: T; json: () => string }> {
  let checked = caches.get(db) as Cached<T> | undefined;
  let check = await holdsAt(db, checked, wanted);
  let entry = caches.get(db) as Cached<T> | undefined;
  // Another caller replaced the report while this one checked (several arriving at once): check against that one.
  if (entry !== checked && entry?.state === check.state) {
    checked = entry;
    check = await holdsAt(db, checked, wanted);
  }
  entry = caches.get(db) as Cached<T> | undefined;
  if (entry && entry === checked && check.holds) {
    if (isBefore(entry.holdsUntil, wanted)) entry.holdsUntil = wanted;
  } else {
    const fresh: Cached<T> = { state: check.state, holdsUntil: wanted, report: compute() };
    entry = fresh;
    caches.set(db, fresh);
    // A failed computation is not kept: the next caller tries again.
    fresh.report.catch(() => {
      if (caches.get(db) === fresh) caches.delete(db);
    });
  }
  const kept = entry;
  const report = await kept.report;
  return { report, json: () => (kept.json ??= JSON.stringify(report)) };
}
