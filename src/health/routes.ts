import type { FastifyPluginAsync } from 'fastify';
import { sendProblem } from '../plugins/problem-details.js';
import { outboxState } from '../search/relay.js';

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
      return sendProblem(reply, { title: 'Tijdelijk niet beschikbaar', status: 503, detail: 'De database is niet bereikbaar.' }, { 'Retry-After': '5' });
    }
    const database = { status: 'ok', ms: Math.round(performance.now() - started) };
    // Reads work, writes do not (a full disk): not ready, and saying why (issue 16, F11).
    const storage = app.storageHealth.problem();
    if (storage) {
      return sendProblem(reply, { title: 'Tijdelijk niet beschikbaar', status: 503, detail: 'De database kan niet schrijven (opslag vol of defect).', checks: { database, opslag: { status: 'down', ...storage } } }, { 'Retry-After': '60' });
    }
    const search = await app.searchEngine.health().catch((error: Error) => ({ status: 'down' as const, detail: error.message }));
    const outbox = app.outboxRelayed ? await outboxState(app.db) : undefined;
    const mail = await app.mailReadiness().catch((error: Error) => ({ status: 'degraded' as const, detail: error.message }));
    const checks = { database, zoeken: { engine: app.searchEngine.name, ...search, ...(outbox ? { outbox } : {}) }, mail };
    // A degraded search engine (answered by the fallback) keeps the node ready; one that is down does not.
    if (search.status === 'down') return sendProblem(reply, { title: 'Tijdelijk niet beschikbaar', status: 503, detail: 'Zoeken is niet beschikbaar.', checks });
    const degraded = search.status !== 'ok' || (outbox?.dood ?? 0) > 0 || mail.status === 'degraded';
    if (outbox && outbox.dood > 0) request.log.warn({ outbox }, 'readiness: search outbox has dead letters');
    if (mail.status === 'degraded') request.log.warn({ mail }, 'readiness: mail outbox has dead letters');
    return { status: degraded ? 'degraded' : 'ok', checks };
  });
};

export default healthRoutes;
