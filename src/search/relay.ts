import { repeatUntilStopped } from '../background/repeat.js';
import { sql } from 'drizzle-orm';
import type { Db } from '../database/connection.js';
import { loadSearchDocuments } from './document-source.js';
import type { SearchEngine } from './port.js';
import { timeState, type TimeRules } from './meilisearch/document.js';

/**
 * The outbox relay: moves changes from the database to an external engine (Meilisearch). It claims open outbox rows
 * (`FOR UPDATE SKIP LOCKED`, so two relays never take the same rows), coalesces them per entry, sends the current
 * state of each entry (the engine re-reads it; a deleted entry is removed), and only marks rows done once the engine
 * confirmed the task. Failures are retried with backoff; after too many attempts a row becomes a dead letter.
 */

export interface OutboxRow {
  id: number;
  professionalId: string;
  pogingen: number;
}

/** One engine call per entry, however many changes it had: the relay sends current state, not each change. */
export function coalesce(rows: OutboxRow[]): string[] {
  return [...new Set(rows.map((r) => r.professionalId))];
}

export type Attempt = { action: 'retry'; delayMs: number } | { action: 'dead' };

/** After a failed attempt: wait 1 s, 2 s, 4 s … (at most 5 minutes), or give up after `maxPogingen`. */
export function nextAttempt(pogingen: number, maxPogingen: number): Attempt {
  if (pogingen >= maxPogingen) return { action: 'dead' };
  return { action: 'retry', delayMs: Math.min(1000 * 2 ** (pogingen - 1), 300_000) };
}

export interface RelayOptions {
  batchSize?: number;
  maxPogingen: number;
}

export interface RelayResult {
  claimed: number;
  sent: number;
  failed: number;
  dead: number;
}

