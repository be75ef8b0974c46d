import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../database/connection.js';
import type { SearchDocument } from '../document.js';
import type { Ranking } from './ranking.js';

/**
 * The exact first pages, without ranking every match.
 *
 * 1. Walk: read the first `walk` findable documents in freshness order (bevestigd_op DESC, id — the last two rules)
 *    straight from an index, whatever they contain, and rank the ones that match. Because the walk is a prefix of
 *    the freshness order, any document beyond it that ranks above the walk's k-th best must beat that one on a rule
 *    before freshness: it lies in a strictly better bucket.
 * 2. Catch up: fetch exactly those — every match beyond the walk whose rule values are strictly above the k-th's —
 *    through the GIN index, narrowed by the text buckets they must be in (Ranking.narrowingAbove), and rank them
 *    together with the walk's best k.
 *
 * The work is the walk (fixed) plus the documents that beat the walk's k-th: for a broad query the walk finds its
 * page in the best buckets and little or nothing is caught up; for a narrow one the walk finds few matches and the
 * catch-up reads the few there are. Nothing depends on how many documents match in total.
 * With `walk: null` the walk reads everything: the exhaustive reference ranking.
 */

export interface PageQuery {
  ranking: Ranking;
  /** Findable for this viewer, as SQL on `d` (status and confirmation are applied by the walk's index range). */
  visible: SQL;
  /** The request's filters and the text match, as SQL on `d`, for rows read by the walk (no index needed). */
  conditionsInWalk: SQL;
  /** The same, written so the indexes can find them, for the catch-up; '' text narrowing adds nothing. */
  conditionsIndexed: SQL;
  /** The confirmation horizon: documents confirmed before it are not findable. */
  confirmedSince: SQL;
  offset: number;
  size: number;
  /** Documents read by the walk; null reads them all (the reference). */
  walk: number | null;
}

interface WalkRow extends Record<string, unknown> {
  walked: number;
  last: { bevestigd: string; id: string } | null;
  top: ({ id: string } & Record<string, number | string>)[];
}

export async function firstPage(db: Db, q: PageQuery): Promise<SearchDocument[]> {
  const k = q.offset + q.size;
  const keyCount = q.ranking.rules.length;
  const [walk] = await db.execute<WalkRow>(sql`
    WITH walk AS MATERIALIZED (
      SELECT d.* FROM zoekdocumenten d
      WHERE d.status = 'actief' AND d.bevestigd_op > ${q.confirmedSince}
      ORDER BY d.bevestigd_op DESC, d.professional_id ${q.walk === null ? sql`` : sql`LIMIT ${q.walk}`})
    SELECT (SELECT count(*)::int FROM walk) AS walked,
      (SELECT json_build_object('bevestigd', w.bevestigd_op::text, 'id', w.professional_id) FROM walk w
        ORDER BY w.bevestigd_op, w.professional_id DESC LIMIT 1) AS last,
      (SELECT coalesce(json_agg(r), '[]'::json) FROM (
        SELECT d.professional_id AS id, ${q.ranking.keyColumns()} FROM walk d
        WHERE ${q.visible} AND ${q.conditionsInWalk}
        ORDER BY ${q.ranking.orderBy()} LIMIT ${k}) r) AS top`);
  const top = walk?.top ?? [];
  const everything = q.walk === null || (walk?.walked ?? 0) < q.walk || !walk?.last;

  let candidates: SQL;
  const fromWalk = top.length > 0 ? sql`d.professional_id IN (${sql.join(top.map((r) => sql`${r.id}::uuid`), sql`, `)})` : sql`false`;
  if (everything) {
    candidates = sql`SELECT d.* FROM zoekdocumenten d WHERE ${fromWalk}`;
  } else {
    const last = walk.last!;
    const beyond = sql`(d.bevestigd_op < ${last.bevestigd}::timestamptz OR (d.bevestigd_op = ${last.bevestigd}::timestamptz AND d.professional_id > ${last.id}::uuid))`;
    let better = sql`true`;
    let narrowing = '';
    if (top.length >= k) {
      const key = Array.from({ length: keyCount }, (_, i) => Number(top[k - 1]![`k${i}`]));
      better = q.ranking.above(key);
      narrowing = q.ranking.narrowingAbove(key);
    }
    candidates = sql`
      SELECT d.* FROM zoekdocumenten d WHERE ${fromWalk}
      UNION ALL
      SELECT d.* FROM zoekdocumenten d
      WHERE d.status = 'actief' AND d.bevestigd_op > ${q.confirmedSince} AND ${q.visible} AND ${q.conditionsIndexed}
        AND ${narrowing ? sql`d.vector @@ ${narrowing}::tsquery` : sql`true`} AND ${beyond} AND ${better}`;
  }
  if (q.offset >= k || top.length === 0 && everything) return [];
  const rows = await db.execute<{ document: SearchDocument }>(sql`
    SELECT w.document FROM (
      SELECT d.professional_id, row_number() OVER () AS n FROM (
        SELECT d.* FROM (${candidates}) d ORDER BY ${q.ranking.orderBy()} LIMIT ${q.size} OFFSET ${q.offset}) d) page
    JOIN zoekdocument_weergave w ON w.professional_id = page.professional_id
    ORDER BY page.n`);
  return rows.map((r) => r.document);
}
