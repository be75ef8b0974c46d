import { MeilisearchEngine } from '../src/search/meilisearch/engine.js';
import { reconcileIndex } from '../src/search/meilisearch/reconcile.js';
import { parseCommandArgs, runCommand } from './lib/command.js';

/**
 * Compares ids, versions and the stored time-dependent ranking keys between the database and the Meilisearch index,
 * reports drift, and repairs it with --herstel (sends missing and stale entries, removes documents whose entry is
 * gone). Exit code 1 when drift remains.
 */
await runCommand({ usage: 'npm run reconcile [-- --herstel]' }, async ({ config, database, log, out }) => {
  const { values } = parseCommandArgs({ herstel: { type: 'boolean', default: false } });
  if (!config.meilisearch) throw new Error('MEILI_URL is not set: the Postgres engine needs no reconciliation (it is updated in the same transaction)');
  const rules = { verificatieMaanden: config.termijnen.verificatieMaanden };
  const engine = new MeilisearchEngine(database.db, { ...config.meilisearch, ...rules });
  const report = await reconcileIndex(database.db, engine, { ...rules, herstel: values.herstel });
  out(
    JSON.stringify({
      database: report.database,
      index: report.index,
      ontbreekt: report.ontbreekt.length,
      overbodig: report.overbodig.length,
      verouderd: report.verouderd.length,
      ...(report.hersteld ? { hersteld: report.hersteld } : {}),
    }),
  );
  const total = report.ontbreekt.length + report.overbodig.length + report.verouderd.length;
  if (total === 0) {
    log('no drift: the index matches the database');
    return;
  }
  if (!report.hersteld) {
    log(`drift: ${report.ontbreekt.length} missing, ${report.overbodig.length} superfluous, ${report.verouderd.length} stale; run with --herstel to repair`);
    return 1;
  }
  log(`repaired: sent ${report.hersteld.verzonden}, removed ${report.hersteld.verwijderd}`);
});
