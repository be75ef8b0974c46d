import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../database/connection.js';
import type { SearchDocument } from '../document.js';
import type { Ranking } from './ranking.js';

/**
 * The exact first pages, without ranking every match.
 *
 * 1. Walk: read the first `walk` findable documents in freshness order (bevestigd_op DESC, id — the last two
 *    rules) straight from an index, whatever they contain, and rank the ones that match. Within every bucket of
 *    the earlier rules, the walk holds a prefix of that bucket's freshness order.
 * 2. Catch up: a document beyond the walk that ranks above the walk's k-th best (key κ) must lie in a strictly
 *    better bucket: better on the text rules, or tied on them and better on the entry's properties (verified,
 *    present, level) — when it ties on those too, it is older than κ and loses. Fetch exactly those through the GIN
 *    index, narrowed by the text buckets they must be in (Ranking.narrowingAboveOnText), and rank them together
 *    with the walk's best k.
 *
 * The work is the walk (fixed) plus the documents in buckets above κ's: for a broad query the walk's k-th sits in
 * the best buckets and little is caught up; for a narrow one the walk finds few matches, and the catch-up reads
 * the few there are. The total number of matches does not enter. With `walk: null` the walk reads everything: the
 * exhaustive reference ranking.
 */

export interface PageQuery {
  ranking: Ranking;
  /** Findable for this viewer, as SQL on `d`. */
  visible: SQL;
  /** The request's filters and the text match, as SQL on `d`, for rows read by the walk (no index needed). */
  conditionsInWalk: SQL;
  /** The same, written so the indexes can find them, for the catch-up. */
  conditionsIndexed: SQL;
  /**
   * The text match written for the GIN index, one tsquery (text form) per query word, all of which must match; []
   * without text: what the catch-up asks the index for at least.
   */
  match: string[];
  /**
   * Findable at all (active, confirmed in time: the visibility rule's first part, as SQL on `d`); the walk reads it
   * as an index range of `zoekdocumenten_versheid_idx`.
   */
  findable: SQL;
  offset: number;
  size: number;
  /**
   * Documents read by the walk; null reads them all (the reference); 'matches' ranks every match through the GIN
   * index instead, when the caller knows there are few.
   */
  walk: number | null | 'matches';
}

interface WalkRow extends Record<string, unknown> {
  /** The walk's last document; null when the walk read every findable document. */
  last: { bevestigd: string; id: string } | null;
  top: ({ id: string } & Record<string, number | string>)[];
}

export async function firstPage(db: Db, q: PageQuery): Promise<SearchDocument[]> {
  const { ranking } = q;
  if (q.walk === 'matches') {
    return rankCandidates(db, q, [sql`SELECT d.* FROM zoekdocumenten d WHERE ${q.visible} AND d.professional_id IN (SELECT zoekdocumenten_met_alle(${tsqueries(q.match)})) AND ${q.conditionsInWalk}`]);
  }
  const k = q.offset + q.size;
  const { findable } = q;
  const order = sql`d.bevestigd_op DESC, d.professional_id`;
  // The walk's last document comes from the index alone; the matches among the walked are ranked as they stream by.
  const [walk] = await db.execute<WalkRow>(sql`
    SELECT
      ${q.walk === null ? sql`NULL` : sql`(SELECT json_build_object('bevestigd', d.bevestigd_op::text, 'id', d.professional_id)
        FROM zoekdocumenten d WHERE ${findable} ORDER BY ${order} OFFSET ${q.walk - 1} LIMIT 1)`} AS last,
      (SELECT coalesce(json_agg(r), '[]'::json) FROM (
        SELECT d.professional_id AS id, ${ranking.keyColumns()}
        FROM (SELECT d.* FROM zoekdocumenten d WHERE ${findable} ORDER BY ${order} ${q.walk === null ? sql`` : sql`LIMIT ${q.walk}`}) d
        WHERE ${q.visible} AND ${q.conditionsInWalk}
        ORDER BY ${ranking.orderBy()} LIMIT ${k}) r) AS top`);
  const top = walk?.top ?? [];
  const complete = !walk?.last;
  if (complete && top.length === 0) return [];

  const ids = top.map((r) => sql`${r.id}::uuid`);
  const fromWalk = ids.length > 0 ? sql`d.professional_id IN (${sql.join(ids, sql`, `)})` : sql`false`;
  const parts: SQL[] = [sql`SELECT d.* FROM zoekdocumenten d WHERE ${fromWalk}`];
  if (!complete) {
    const last = walk.last!;
    const beyond = sql`(d.bevestigd_op < ${last.bevestigd}::timestamptz OR (d.bevestigd_op = ${last.bevestigd}::timestamptz AND d.professional_id > ${last.id}::uuid))`;
    // The index is asked for the narrowing and the match together, each word set its own condition: a narrowing on
    // one broad word's field ("a:schuld…") alone can be half the register, while the match may hold a rare word
    // ("tilburg") the index then needs in every candidate (schuldhulp tilburg at a million: 4.4 s). The filters are
    // checked on the few rows it leaves; without any words (no text), the filters' own indexes find them.
    const candidates = (narrowing: string[], condition: SQL) => {
      const words = [...narrowing, ...q.match];
      return sql`
      SELECT d.* FROM zoekdocumenten d
      WHERE ${q.visible} AND ${
        words.length > 0 ? sql`d.professional_id IN (SELECT zoekdocumenten_met_alle(${tsqueries(words)})) AND ${q.conditionsInWalk}` : q.conditionsIndexed
      } AND NOT (${fromWalk}) AND ${condition}`;
    };
    if (top.length < k) {
      // The walk found fewer than k: they are few, read them all.
      parts.push(candidates([], beyond));
    } else {
      const key = Array.from({ length: ranking.rules.length }, (_, i) => Number(top[k - 1]![`k${i}`]));
      const onText = ranking.narrowingAboveOnText(key);
      if (onText !== false) parts.push(candidates(onText, ranking.aboveOnText(key)));
      const ties = ranking.bestOnProperties(key) ? false : ranking.narrowingTiesOnText(key);
      if (ties !== false) parts.push(candidates(ties, sql`${beyond} AND ${ranking.aboveOnProperties(key)}`));
    }
  }
  return rankCandidates(db, q, parts);
}

/** Tsqueries in text form as an SQL array. */
const tsqueries = (words: string[]) => sql`ARRAY[${sql.join(words.map((w) => sql`${w}`), sql`, `)}]::tsquery[]`;

/** The requested page of these candidates (SQL selecting documents `d.*`), by the ranking, with display documents. */
async function rankCandidates(db: Db, q: PageQuery, parts: SQL[]): Promise<SearchDocument[]> {
  const rows = await db.execute<{ document: SearchDocument }>(sql`
    SELECT w.document FROM (
      SELECT d.professional_id, row_number() OVER () AS n FROM (
        SELECT d.* FROM (${sql.join(parts, sql` UNION ALL `)}) d ORDER BY ${q.ranking.orderBy()} LIMIT ${q.size} OFFSET ${q.offset}) d) page
    JOIN zoekdocument_weergave w ON w.professional_id = page.professional_id
    ORDER BY page.n`);
  return rows.map((r) => r.document);
}
