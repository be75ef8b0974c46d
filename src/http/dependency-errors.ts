import { ProblemError } from './problem.js';

/**
 * Failures that are not the request's fault and may pass: the database is down or restarting, a statement or lock
 * wait ran into its bound, the disk is full, the request took longer than its bound. Each is a 503 with
 * `Retry-After`, never a 500, so clients and load balancers retry instead of reporting a bug (issue 16, F2, F3,
 * F11). drizzle wraps driver errors (`cause`), so the whole chain is inspected.
 */

export type Unavailability = 'database' | 'timeout' | 'request-timeout' | 'storage';

const RETRY_AFTER_SECONDS: Record<Unavailability, number> = { database: 5, timeout: 5, 'request-timeout': 5, storage: 60 };

const DETAIL: Record<Unavailability, string> = {
  database: 'De database is tijdelijk niet bereikbaar. Probeer het over enkele seconden opnieuw.',
  // The database undid the statement's transaction: nothing was changed.
  timeout: 'Het register is even te druk: het verzoek duurde te lang en is afgebroken, er is niets gewijzigd. Probeer het over enkele seconden opnieuw.',
  // The handler may still finish after the answer (Fastify's timeout is cooperative), so no promise is made.
  'request-timeout': 'Het verzoek duurde te lang. Probeer het over enkele seconden opnieuw; kijk bij een wijziging eerst of die toch is doorgevoerd.',
  storage: 'De opslag van het register is vol of kan niet schrijven. De beheerder is gewaarschuwd; probeer het later opnieuw.',
};

/** PostgreSQL SQLSTATEs by what they mean for the client. */
function classifySqlState(code: string): Unavailability | undefined {
  if (code.startsWith('08')) return 'database'; // connection exception
  if (code === '57P01' || code === '57P02' || code === '57P03') return 'database'; // shut down, crashed, starting up
  if (code === '53300') return 'database'; // too many connections
  if (code === '57014' || code === '55P03' || code === '25P03') return 'timeout'; // statement, lock, idle-in-transaction timeout
  if (code === '40001' || code === '40P01') return 'timeout'; // serialization failure, deadlock: a retry succeeds
  if (code === '53100' || code === '53200' || code.startsWith('58')) return 'storage'; // disk full, out of memory, I/O error
  return undefined;
}

/** Errors of the postgres driver and the operating system when the server cannot be reached. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED',
]);

export function classifyUnavailable(error: unknown): Unavailability | undefined {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const { code, errno } = current as { code?: unknown; errno?: unknown };
    if (code === 'FST_ERR_HANDLER_TIMEOUT') return 'request-timeout';
    if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EROFS' || code === 'EIO') return 'storage';
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return 'database';
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && (current as { severity?: unknown }).severity !== undefined) {
      const kind = classifySqlState(code);
      if (kind) return kind;
    }
    // AggregateError from a connection attempt to several addresses.
    if (errno !== undefined && current instanceof AggregateError) {
      if (current.errors.some((inner) => classifyUnavailable(inner) === 'database')) return 'database';
    }
  }
  return undefined;
}

export function unavailableProblem(kind: Unavailability): ProblemError {
  return new ProblemError(503, DETAIL[kind], { headers: { 'Retry-After': String(RETRY_AFTER_SECONDS[kind]) } });
}
