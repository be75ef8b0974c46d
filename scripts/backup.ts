import path from 'node:path';
import { createBackup } from '../src/backup/backup.js';
import { parseCommandArgs, runCommand, UsageError } from './lib/command.js';

/**
 * A consistent logical backup of the whole register (one snapshot, every table, the schema version) into one
 * gzip file. Works on the embedded database, which has no pg_dump; see README "Backups" for pg_dump and PITR.
 */
const usage = 'npm run backup -- --uit FILE';
await runCommand({ usage, prepare: false }, async ({ database, log, out }) => {
  const { values } = parseCommandArgs({ uit: { type: 'string' } });
  if (!values.uit) throw new UsageError('--uit is required');
  const report = await createBackup(database.sql, path.resolve(values.uit), log);
  out(JSON.stringify(report));
});
