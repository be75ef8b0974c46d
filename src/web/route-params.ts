import { z } from 'zod';
import { InvalidInputError } from '../domain-errors.js';
import { invalidParamsFrom } from '../http/invalid-params.js';

/**
 * Path and form parameters of the page routes, checked before a service sees them (issue 16, F5): a non-UUID id or
 * an odd `versie` reached PostgreSQL and came back as a 500. A refusal is an InvalidInputError, which the error
 * handler shows as the Dutch 400 page, as it does for every domain error met while serving a page.
 */

export const entryIdParams = z.object({ id: z.uuid('Dit is geen geldige verwijzing naar een vermelding.') });

/** The version a form read, for optimistic concurrency: a positive integer that fits the column. */
export const versieField = z.coerce
  .number('Het versienummer ontbreekt of is geen getal.')
  .int('Het versienummer moet een geheel getal zijn.')
  .min(1, 'Het versienummer moet minstens 1 zijn.')
  .max(2_147_483_647, 'Het versienummer is te groot.');

/** The parsed value, or an InvalidInputError naming the faulty parameters. */
export function parseParams<S extends z.ZodType>(schema: S, value: unknown, where = 'padparameter'): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = invalidParamsFrom(parsed.error.issues, where);
  throw new InvalidInputError(fields, `Ongeldige invoer: ${fields.map((f) => f.reason).join(' ')}`);
}

/** The `versie` of a posted form. */
export const formVersie = (body: unknown) => parseParams(z.object({ versie: versieField }), body, 'formulier').versie;

export const jobIdParams = z.object({ id: z.uuid('Dit is geen geldige verwijzing naar een importtaak.') });
