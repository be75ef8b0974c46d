import { sql } from 'drizzle-orm';
import { MeilisearchEngine } from '../src/search/meilisearch/engine.js';
import { compareVersions } from '../src/search/reconcile.js';
import { parseCommandArgs, runCommand } from './lib/command.js';

/**
 * Compares ids and versions between the database and the Meilisearch index, reports drift, and repairs it with
 * --herstel (sends missing and stale entries, removes documents whose entry is gone). Exit code 1 when drift remains.
 */
await runCommand({ usage: 'npm run reconcile [-- --herstel]' }, async ({ config, database, log, out }) => {
  const { values } = parseCommandArgs({ herstel: { type: 'boolean', default: false } });
  if (!config.meilisearch) throw new Error('MEILI_URL is not set: the Postgres engine needs no reconciliation (it is updated in the same transaction)');
  const engine = new MeilisearchEngine(database.db, config.meilisearch);
  const rows = await database.db.execute<{ id: string; versie: number }>(sql`SELECT id, versie FROM professionals`);
  const inDatabase = new Map(rows.map((r) => [r.id, r.versie]));
  const inIndex = new Map<string, number>();
  const index = engine.client.index(config.meilisearch.index);
  for (let offset = 0; ; offset += 1000) {
    const page = await index.getDocuments<{ id: string; versie: number }>({ fields: ['id', 'versie'], limit: 1000, offset });
    for (const document of page.results) inIndex.set(document.id, document.versie);
    if (page.results.length < 1000) break;
  }
  const drift = compareVersions(inDatabase, inIndex);
  out(JSON.stringify({ database: inDatabase.size, index: inIndex.size, ontbreekt: drift.ontbreekt.length, overbodig: drift.overbodig.length, verouderd: drift.verouderd.length }));
  const total = drift.ontbreekt.length + drift.overbodig.length + drift.verouderd.length;
  if (total === 0) {
    log('no drift: the index matches the database');
    return;
  }
  if (!values.herstel) {
    log(`drift: ${drift.ontbreekt.length} missing, ${drift.overbodig.length} superfluous, ${drift.verouderd.length} stale; run with --herstel to repair`);
    return 1;
  }
  const toSend = [...drift.ontbreekt, ...drift.verouderd];
  for (let i = 0; i < toSend.length; i += 1000) await engine.upsert(toSend.slice(i, i + 1000));
  for (let i = 0; i < drift.overbodig.length; i += 1000) await engine.remove(drift.overbodig.slice(i, i + 1000));
  log(`repaired: sent ${toSend.length}, removed ${drift.overbodig.length}`);
});
