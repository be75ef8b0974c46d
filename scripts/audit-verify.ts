import { verifyAuditChain } from '../src/audit/service.js';
import { runCommand } from './lib/command.js';

/** Checks the audit log's hash chain; exits 1 and names the first broken row when it was tampered with. */
await runCommand({ usage: 'npm run audit:verify', prepare: false }, async ({ database, log, out }) => {
  const report = await verifyAuditChain(database.db);
  if (report.broken) {
    log(`audit log BROKEN at row volgnummer ${report.broken.volgnummer} (id ${report.broken.id}): ${report.broken.reason}`);
    out(JSON.stringify({ intact: false, regels: report.rows, eersteFout: report.broken }));
    return 1;
  }
  log(`audit log intact: ${report.rows} rows, every hash and link checks out`);
  out(JSON.stringify({ intact: true, regels: report.rows }));
});
