import fp from 'fastify-plugin';
import { classifyUnavailable } from '../http/dependency-errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** What this node has seen of the database's storage: readiness reports a recent write failure. */
    storageHealth: StorageHealth;
  }
}

/** How long after a failed write readiness keeps reporting it, unless a write succeeds first. */
const REPORT_FOR_MS = 60_000;

export class StorageHealth {
  private failedAt: number | null = null;
  private reason = '';

  failed(reason: string, at = Date.now()) {
    this.failedAt = at;
    this.reason = reason;
  }

  succeeded() {
    this.failedAt = null;
  }

  /** `null` when writes work as far as this node knows. */
  problem(at = Date.now()): { sinds: string; reden: string } | null {
    if (this.failedAt === null || at - this.failedAt > REPORT_FOR_MS) return null;
    return { sinds: new Date(this.failedAt).toISOString(), reden: this.reason };
  }
}

/**
 * A full disk does not stop `SELECT 1`, so readiness stayed 200 while every write failed (issue 16, F11). Requests
 * that fail on storage (PostgreSQL disk full or I/O error, ENOSPC) mark it here; a later successful write clears it.
 */
export default fp(
  async (app) => {
    const health = new StorageHealth();
    app.decorate('storageHealth', health);
    app.addHook('onError', async (request, _reply, error) => {
      if (classifyUnavailable(error) !== 'storage') return;
      const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code ?? 'onbekend';
      health.failed(`schrijven mislukte (${code})`);
      request.log.error('storage failure: writes fail, readiness reports it');
    });
    app.addHook('onResponse', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) health.succeeded();
    });
  },
  { name: 'storage-health' },
);
