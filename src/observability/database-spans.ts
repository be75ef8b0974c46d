import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { ATTR_DB_OPERATION_NAME, ATTR_DB_QUERY_TEXT, ATTR_DB_SYSTEM_NAME, DB_SYSTEM_NAME_VALUE_POSTGRESQL } from '@opentelemetry/semantic-conventions';
import { PostgresJsPreparedQuery, PostgresJsSession } from 'drizzle-orm/postgres-js';

/**
 * Spans for database queries, and the number of queries in flight (the pool's use, for /metrics). Neither the
 * `postgres` driver nor drizzle has working OpenTelemetry hooks (drizzle's tracer is never connected), so this wraps
 * drizzle's prepared-query execution, which every query of the services goes through, the way OpenTelemetry's own
 * instrumentations wrap a driver. The query text is drizzle's parameterised SQL; parameter values are never recorded
 * (they may be personal data).
 */

const tracer = trace.getTracer('maatwerkregister.database');
let installed = false;

/** Queries started and not yet settled in this process, and the most at once since the last scrape. */
export const databaseLoad = { inFlight: 0, peak: 0, queries: 0 };

/** The statement's first keyword (SELECT, INSERT, WITH …): a low-cardinality span name, as the conventions ask. */
function operationOf(text: string): string {
  return /^\s*([a-z]+)/i.exec(text)?.[1]?.toUpperCase() ?? 'QUERY';
}

function traced<A extends unknown[], R>(original: (this: { queryString: string }, ...args: A) => Promise<R>) {
  return function (this: { queryString: string }, ...args: A): Promise<R> {
    const operation = operationOf(this.queryString);
    databaseLoad.inFlight++;
    databaseLoad.queries++;
    databaseLoad.peak = Math.max(databaseLoad.peak, databaseLoad.inFlight);
    return tracer.startActiveSpan(
      operation,
      {
        kind: SpanKind.CLIENT,
        attributes: { [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL, [ATTR_DB_OPERATION_NAME]: operation, [ATTR_DB_QUERY_TEXT]: this.queryString },
      },
      async (span) => {
        try {
          return await original.apply(this, args);
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          throw error;
        } finally {
          databaseLoad.inFlight--;
          span.end();
        }
      },
    );
  };
}

export function instrumentDatabase(): void {
  if (installed) return;
  installed = true;
  const query = PostgresJsPreparedQuery.prototype as unknown as Record<'execute' | 'all', (...args: unknown[]) => Promise<unknown>>;
  query.execute = traced(query.execute);
  query.all = traced(query.all);
  const session = PostgresJsSession.prototype as unknown as { transaction: (...args: unknown[]) => Promise<unknown> };
  const transaction = session.transaction;
  session.transaction = function (this: unknown, ...args: unknown[]) {
    return tracer.startActiveSpan('transaction', { kind: SpanKind.INTERNAL, attributes: { [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL } }, async (span) => {
      try {
        return await transaction.apply(this, args);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    });
  };
}
