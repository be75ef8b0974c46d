import { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import type { Db } from '../database/connection.js';
import { finishImportJob, type JobRunner } from './import-jobs.js';

/**
 * Import jobs run in a worker thread of their own (issue 16, F9). Two reasons:
 * - Memory. V8 lets a heap grow to a multiple of what survived its last full collection before collecting again, up
 *   to four times for a heap allowed a gigabyte or more. In the service's heap (the app's code and caches: ~90 MB
 *   live) a 50,000-row job's garbage made that 450 MB of RSS. A worker's heap holds only the job (the file, the
 *   e-mail addresses seen, one chunk), and with a limit below a gigabyte V8 grows it by a smaller factor.
 * - Isolation. The service's event loop only answers the progress polls, and a job that would run out of its
 *   memory limit ends that thread with a message for the coordinator, not the service.
 */

export interface ImportWorkerData {
  id: string;
  url: string;
  timeouts: Config['timeouts'];
  termijnen: Config['termijnen'];
}

/**
 * The worker's module beside this one. Run from source (`node --import tsx`, as `npm start` and the tests do), the
 * worker registers tsx itself first: Node 20 does not carry the parent's module hooks, nor an `--import` in a
 * worker's `execArgv`, into a worker thread.
 */
const fromSource = import.meta.url.endsWith('.ts');
const workerModule = new URL(`./import-job-worker${fromSource ? '.ts' : '.js'}`, import.meta.url);
const workerScript = fromSource
  ? // Resolved here, not in the worker: an evaluated worker would resolve 'tsx' from the working directory.
    { script: `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerModule.href)}); })`, eval: true }
  : { script: workerModule, eval: false };

export const OUT_OF_MEMORY_MESSAGE =
  'Dit bestand is te groot om in één keer te verwerken; er is niets geïmporteerd. Splits het in delen van hoogstens 50.000 regels en importeer die na elkaar.';
const FAILED_MESSAGE = 'Er ging iets mis bij het importeren; er is niets geïmporteerd. Probeer het opnieuw.';

interface WorkerLog {
  log: string;
  error?: { name?: string; message: string; stack?: string };
}

/**
 * A JobRunner that runs each job in a new worker thread with `heapMb` of old-generation heap, and `terminate` to
 * stop a job under way when the service stops (its transaction is rolled back; the job is run again later).
 */
export function workerJobRunner(db: Db, options: { url: string; config: Pick<Config, 'timeouts' | 'termijnen'>; heapMb: number; log: (message: string, error?: unknown) => void }) {
  const running = new Set<Worker>();
  const run: JobRunner = (id) =>
    new Promise<void>((resolve) => {
      const data: ImportWorkerData = { id, url: options.url, timeouts: options.config.timeouts, termijnen: options.config.termijnen };
      const worker = new Worker(workerScript.script, { eval: workerScript.eval, workerData: data, resourceLimits: { maxOldGenerationSizeMb: options.heapMb }, stdout: false, stderr: false });
      running.add(worker);
      let failure: Error | undefined;
      worker.on('message', (message: WorkerLog) => options.log(message.log, message.error));
      worker.on('error', (error) => {
        failure = error;
      });
      worker.on('exit', () => {
        running.delete(worker);
        if (!failure) return resolve();
        // The thread died before it could record the outcome (its transaction is gone with its connections).
        const outOfMemory = (failure as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        options.log(outOfMemory ? 'import job ran out of its heap limit' : 'import job worker failed', failure);
        finishImportJob(db, id, { status: 'mislukt', foutmelding: outOfMemory ? OUT_OF_MEMORY_MESSAGE : FAILED_MESSAGE })
          .catch((error: unknown) => options.log('import job outcome not saved', error))
          .finally(resolve);
      });
    });
  return {
    run,
    async terminate() {
      await Promise.all([...running].map((worker) => worker.terminate()));
    },
  };
}
