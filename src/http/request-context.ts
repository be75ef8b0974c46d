import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditContext } from '../audit/service.js';
import { principalOf } from '../plugins/authentication.js';
import { serviceContextFor, type ServiceContext } from '../service-context.js';

export function auditContext(request: FastifyRequest): AuditContext {
  return { actor: request.principal, herkomst: `api:${request.id}` };
}

/** What a service needs from an authenticated API request. */
export function serviceContext(app: FastifyInstance, request: FastifyRequest): ServiceContext {
  return serviceContextFor(app, principalOf(request), `api:${request.id}`);
}
