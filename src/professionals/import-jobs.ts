import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { importtaken, type Importtaak } from '../../db/schema/index.js';
import type { Principal } from '../auth/principal.js';
import type { Config } from '../config.js';
import type { Db, DbOrTx } from '../database/connection.js';
import { DomainError, NotFoundError } from '../domain-errors.js';
import type { ServiceContext } from '../service-context.js';
import { countLines } from './csv-import.js';
import { assertMayImport, importEntries, type ImportFase, type ImportReport } from './import.js';
import { managesForOrganisation } from './rules.js';

/**
 * Import jobs (issue 16, F9): a file of more rows than the configured threshold is not imported while the client
 * waits. It is stored as a job, answered with 202 and the job's address, and a node's runner works on it in chunks
 * (`import.ts` yields to the event loop between them). The import and the job's outcome commit in one transaction, so
 * the coordinator always learns what happened: a finished job says what was imported, and a job whose node died is
 * picked up again (all or nothing: nothing of the interrupted try was committed).
 */

export interface ImporttaakView {
  id: string;
  organisatie: string;
  status: Importtaak['status'];
  proefrun: boolean;
  voortgang: { fase: string; verwerkt: number; totaal: number; procent: number };
  rapport: ImportReport | null;
  foutmelding: string | null;
  aangemaaktOp: string;
  klaarOp: string | null;
}

/**
 * Progress is the share of the file's rows passed: the stages (controleren, toepassen, zoekindex) take turns per
 * chunk (import.ts), so the stage is shown as what is happening now and the share only grows. 99 % at most until
 * the job is done, because the last step (committing) comes after the last row.
 */
const shareDone = (job: JobRow) => {
  if (job.status === 'klaar' || job.status === 'mislukt') return 1;
  return job.regels > 0 ? Math.min(job.verwerkt / job.regels, 0.99) : 0;
};

/**
 * Every column but the file. A job's page is polled while it runs (the web page every few seconds): reading the
 * file along each time was the largest allocation of a 50,000-row job, 8 MB per poll (issue 16, F9).
 */
const { bestand: _bestand, ...viewColumns } = getTableColumns(importtaken);
type JobRow = Omit<Importtaak, 'bestand'>;

/** More rows than this become a job; fewer are imported while the client waits. */
export const isLargeImport = (csv: string, threshold: number) => countLines(csv) - 1 > threshold;

const view = (job: JobRow): ImporttaakView => {
  const totaal = Math.max(job.regels, 0);
  const share = shareDone(job);
  return {
    id: job.id,
    organisatie: job.organisatieCode,
    status: job.status,
    proefrun: job.proefrun,
    voortgang: { fase: job.fase, verwerkt: job.verwerkt, totaal, procent: Math.round(share * 100) },
    rapport: (job.rapport as ImportReport | null) ?? null,
    foutmelding: job.foutmelding,
    aangemaaktOp: job.aangemaaktOp.toISOString(),
    klaarOp: job.klaarOp?.toISOString() ?? null,
  };
};

/** Queues a file as a job, after the same checks as a direct import (who may, which organisation). */
export async function createImportJob(context: ServiceContext, organisatie: string, csv: string, proefrun: boolean): Promise<ImporttaakView> {
  await assertMayImport(context, organisatie);
  const [job] = await context.db
    .insert(importtaken)
    .values({ organisatieCode: organisatie, proefrun, bestand: csv, aanvrager: context.principal, herkomst: context.audit.herkomst, regels: Math.max(countLines(csv) - 1, 0) })
    .returning(viewColumns);
  return view(job!);
}

/** A job of this organisation, for those who may import for it. */
export async function getImportJob(context: ServiceContext, organisatie: string, id: string): Promise<ImporttaakView> {
  if (!managesForOrganisation(context.principal, organisatie)) throw new NotFoundError('Deze importtaak bestaat niet.');
  const [job] = await context.db.select(viewColumns).from(importtaken).where(and(eq(importtaken.id, id), eq(importtaken.organisatieCode, organisatie)));
  if (!job) throw new NotFoundError('Deze importtaak bestaat niet.');
  return view(job);
}

/** A node that stops renewing its heartbeat this long is taken to have died; its job is run again. */
const STALE_SECONDS = 300;
const MAX_POGINGEN = 3;

/** Claims the oldest open job (or one whose node died), so two nodes never run the same job; returns its id. */
async function claimJob(db: Db): Promise<string | undefined> {
  const rows = await db.execute<{ id: string }>(sql`
    UPDATE importtaken SET status = 'bezig', levensteken = now(), pogingen = pogingen + 1, fase = 'controleren', verwerkt = 0
    WHERE id = (
      SELECT id FROM importtaken
      WHERE status = 'wachtend' OR (status = 'bezig' AND levensteken < now() - make_interval(secs => ${STALE_SECONDS}))
      ORDER BY aangemaakt_op FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING id`);
  return rows[0]?.id;
}

