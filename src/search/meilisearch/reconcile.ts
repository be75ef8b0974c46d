import { sql } from 'drizzle-orm';
import type { Db } from '../../database/connection.js';
import { loadSearchDocuments } from '../document-source.js';
import { compareVersions, type Drift } from '../reconcile.js';
import { timeState, type TimeRules } from './document.js';
import type { MeilisearchEngine } from './engine.js';

/**
 * Reconciliation of the Meilisearch index with the database: every entry's version and stored time-dependent state
 * (see document.ts) against what the index holds, and with `herstel` the repair (send missing and stale entries,
 * remove documents whose entry is gone). Used by `npm run reconcile`.
 */
export interface ReconcileReport extends Drift {
  database: number;
  index: number;
  hersteld?: { verzonden: number; verwijderd: number };
}

const stand = (versie: number, state: { verificatieGeldig: number; aanwezig: number }) => `${versie}/${state.verificatieGeldig}${state.aanwezig}`;

export async function reconcileIndex(db: Db, engine: MeilisearchEngine, options: TimeRules & { herstel: boolean; now?: Date }): Promise<ReconcileReport> {
  const now = options.now ?? new Date();
  const rows = await db.execute<{ id: string; versie: number; geverifieerd_op: string | null; afwezig_tot: string | null }>(
    sql`SELECT id, versie, geverifieerd_op, afwezig_tot::text FROM professionals`,
  );
  const inDatabase = new Map(
    rows.map((r) => [r.id, stand(r.versie, timeState({ geverifieerdOp: r.geverifieerd_op ? new Date(r.geverifieerd_op) : null, afwezigTot: r.afwezig_tot }, now, options))]),
  );
  const inIndex = new Map<string, string>();
  const index = engine.client.index(engine.indexUid);
  for (let offset = 0; ; offset += 1000) {
    const page = await index.getDocuments<{ id: string; versie: number; verificatieGeldig: number; aanwezig: number }>({
      fields: ['id', 'versie', 'verificatieGeldig', 'aanwezig'],
      limit: 1000,
      offset,
    });
    for (const document of page.results) inIndex.set(document.id, stand(document.versie, document));
    if (page.results.length < 1000) break;
  }
  const drift = compareVersions(inDatabase, inIndex);
  const report: ReconcileReport = { database: inDatabase.size, index: inIndex.size, ...drift };
  if (!options.herstel) return report;
  const toSend = [...drift.ontbreekt, ...drift.verouderd];
  for (let i = 0; i < toSend.length; i += 1000) {
    const { documents, removed } = await loadSearchDocuments(db, toSend.slice(i, i + 1000));
    await engine.index(documents);
    await engine.remove(removed);
  }
  for (let i = 0; i < drift.overbodig.length; i += 1000) await engine.remove(drift.overbodig.slice(i, i + 1000));
  return { ...report, hersteld: { verzonden: toSend.length, verwijderd: drift.overbodig.length } };
}
