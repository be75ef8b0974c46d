import type { FastifyPluginAsync } from 'fastify';
import { sendProblem } from '../plugins/problem-details.js';

/**
 * Liveness (the process answers) and readiness (it can serve: the database answers). Not part of the public API
 * document and not rate limited, so load balancers and orchestrators can poll freely.
 */
const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health/live', { config: { rateLimit: false } }, async () => ({ status: 'ok' }));

  app.get('/health/ready', { config: { rateLimit: false } }, async (request, reply) => {
    const started = performance.now();
    try {
      await Promise.race([
        app.sql`SELECT 1`,
        new Promise((_, reject) => setTimeout(() => reject(new Error('database check timed out')), 2_000).unref()),
      ]);
    } catch (error) {
      request.log.warn({ err: error }, 'readiness: database unavailable');
      return sendProblem(reply, { title: 'Tijdelijk niet beschikbaar', status: 503, detail: 'De database is niet bereikbaar.' });
    }
    return { status: 'ok', checks: { database: { status: 'ok', ms: Math.round(performance.now() - started) } } };
  });
};

export default healthRoutes;