export async function finishImportJob(db: DbOrTx, id: string, outcome: { status: 'klaar' | 'mislukt'; rapport?: ImportReport; foutmelding?: string }) {
  await db
    .update(importtaken)
    .set({ status: outcome.status, rapport: outcome.rapport ?? null, foutmelding: outcome.foutmelding ?? null, bestand: null, klaarOp: new Date(), levensteken: new Date() })
    .where(eq(importtaken.id, id));
}

/** Runs one claimed job here or elsewhere (import-job-thread.ts: in a worker thread); never throws for the job's own failure. */
export type JobRunner = (id: string) => Promise<void>;

/** Claims the next job and runs it; returns false when there was none. */
export async function runNextImportJob(db: Db, config: Pick<Config, 'termijnen'>, log: (message: string, error?: unknown) => void = () => {}, run: JobRunner = (id) => runImportJob(db, config, id, log)): Promise<boolean> {
  const id = await claimJob(db);
  if (id === undefined) return false;
  await run(id);
  return true;
}

/** Runs one claimed job to its end, committing its outcome with the import. Never throws for the job's own failure. */
export async function runImportJob(db: Db, config: Pick<Config, 'termijnen'>, id: string, log: (message: string, error?: unknown) => void = () => {}): Promise<void> {
  const [job] = await db.select().from(importtaken).where(eq(importtaken.id, id));
  if (!job) return;
  if (job.pogingen > MAX_POGINGEN || job.bestand === null) {
    await finishImportJob(db, id, { status: 'mislukt', foutmelding: 'De import is herhaaldelijk onderbroken; er is niets geïmporteerd. Probeer het opnieuw of neem contact op met de beheerder.' });
    return;
  }
  const { bestand } = job;
  const principal = job.aanvrager as Principal;
  const context: ServiceContext = { db, principal, audit: { actor: principal, herkomst: job.herkomst }, termijnen: config.termijnen };
  let lastWrite = 0;
  // Progress and heartbeat go through the pool, outside the import's transaction, at most every 250 ms whatever the
  // stage (the stages take turns per chunk). The closures keep the id, not the job row with the whole file.
  const onProgress = async (fase: ImportFase, verwerkt: number) => {
    if (Date.now() - lastWrite < 250) return;
    lastWrite = Date.now();
    await db.update(importtaken).set({ fase, verwerkt, levensteken: new Date() }).where(eq(importtaken.id, id));
  };
  try {
    await importEntries(context, job.organisatieCode, bestand, job.proefrun, {
      onProgress,
      inTransaction: (tx, rapport) => finishImportJob(tx, id, { status: 'klaar', rapport }),
    });
  } catch (error) {
    if (!(error instanceof DomainError)) log('import job failed', error);
    const foutmelding = error instanceof DomainError ? error.detail : 'Er ging iets mis bij het importeren; er is niets geïmporteerd. Probeer het opnieuw.';
    await finishImportJob(db, id, { status: 'mislukt', foutmelding }).catch((e: unknown) => log('import job outcome not saved', e));
  }
}

/**
 * The runner inside each node: looks for work every `everyMs` (15 s: for jobs left by a node that stopped) and at
 * once when kicked (after a job was queued on this node). Safe on every node at once (claimed rows). `run` decides
 * where a claimed job runs: in this thread by default, in a worker thread in the service (import-job-thread.ts).
 */
export function startImportJobRunner(
  db: Db,
  config: Pick<Config, 'termijnen'>,
  options: { everyMs?: number; log: (message: string, error?: unknown) => void; run?: JobRunner; onStop?: () => Promise<void> },
) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const round = async () => {
    try {
      while (!stopped && (await runNextImportJob(db, config, options.log, options.run)));
    } catch (error) {
      options.log('import job runner: round failed', error);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, options.everyMs ?? 15_000);
    timer.unref();
  };
  const tick = () => {
    if (running) return;
    running = round().finally(() => {
      running = undefined;
      schedule();
    });
  };
  schedule();
  return {
    kick() {
      if (stopped || running) return;
      clearTimeout(timer);
      tick();
    },
    /**
     * Waits briefly for a round under way, not for a whole import or a database that does not answer: an abandoned
     * job's transaction is rolled back, and another node (or this one after a restart) runs it again.
     */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await options.onStop?.();
      await Promise.race([running, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    },
  };
}
