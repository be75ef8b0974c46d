import { runRound, startMailWorker, workerOptions } from '../src/herinneringen/runner.js';
import { smtpEndpoint, smtpTransport } from '../src/herinneringen/transport.js';
import { mailState } from '../src/herinneringen/worker.js';
import { parseCommandArgs, runCommand, UsageError } from './lib/command.js';

/**
 * E-mail reminders and coordinator digests outside the service (set HERINNERINGEN_IN_SERVER=false on the nodes, or
 * keep both: rounds on several nodes never send a mail twice). Without options: one round — decide what is due, send
 * the outbox — then exit (for cron). `--doorlopend` keeps running until Ctrl-C / SIGTERM; `--status` prints the outbox.
 */
await runCommand({ usage: 'npm run herinneringen [-- --doorlopend | --status]' }, async ({ config, database, log, out }) => {
  const { values } = parseCommandArgs({ doorlopend: { type: 'boolean' }, status: { type: 'boolean' } });
  if (values.status) {
    out(JSON.stringify(await mailState(database.db), null, 2));
    return;
  }
  const smtpUrl = config.herinneringen.smtpUrl;
  if (!smtpUrl) throw new UsageError('SMTP_URL is not set: no mail can be sent');
  const transport = smtpTransport(smtpUrl);
  const options = workerOptions(config);
  try {
    if (values.doorlopend) {
      log(`herinneringen: sending through ${smtpEndpoint(smtpUrl)}; outbox ${JSON.stringify(await mailState(database.db))}`);
      const worker = startMailWorker(database.db, transport, { ...options, log: (message, error) => log(`${message}${error ? `: ${(error as Error).message}` : ''}`) });
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await worker.stop();
      log(`herinneringen stopped; outbox ${JSON.stringify(await mailState(database.db))}`);
      return;
    }
    const result = await runRound(database.db, transport, options);
    out(JSON.stringify(result, null, 2));
    if (result.verzonden.onbereikbaar) {
      log(`herinneringen: SMTP server ${smtpEndpoint(smtpUrl)} unreachable; the mails wait in the outbox for the next round`);
      return 75; // EX_TEMPFAIL
    }
  } finally {
    transport.close();
  }
});
