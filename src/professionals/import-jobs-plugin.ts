import fp from 'fastify-plugin';
import { startImportJobRunner } from './import-jobs.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Starts work on a queued import job now rather than at the runner's next round. */
    kickImportJobs(): void;
  }
}

/** The import job runner inside the service (issue 16, F9), started when the app is ready and stopped on close. */
export default fp(
  async (app) => {
    let runner: ReturnType<typeof startImportJobRunner> | undefined;
    app.decorate('kickImportJobs', () => runner?.kick());
    // At ready, not at registration: the server migrates between building the app and listening.
    app.addHook('onReady', async () => {
      runner = startImportJobRunner(app.db, app.config, { log: (message, error) => app.log.warn({ err: error }, message) });
    });
    app.addHook('onClose', async () => {
      await runner?.stop();
    });
  },
  { name: 'import-jobs', dependencies: ['database'] },
);
