import { pruneSearchLog } from '../src/inzichten/unmet-searches.js';
import { applyRetention } from '../src/professionals/retention.js';
import { commandProcessingLog } from '../src/verwerkingslog/command.js';
import { parseCommandArgs, runCommand } from './lib/command.js';

/**
 * Deletes entries not confirmed for BEVESTIGING_GELDIG_MAANDEN + RETENTIE_MAANDEN. Safe to run on a schedule
 * (cron, a Kubernetes CronJob): it only deletes what is past the limit, and each run is audited.
 */
await runCommand({ usage: 'npm run retentie [-- --proefrun]' }, async ({ config, database, log, out }) => {
  const { values } = parseCommandArgs({ proefrun: { type: 'boolean', default: false } });
  // Erasures are processing of personal data: each deleted entry gets a line in the processing log.
  const processing = await commandProcessingLog(config, database.db, 'retentie', { info: (object, message) => log(JSON.stringify({ ...object, msg: message })) });
  const result = await applyRetention(database.db, config.termijnen, { actor: null, herkomst: 'retentie' }, { proefrun: values.proefrun });
  const logged = await processing.finish();
  if (logged > 0) log(`processing log: ${logged} erasures`);
  out(JSON.stringify(result));
  const what = `${result.verwijderd} entries not confirmed for more than ${result.grens} months`;
  log(values.proefrun ? `dry run: would delete ${what}` : `deleted ${what}`);
  if (!values.proefrun) log(`search log: deleted ${await pruneSearchLog(database.db, config.zoeklogBewaarDagen)} searches older than ${config.zoeklogBewaarDagen} days`);
});
