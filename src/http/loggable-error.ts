/**
 * Errors as they may appear in the log: without personal data. drizzle's `DrizzleQueryError` puts the statement's
 * parameters (names, e-mail addresses, search words) in its message and stack, and PostgreSQL's `detail` repeats
 * key values (`Key (email)=(…) already exists`). The log keeps what an operator needs — the kind of error, its
 * code, the SQL text with placeholders, the constraint, the stack frames — and drops the values.
 */

const SAFE_FIELDS = [
  'code', 'errno', 'syscall', 'statusCode', 'severity', 'routine', 'schema_name', 'table_name', 'column_name', 'constraint_name', 'data_type',
] as const;

function frames(stack: string | undefined): string {
  return (stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).join('\n');
}

export interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

export function loggableError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: typeof error === 'string' ? error : 'non-error thrown', stack: '' };
  const type = error.constructor?.name || error.name;
  const query = (error as { query?: unknown }).query;
  // The drizzle wrapper: its own message is "Failed query: <sql>\nparams: <values>".
  const message = type === 'DrizzleQueryError' && typeof query === 'string' ? `Failed query: ${query}` : error.message;
  const result: LoggedError = { type, message, stack: `${type}: ${message}\n${frames(error.stack)}` };
  for (const field of SAFE_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') result[field] = value;
  }
  if (error.cause !== undefined && depth < 4) result.cause = loggableError(error.cause, depth + 1);
  return result;
}
