import { sql } from 'drizzle-orm';
import type { Status, Zichtbaarheid } from '../../db/schema/index.js';
import type { DbOrTx } from '../database/connection.js';
import { confirmedSince, verifiedSince, type Termijnen } from '../professionals/termijnen.js';
import { findable, holds } from '../professionals/visibility.js';
import { visibilitySql } from '../professionals/visibility-sql.js';
import type { SearchDocument } from '../search/document.js';

/**
 * Coverage's read model (#16 F12: 4–12 s per request at 71,000 entries; ≤ 200 ms at 100,000 now): counts per
 * organisation and domain, kept by the writing transactions, so a request reads a few thousand count rows instead
 * of every entry.
 *
 * Counts are time-dependent (an entry stops being current when its confirmation lapses, with no write), so they are
 * held "as of" two cut-offs in `dekking_peil`. Every write adds its delta under those same cut-offs; a read corrects
 * for the few entries whose confirmation or verification lapsed between the stored cut-offs and now (found through
 * the indexes on bevestigd_op and geverifieerd_op), so the answer is exact at any moment. When the stored cut-offs
 * are more than a day old the counts are rebuilt (about a second at 100,000 entries), which keeps that correction
 * small.
 *
 * Concurrency: a rebuild takes `dekking_tellingen` in EXCLUSIVE mode; a write takes ROW EXCLUSIVE before it reads
 * the cut-offs, so it either finishes before the rebuild reads the entries or reads the rebuild's new cut-offs after
 * it. Deltas are applied in key order, so two writes to one organisation cannot deadlock.
 */

/** Entry facts coverage counts by. */
interface CoverageFacts {
  professional_id: string;
  organisatie_code: string;
  expertise_pad: string[];
  status: Status;
  zichtbaarheid: Zichtbaarheid;
  bevestigd_op: string;
  geverifieerd_op: string | null;
}

export interface Cutoffs {
  bevestigdSinds: Date;
  geverifieerdSinds: Date;
}

/** The organisation as a whole, beside its domains. */
export const TOTAL = '';

/** Rebuilt when the stored cut-offs are older than this. */
const REBUILD_AFTER_MS = 24 * 3600 * 1000;

export const cutoffsAt = (termijnen: Pick<Termijnen, 'bevestigingMaanden' | 'verificatieMaanden'>, now: Date): Cutoffs => ({
  bevestigdSinds: confirmedSince(termijnen, now),
  geverifieerdSinds: verifiedSince(termijnen, now),
});

/** What one entry adds under these cut-offs: current (the one visibility rule's "findable", whoever looks), and verified. */
function contribution(entry: CoverageFacts, cutoffs: Cutoffs): { actueel: number; geverifieerd: number } {
  // The one rule's "findable", at the cut-off itself (a period of 0 months before it).
  const current = holds(
    findable({ bevestigingMaanden: 0 }, cutoffs.bevestigdSinds),
    { status: entry.status, bevestigdOp: new Date(entry.bevestigd_op), zichtbaarheid: entry.zichtbaarheid, organisatieCode: entry.organisatie_code },
  );
  const verified = current && entry.geverifieerd_op !== null && new Date(entry.geverifieerd_op) > cutoffs.geverifieerdSinds;
  return { actueel: current ? 1 : 0, geverifieerd: verified ? 1 : 0 };
}

type Deltas = Map<string, { organisatie: string; code: string; actueel: number; geverifieerd: number }>;

function addTo(deltas: Deltas, entry: CoverageFacts, cutoffs: Cutoffs, sign: 1 | -1) {
  const { actueel, geverifieerd } = contribution(entry, cutoffs);
  if (actueel === 0) return;
  for (const code of [TOTAL, ...new Set(entry.expertise_pad)]) {
    const key = `${entry.organisatie_code}\u0000${code}`;
    const row = deltas.get(key) ?? { organisatie: entry.organisatie_code, code, actueel: 0, geverifieerd: 0 };
    row.actueel += sign * actueel;
    row.geverifieerd += sign * geverifieerd;
    deltas.set(key, row);
  }
}

async function storedCutoffs(db: DbOrTx): Promise<(Cutoffs & { berekendOp: Date }) | undefined> {
  const [row] = await db.execute<{ bevestigd_sinds: string; geverifieerd_sinds: string; berekend_op: string }>(sql`SELECT bevestigd_sinds, geverifieerd_sinds, berekend_op FROM dekking_peil`);
  return row && { bevestigdSinds: new Date(row.bevestigd_sinds), geverifieerdSinds: new Date(row.geverifieerd_sinds), berekendOp: new Date(row.berekend_op) };
}

const factsOf = (d: SearchDocument): CoverageFacts => ({
  professional_id: d.id,
  organisatie_code: d.organisatie.code,
  expertise_pad: d.expertisePad,
  status: d.status,
  zichtbaarheid: d.zichtbaarheid,
  bevestigd_op: d.bevestigdOp,
  geverifieerd_op: d.geverifieerdOp,
});