export async function relayOnce(db: Db, target: Pick<SearchEngine, 'index' | 'remove'>, options: RelayOptions): Promise<RelayResult> {
  return db.transaction(async (tx) => {
    const claimed = await tx.execute<{ id: number; professional_id: string; pogingen: number }>(sql`
      SELECT id::int, professional_id, pogingen FROM zoekindex_outbox
      WHERE verwerkt_op IS NULL AND dood_op IS NULL AND (volgende_poging_op IS NULL OR volgende_poging_op <= now())
      ORDER BY id LIMIT ${options.batchSize ?? 500}
      FOR UPDATE SKIP LOCKED`);
    if (claimed.length === 0) return { claimed: 0, sent: 0, failed: 0, dead: 0 };
    const rows: OutboxRow[] = claimed.map((r) => ({ id: r.id, professionalId: r.professional_id, pogingen: r.pogingen }));
    // One relay per entry at a time: otherwise an older read could reach the engine after a newer one.
    const ids: string[] = [];
    for (const id of coalesce(rows)) {
      const [lock] = await tx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(hashtext(${`relay:${id}`})) AS ok`);
      if (lock?.ok) ids.push(id);
    }
    const mine = rows.filter((r) => ids.includes(r.professionalId));
    if (mine.length === 0) return { claimed: rows.length, sent: 0, failed: 0, dead: 0 };
    const rowIds = sql.join(mine.map((r) => sql`${r.id}`), sql`, `);
    try {
      const { documents, removed } = await loadSearchDocuments(tx, ids);
      await target.index(documents);
      await target.remove(removed);
      await tx.execute(sql`UPDATE zoekindex_outbox SET verwerkt_op = now(), laatste_fout = NULL WHERE id IN (${rowIds})`);
      return { claimed: rows.length, sent: ids.length, failed: 0, dead: 0 };
    } catch (error) {
      const message = (error as Error).message?.slice(0, 1000) ?? String(error);
      let dead = 0;
      for (const row of mine) {
        const attempt = nextAttempt(row.pogingen + 1, options.maxPogingen);
        if (attempt.action === 'dead') dead++;
        await tx.execute(sql`
          UPDATE zoekindex_outbox SET pogingen = pogingen + 1, laatste_fout = ${message},
            volgende_poging_op = ${attempt.action === 'retry' ? sql`now() + make_interval(secs => ${attempt.delayMs / 1000})` : sql`NULL`},
            dood_op = ${attempt.action === 'dead' ? sql`now()` : sql`NULL`}
          WHERE id = ${row.id}`);
      }
      return { claimed: rows.length, sent: 0, failed: mine.length - dead, dead };
    }
  });
}

export interface OutboxState {
  openstaand: number;
  dood: number;
  oudsteOpenstaand: string | null;
}

export async function outboxState(db: Db): Promise<OutboxState> {
  const [row] = await db.execute<{ openstaand: number; dood: number; oudste: string | null }>(sql`
    SELECT count(*) FILTER (WHERE verwerkt_op IS NULL AND dood_op IS NULL)::int AS openstaand,
           count(*) FILTER (WHERE dood_op IS NOT NULL)::int AS dood,
           min(aangemaakt_op) FILTER (WHERE verwerkt_op IS NULL AND dood_op IS NULL) AS oudste
    FROM zoekindex_outbox`);
  return { openstaand: row?.openstaand ?? 0, dood: row?.dood ?? 0, oudsteOpenstaand: row?.oudste ? new Date(row.oudste).toISOString() : null };
}

/** After a rebuild: changes made since `mark` may have reached only the old index; send them again. */
export async function replayFrom(db: Db, mark: number): Promise<number> {
  const rows = await db.execute(sql`
    UPDATE zoekindex_outbox SET verwerkt_op = NULL, pogingen = 0, volgende_poging_op = NULL, dood_op = NULL
    WHERE id > ${mark} RETURNING id`);
  return rows.length;
}

export async function outboxMark(db: Db): Promise<number> {
  const [row] = await db.execute<{ mark: number }>(sql`SELECT coalesce(max(id), 0)::int AS mark FROM zoekindex_outbox`);
  return row?.mark ?? 0;
}

/**
 * An external index stores "verified" and "present" as of when the document was sent (Meilisearch sorts only on stored
 * values). When one of them flips with time — a verification expires, an absence ends — nothing is written, so this
 * finds the entries whose state changed between `from` and `to` and queues them for the relay. Candidates are read
 * with a few days' margin (PostgreSQL and JavaScript add months differently at the end of a month) and decided with the
 * same function that builds the documents. Returns how many entries were queued.
 */
export async function enqueueTimeFlips(db: Db, from: Date, to: Date, rules: TimeRules): Promise<number> {
  if (to <= from) return 0;
  const candidates = await db.execute<{ id: string; geverifieerd_op: string | null; afwezig_tot: string | null }>(sql`
    SELECT id, geverifieerd_op, afwezig_tot::text FROM professionals
    WHERE (geverifieerd_op + make_interval(months => ${rules.verificatieMaanden}::int)
             BETWEEN ${from.toISOString()}::timestamptz - interval '4 days' AND ${to.toISOString()}::timestamptz + interval '4 days')
       OR (afwezig_tot BETWEEN (${from.toISOString()}::timestamptz - interval '2 days')::date AND (${to.toISOString()}::timestamptz + interval '2 days')::date)`);
  const flipped = candidates
    .filter((row) => {
      const entry = { geverifieerdOp: row.geverifieerd_op ? new Date(row.geverifieerd_op) : null, afwezigTot: row.afwezig_tot };
      const before = timeState(entry, from, rules);
      const after = timeState(entry, to, rules);
      return before.verificatieGeldig !== after.verificatieGeldig || before.aanwezig !== after.aanwezig;
    })
    .map((row) => row.id);
  for (let i = 0; i < flipped.length; i += 1000) {
    const ids = flipped.slice(i, i + 1000);
    await db.execute(sql`INSERT INTO zoekindex_outbox (professional_id) SELECT unnest(${`{${ids.join(',')}}`}::uuid[])`);
  }
  return flipped.length;
}

/** Runs the relay until stopped: drains while there is work, then polls; with `tijd`, also queues time flips. */
export function startRelay(
  db: Db,
  target: Pick<SearchEngine, 'index' | 'remove'>,
  options: RelayOptions & {
    idleMs?: number;
    log: (message: string, error?: unknown) => void;
    /** Queue entries whose stored time-dependent state flipped (see enqueueTimeFlips), every `everyMs`. */
    tijd?: TimeRules & { everyMs?: number; lookBackMs?: number };
  },
) {
  // A relay that was not running missed flips: look back a week at start (reconcile finds anything older).
  let swept = new Date(Date.now() - (options.tijd?.lookBackMs ?? 7 * 24 * 3600 * 1000));
  let nextSweep = 0;
  const sweep = async () => {
    if (!options.tijd || Date.now() < nextSweep) return;
    const now = new Date();
    const queued = await enqueueTimeFlips(db, swept, now, options.tijd);
    if (queued > 0) options.log(`relay: ${queued} entr${queued === 1 ? 'y' : 'ies'} changed with time (verification expired or absence ended); queued`);
    swept = now;
    nextSweep = Date.now() + (options.tijd.everyMs ?? 60_000);
  };
  return repeatUntilStopped(
    async () => {
      await sweep();
      const result = await relayOnce(db, target, options);
      if (result.failed + result.dead > 0) options.log(`relay: ${result.failed} change(s) will be retried, ${result.dead} gave up`);
      // More work may be waiting: go on at once. (Rows held by another relay: wait like when idle.)
      return result.sent > 0 ? 'meer' : undefined;
    },
    { pauseMs: options.idleMs ?? 500, onError: (error) => options.log('relay: database error', error) },
  );
}
