import fp from 'fastify-plugin';
import { startMailWorker, workerOptions } from './runner.js';
import { smtpEndpoint, smtpTransport } from './transport.js';
import { mailState, type MailState } from './worker.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The mail part of readiness: `uit` without SMTP_URL, else the outbox (dead letters make the node `degraded`). */
    mailReadiness(): Promise<{ status: 'uit' | 'ok' | 'degraded'; detail?: string; smtp?: string; inServer?: boolean } & Partial<MailState>>;
  }
}

/** E-mail reminders: the worker inside the service (unless HERINNERINGEN_IN_SERVER=false), and its readiness. */
export default fp(
  async (app) => {
    const { smtpUrl, inServer } = app.config.herinneringen;
    app.decorate('mailReadiness', async () => {
      if (!smtpUrl) return { status: 'uit' as const, detail: 'SMTP_URL is niet ingesteld: er worden geen herinneringen verstuurd.' };
      const state = await mailState(app.db);
      return { status: state.opgegeven > 0 ? ('degraded' as const) : ('ok' as const), smtp: smtpEndpoint(smtpUrl), inServer, ...state };
    });
    if (!smtpUrl || !inServer) return;
    const transport = smtpTransport(smtpUrl);
    let worker: ReturnType<typeof startMailWorker> | undefined;
    // At ready, not at registration: the server migrates between building the app and listening.
    app.addHook('onReady', async () => {
      app.log.info({ smtp: smtpEndpoint(smtpUrl) }, 'herinneringen: mail worker started');
      worker = startMailWorker(app.db, transport, { ...workerOptions(app.config), log: (message, error) => app.log.warn({ err: error }, message) });
    });
    app.addHook('onClose', async () => {
      await worker?.stop();
      transport.close();
    });
  },
  { name: 'herinneringen', dependencies: ['database'] },
);