/**
 * In the transaction of every change (with the search documents, search/postgres/documents.ts): these entries now
 * read as `documents`; `removed` no longer exist.
 */
export async function recordCoverageEntries(db: DbOrTx, documents: SearchDocument[], removed: string[]): Promise<void> {
  if (documents.length + removed.length === 0) return;
  // Inside the caller's transaction (a savepoint there); a caller without one (an engine's refresh) gets its own.
  await db.transaction((tx) => recordInTransaction(tx, documents, removed));
}

async function recordInTransaction(db: DbOrTx, documents: SearchDocument[], removed: string[]): Promise<void> {
  const ids = [...documents.map((d) => d.id), ...removed];
  await db.execute(sql`LOCK TABLE dekking_tellingen IN ROW EXCLUSIVE MODE`);
  const cutoffs = await storedCutoffs(db);
  // Array parameters: one statement text for every batch size (the driver prepares and keeps each distinct text).
  const idList = sql`${sql.param(ids)}::uuid[]`;
  const before = await db.execute<CoverageFacts & Record<string, unknown>>(sql`
    SELECT professional_id, organisatie_code, expertise_pad, status, zichtbaarheid, bevestigd_op, geverifieerd_op
    FROM dekking_vermeldingen WHERE professional_id = ANY(${idList}) ORDER BY professional_id FOR UPDATE`);
  const after = documents.map(factsOf);
  if (removed.length > 0) await db.execute(sql`DELETE FROM dekking_vermeldingen WHERE professional_id = ANY(${sql.param(removed)}::uuid[])`);
  if (after.length > 0) {
    await db.execute(sql`
      INSERT INTO dekking_vermeldingen (professional_id, organisatie_code, expertise_pad, status, zichtbaarheid, bevestigd_op, geverifieerd_op)
      SELECT v.professional_id, v.organisatie_code, ARRAY(SELECT jsonb_array_elements_text(v.expertise_pad)), v.status::status, v.zichtbaarheid::zichtbaarheid, v.bevestigd_op, v.geverifieerd_op
      FROM jsonb_to_recordset(${JSON.stringify(after)}::jsonb) AS v(professional_id uuid, organisatie_code text, expertise_pad jsonb, status text, zichtbaarheid text, bevestigd_op timestamptz, geverifieerd_op timestamptz)
      ON CONFLICT (professional_id) DO UPDATE SET organisatie_code = excluded.organisatie_code, expertise_pad = excluded.expertise_pad, status = excluded.status,
        zichtbaarheid = excluded.zichtbaarheid, bevestigd_op = excluded.bevestigd_op, geverifieerd_op = excluded.geverifieerd_op`);
  }
  if (!cutoffs) return; // not built yet: the first read counts everything
  const deltas: Deltas = new Map();
  for (const entry of before) addTo(deltas, entry, cutoffs, -1);
  for (const entry of after) addTo(deltas, entry, cutoffs, 1);
  const changed = [...deltas.values()].filter((d) => d.actueel !== 0 || d.geverifieerd !== 0);
  if (changed.length === 0) return;
  await db.execute(sql`
    INSERT INTO dekking_tellingen (organisatie_code, expertisegebied_code, actueel, geverifieerd)
    SELECT v.organisatie, v.code, v.actueel, v.geverifieerd
    FROM jsonb_to_recordset(${JSON.stringify(changed)}::jsonb) AS v(organisatie text, code text, actueel int, geverifieerd int)
    ORDER BY v.organisatie, v.code
    ON CONFLICT (organisatie_code, expertisegebied_code) DO UPDATE SET
      actueel = dekking_tellingen.actueel + excluded.actueel, geverifieerd = dekking_tellingen.geverifieerd + excluded.geverifieerd,
      versie = nextval('dekking_versie')`);
}

