import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditContext } from '../audit/service.js';
import { principalOf } from '../plugins/authentication.js';
import type { ServiceContext } from '../professionals/service.js';

export function auditContext(request: FastifyRequest): AuditContext {
  return { actor: request.principal, herkomst: `api:${request.id}` };
}

/** What a service needs from an authenticated request. */
export function serviceContext(app: FastifyInstance, request: FastifyRequest): ServiceContext {
  return { db: app.db, principal: principalOf(request), audit: auditContext(request), termijnen: app.config.termijnen };
}
