import fp from 'fastify-plugin';
import type { Database } from '../database/connection.js';
import { workerJobRunner } from './import-job-thread.js';
import { startImportJobRunner } from './import-jobs.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Starts work on a queued import job now rather than at the runner's next round. */
    kickImportJobs(): void;
  }
}

/**
 * The import job runner inside the service (issue 16, F9), started when the app is ready and stopped on close. Each
 * job runs in a worker thread of its own (import-job-thread.ts) on the service's database.
 */
export default fp<{ database: Pick<Database, 'url'> }>(
  async (app, { database }) => {
    let runner: ReturnType<typeof startImportJobRunner> | undefined;
    app.decorate('kickImportJobs', () => runner?.kick());
    // At ready, not at registration: the server migrates between building the app and listening.
    app.addHook('onReady', async () => {
      const log = (message: string, error?: unknown) => app.log.warn({ err: error }, message);
      const threads = workerJobRunner(app.db, { url: database.url, config: app.config, heapMb: app.config.importJobHeapMb, log });
      runner = startImportJobRunner(app.db, app.config, { log, run: threads.run, onStop: threads.terminate });
    });
    app.addHook('onClose', async () => {
      await runner?.stop();
    });
  },
  { name: 'import-jobs', dependencies: ['database'] },
);
