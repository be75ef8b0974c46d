import { repeatUntilStopped } from '../background/repeat.js';
import type { Config } from '../config.js';
import type { Db } from '../database/connection.js';
import { planMails, type PlanResult } from './planner.js';
import { pruneMailRecords, type PruneResult } from './retention.js';
import { sendDueMails, type MailTransport, type SendResult, type WorkerOptions } from './worker.js';

/** The worker options from the one configuration object. */
export function workerOptions(config: Config): WorkerOptions {
  const h = config.herinneringen;
  return {
    termijnen: config.termijnen,
    dagen: h.dagen,
    overzichtDagen: h.overzichtDagen,
    linkGeldigDagen: h.linkGeldigDagen,
    publicUrl: config.publicUrl,
    mailFrom: h.mailFrom,
    maxPogingen: h.maxPogingen,
    bewaarDagen: h.bewaarDagen,
  };
}

/** One full round, as `npm run herinneringen` does it: decide what is due, send the outbox, prune old records. */
export async function runRound(
  db: Db,
  transport: MailTransport,
  options: WorkerOptions,
  now: () => Date = () => new Date(),
): Promise<{ gepland: PlanResult; verzonden: SendResult & { onbereikbaar: boolean }; opgeschoond: PruneResult }> {
  const gepland = await planMails(db, { termijnen: options.termijnen, dagen: options.dagen, overzichtDagen: options.overzichtDagen }, now());
  const verzonden = await sendDueMails(db, transport, options, now);
  const opgeschoond = await pruneMailRecords(db, options.bewaarDagen, now());
  return { gepland, verzonden, opgeschoond };
}

/**
 * Runs until stopped: plans every `planEveryMs` (default 15 minutes) and sends every `sendEveryMs` (default 30 s).
 * Safe on every node at once (unique decisions, claimed rows). Errors (database, SMTP) are logged and retried on the
 * next tick; they never reach the HTTP side.
 */
export function startMailWorker(
  db: Db,
  transport: MailTransport,
  options: WorkerOptions & { planEveryMs?: number; sendEveryMs?: number; log: (message: string, error?: unknown) => void },
) {
  let nextPlan = 0;
  return repeatUntilStopped(
    async () => {
      if (Date.now() >= nextPlan) {
        const planned = await planMails(db, options, new Date());
        nextPlan = Date.now() + (options.planEveryMs ?? 15 * 60_000);
        if (planned.mails > 0) options.log(`herinneringen: ${planned.mails} mail(s) due (${planned.herinneringen} reminder(s), ${planned.overzichten} digest(s))`);
        // Pruning is as idempotent as planning, and as cheap when there is nothing to prune: on the same beat.
        const pruned = await pruneMailRecords(db, options.bewaarDagen, new Date());
        if (pruned.mails + pruned.links > 0) options.log(`herinneringen: pruned ${pruned.mails} mail record(s) and ${pruned.links} expired link(s)`);
      }
      const sent = await sendDueMails(db, transport, options);
      if (sent.mislukt + sent.opgegeven > 0) {
        options.log(`herinneringen: ${sent.verzonden} sent, ${sent.mislukt} will be retried${sent.onbereikbaar ? ' (SMTP server unreachable)' : ''}, ${sent.opgegeven} gave up`);
      }
    },
    { pauseMs: options.sendEveryMs ?? 30_000, onError: (error) => options.log('herinneringen: round failed', error) },
  );
}
