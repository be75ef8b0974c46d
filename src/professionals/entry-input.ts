import type { z } from 'zod';
import type { DbOrTx } from '../database/connection.js';
import type { InvalidField } from '../domain-errors.js';
import { invalidParamsFrom } from '../http/invalid-params.js';
import { checkReferences, loadReferenceSets } from './references.js';

export type EntryInputCheck<T> = { ok: true; data: T } | { ok: false; fields: InvalidField[] };

const strings = (value: unknown) => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.map((v) => v.trim()) : undefined);

/**
 * Entry input (a create or a patch) checked in one round: the schema's rules and, when those fail, the register's
 * references too (organisation, expertise codes, werkgebied names) on the raw input, so "Tilbrug" is reported
 * together with an empty name instead of only after the name is fixed. The errors come in the order of the fields.
 * When the schema passes, the service checks the references as it always does (and keeps `kept` werkgebied values).
 */
export async function checkEntryInput<S extends z.ZodObject>(
  db: DbOrTx,
  schema: S,
  input: unknown,
  options: { kept?: readonly string[]; fallbackName?: string } = {},
): Promise<EntryInputCheck<z.output<S>>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fields = invalidParamsFrom(parsed.error.issues, options.fallbackName ?? 'body');
  const raw = input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const references = checkReferences(
    await loadReferenceSets(db),
    { organisatie: typeof raw.organisatie === 'string' ? raw.organisatie : undefined, expertisegebieden: strings(raw.expertisegebieden), werkgebied: strings(raw.werkgebied) },
    options.kept,
  );
  // A value the schema already refused (too short, not a code) is not also reported as unknown.
  const named = new Set(fields.map((f) => f.name));
  const extra = references.fouten.filter((f) => !named.has(f.name) && !named.has(f.name.split('.')[0]!));
  const order = Object.keys(schema.shape);
  const rank = (field: InvalidField) => {
    const index = order.indexOf(field.name.split('.')[0]!);
    return index === -1 ? order.length : index;
  };
  return { ok: false, fields: [...fields, ...extra].map((field, index) => ({ field, index })).sort((a, b) => rank(a.field) - rank(b.field) || a.index - b.index).map((e) => e.field) };
}
