import type { InvalidParam } from './problem.js';

/**
 * Validation issues (zod's, also as fastify-type-provider-zod hands them to the error handler) as the invalid fields
 * of a problem or a form: one mapping for the API and the pages.
 */
export interface ValidationIssue {
  path: readonly PropertyKey[];
  code: string;
  message?: string | undefined;
  /** For `unrecognized_keys`: the unknown keys. */
  keys?: readonly string[] | undefined;
}

export function invalidParamsFrom(issues: readonly ValidationIssue[], fallbackName = 'body'): InvalidParam[] {
  const fields: InvalidParam[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) fields.push({ name: base ? `${base}.${key}` : key, code: 'unrecognized_keys', reason: 'Onbekend veld; dit veld wordt niet ondersteund.' });
      continue;
    }
    fields.push({ name: base || fallbackName, code: issue.code, reason: issue.message ?? 'Ongeldige waarde.' });
  }
  return fields;
}
