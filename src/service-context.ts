import type { AuditContext } from './audit/service.js';
import type { Principal } from './auth/principal.js';
import type { Config } from './config.js';
import type { Db } from './database/connection.js';

/**
 * Everything a service operation needs to know about its caller and the rules in force. The API and the pages build
 * it the same way (`serviceContextFor`), differing only in the origin the audit log records.
 */
export interface ServiceContext {
  db: Db;
  principal: Principal;
  audit: AuditContext;
  termijnen: Config['termijnen'];
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

export const nowOf = (context: Pick<ServiceContext, 'now'>) => (context.now ? context.now() : new Date());

/** `herkomst` is the audit's origin: `api:<request id>`, `web:<request id>`. */
export function serviceContextFor(app: { db: Db; config: Pick<Config, 'termijnen'> }, principal: Principal, herkomst: string): ServiceContext {
  return { db: app.db, principal, audit: { actor: principal, herkomst }, termijnen: app.config.termijnen };
}
