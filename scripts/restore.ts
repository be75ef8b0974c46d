import { existsSync } from 'node:fs';
import path from 'node:path';
import { verifyAuditChain } from '../src/audit/service.js';
import { restoreBackup } from '../src/backup/restore.js';
import { runMigrations } from '../src/database/migrate.js';
import { parseCommandArgs, runCommand, UsageError } from './lib/command.js';

/**
 * Restores a backup of `npm run backup` into an empty database (DATABASE_URL, or the embedded one when it is new):
 * migrates it to this release's schema, loads every table in one transaction, then verifies the audit chain.
 */
const usage = 'npm run restore -- FILE';
// No reference data first: the database must stay empty until the backup's own rows are in.
await runCommand({ usage, prepare: false }, async ({ database, log, out }) => {
  const { positionals } = parseCommandArgs({});
  if (positionals.length !== 1) throw new UsageError('give exactly one backup file');
  const file = path.resolve(positionals[0]!);
  if (!existsSync(file)) throw new UsageError(`no file at ${file}`);
  await runMigrations(database.db, database.sql);
  const report = await restoreBackup(database.sql, file, log);
  const chain = await verifyAuditChain(database.db);
  if (chain.broken) log(`audit log BROKEN at row volgnummer ${chain.broken.volgnummer}: ${chain.broken.reason}`);
  else log(`audit log intact: ${chain.rows} rows`);
  out(JSON.stringify({ tabellen: report.tables, rijen: report.rows, gemaaktOp: report.header.gemaaktOp, auditlogIntact: !chain.broken }));
  return chain.broken ? 1 : 0;
});
