import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { ProblemError } from '../http/problem.js';

/**
 * Per-client request limit (by IP address; behind a proxy set TRUST_PROXY). The counters are kept per node; with
 * many nodes behind a load balancer the effective limit is the per-node limit times the number of nodes.
 */
export default fp<{ max: number; timeWindow: string }>(
  async (app, options) => {
    await app.register(rateLimit, {
      global: true,
      max: options.max,
      timeWindow: options.timeWindow,
      errorResponseBuilder: (_request, context) => {
        const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
        // The plugin throws what this returns; `statusCode` makes Fastify treat it as a client error.
        return Object.assign(
          new ProblemError(429, `Te veel verzoeken (maximaal ${context.max} per tijdvak). Probeer het over ${seconds} seconden opnieuw.`, {
            headers: { 'Retry-After': String(seconds) },
          }),
          { statusCode: 429 },
        );
      },
    });
  },
  { name: 'rate-limit' },
);