/** Counts everything afresh under the cut-offs of `now`. */
export async function rebuildCoverage(db: DbOrTx, termijnen: Termijnen, now: Date): Promise<void> {
  const cutoffs = cutoffsAt(termijnen, now);
  await db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE dekking_tellingen IN EXCLUSIVE MODE`);
    const current = visibilitySql(findable(termijnen, now), 'v');
    const verified = sql`coalesce(v.geverifieerd_op > ${cutoffs.geverifieerdSinds.toISOString()}::timestamptz, false)`;
    await tx.execute(sql`DELETE FROM dekking_tellingen`);
    await tx.execute(sql`
      INSERT INTO dekking_tellingen (organisatie_code, expertisegebied_code, actueel, geverifieerd)
      SELECT v.organisatie_code, k.code, count(*)::int, count(*) FILTER (WHERE ${verified})::int
      FROM dekking_vermeldingen v, LATERAL (SELECT ${TOTAL}::text AS code UNION SELECT unnest(v.expertise_pad)) k
      WHERE ${current}
      GROUP BY v.organisatie_code, k.code`);
    await tx.execute(sql`
      INSERT INTO dekking_peil (id, bevestigd_sinds, geverifieerd_sinds, berekend_op)
      VALUES (true, ${cutoffs.bevestigdSinds.toISOString()}::timestamptz, ${cutoffs.geverifieerdSinds.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
      ON CONFLICT (id) DO UPDATE SET bevestigd_sinds = excluded.bevestigd_sinds, geverifieerd_sinds = excluded.geverifieerd_sinds, berekend_op = excluded.berekend_op`);
  });
}

export interface CoverageCount {
  organisatieCode: string;
  expertisegebiedCode: string;
  actueel: number;
  geverifieerd: number;
}

interface Snapshot {
  peil: { bevestigd_sinds: string; geverifieerd_sinds: string; berekend_op: string } | null;
  counts: [string, string, number, number][] | null;
  lapsed: CoverageFacts[] | null;
}

/**
 * The stored cut-offs, the counts and the entries that lapsed since, in one statement: one snapshot (a rebuild
 * committing in between cannot mix old counts with new cut-offs) and one round trip. JSON text rather than
 * thousands of rows: the driver parses rows one by one, JSON.parse all at once.
 */
async function snapshot(db: DbOrTx, wanted: Cutoffs, totalsOnly: boolean): Promise<Snapshot> {
  const [row] = await db.execute<{ snapshot: string }>(sql`
    SELECT json_build_object(
      'peil', (SELECT row_to_json(p) FROM dekking_peil p),
      'counts', (SELECT json_agg(json_build_array(organisatie_code, expertisegebied_code, actueel, geverifieerd)) FROM dekking_tellingen
                 WHERE (actueel <> 0 OR geverifieerd <> 0) ${totalsOnly ? sql`AND expertisegebied_code = ${TOTAL}` : sql``}),
      'lapsed', (SELECT json_agg(v) FROM dekking_vermeldingen v, dekking_peil p
                 WHERE v.status = 'actief' AND (
                   (v.bevestigd_op > p.bevestigd_sinds AND v.bevestigd_op <= ${wanted.bevestigdSinds.toISOString()}::timestamptz)
                   OR (v.geverifieerd_op > p.geverifieerd_sinds AND v.geverifieerd_op <= ${wanted.geverifieerdSinds.toISOString()}::timestamptz)))
    )::text AS snapshot`);
  return JSON.parse(row!.snapshot) as Snapshot;
}

/**
 * The counts at `now`, exact: the stored counts, corrected for what lapsed since their cut-offs. `totalsOnly`: only
 * the organisations as a whole (the /inzichten page), a twentieth of the rows.
 */
export async function coverageCounts(db: DbOrTx, termijnen: Termijnen, now: Date, totalsOnly = false): Promise<CoverageCount[]> {
  const wanted = cutoffsAt(termijnen, now);
  let read = await snapshot(db, wanted, totalsOnly);
  const stale = (peil: Snapshot['peil']) =>
    !peil ||
    // Cut-offs that went back (a longer period configured) would need additions the correction does not make.
    new Date(peil.bevestigd_sinds) > wanted.bevestigdSinds ||
    new Date(peil.geverifieerd_sinds) > wanted.geverifieerdSinds ||
    now.getTime() - new Date(peil.berekend_op).getTime() > REBUILD_AFTER_MS;
  if (stale(read.peil)) {
    // One process rebuilds; the others wait for it and then read its counts.
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('dekking_tellingen'))`);
      const again = await storedCutoffs(tx);
      const fresh = again && { bevestigd_sinds: again.bevestigdSinds.toISOString(), geverifieerd_sinds: again.geverifieerdSinds.toISOString(), berekend_op: again.berekendOp.toISOString() };
      if (stale(fresh ?? null)) await rebuildCoverage(tx, termijnen, now);
    });
    read = await snapshot(db, wanted, totalsOnly);
  }
  const stored: Cutoffs = { bevestigdSinds: new Date(read.peil!.bevestigd_sinds), geverifieerdSinds: new Date(read.peil!.geverifieerd_sinds) };
  const deltas: Deltas = new Map();
  for (const entry of read.lapsed ?? []) {
    addTo(deltas, entry, stored, -1);
    addTo(deltas, entry, wanted, 1);
  }
  return (read.counts ?? []).map(([organisatieCode, expertisegebiedCode, actueel, geverifieerd]) => {
    const delta = deltas.get(`${organisatieCode}\u0000${expertisegebiedCode}`);
    return { organisatieCode, expertisegebiedCode, actueel: actueel + (delta?.actueel ?? 0), geverifieerd: geverifieerd + (delta?.geverifieerd ?? 0) };
  });
}
