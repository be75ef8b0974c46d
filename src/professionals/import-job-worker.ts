import { inspect } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import { connect } from '../database/connection.js';
import { runImportJob } from './import-jobs.js';
import type { ImportWorkerData } from './import-job-thread.js';

/**
 * The entry point of an import job's worker thread (import-job-thread.ts): its own small pool on the service's
 * database, with the service's timeouts, runs the one job and ends. Log lines go to the service's logger.
 */
const data = workerData as ImportWorkerData;
const log = (message: string, error?: unknown) => {
  const detail = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error === undefined ? undefined : { message: inspect(error) };
  parentPort?.postMessage({ log: message, error: detail });
};
// Two connections: the import's transaction, and progress written beside it (import-jobs.ts). The service's
// statement and lock bounds hold here too; connecting may take longer, as no client waits on a job's connection.
const database = connect(data.url, { max: 2, timeouts: { ...data.timeouts, connectMs: Math.max(data.timeouts.connectMs, 30_000) } });
try {
  await runImportJob(database.db, { termijnen: data.termijnen }, data.id, log);
} finally {
  await database.end();
}
