import { z } from 'zod';
import { PATCH_SCHEMA } from './constants.js';

/**
 * The request shapes of /scim/v2, as loose as SCIM clients are: unknown attributes (locale, addresses, …) are
 * accepted and ignored, attribute names are matched case-insensitively (resource.ts), and Microsoft Entra ID's
 * habit of sending booleans as "True"/"False" is understood. What the register stores is checked in resource.ts,
 * with the same field rules as the API, and refused naming the SCIM attribute.
 */

export const scimBoolean = z.union([z.boolean(), z.enum(['true', 'false', 'True', 'False', 'TRUE', 'FALSE']).transform((v) => v.toLowerCase() === 'true')]);

/** Any JSON object: the User body is read attribute by attribute in resource.ts. */
export const scimUserBody = z.record(z.string(), z.unknown());

const patchOperation = z.object({
  op: z
    .string()
    .transform((op) => op.toLowerCase())
    .pipe(z.enum(['add', 'replace', 'remove'], 'op moet add, replace of remove zijn.')),
  path: z.string().min(1).optional(),
  value: z.unknown().optional(),
});

export type PatchOperation = z.output<typeof patchOperation>;

export const patchBody = z.looseObject({
  schemas: z.array(z.string()).refine((schemas) => schemas.includes(PATCH_SCHEMA), `schemas moet ${PATCH_SCHEMA} bevatten.`),
  Operations: z.array(patchOperation).min(1, 'Operations bevat geen bewerkingen.').max(100, 'Hoogstens 100 bewerkingen per verzoek.'),
});

const positive = z.coerce.number('Gebruik een geheel getal.').int('Gebruik een geheel getal.');

export const listQuery = z.looseObject({
  filter: z.string().max(1000).optional(),
  // RFC 7644 §3.4.2.4: a startIndex below 1 is read as 1, a negative count as 0.
  startIndex: positive.optional().transform((v) => Math.max(1, v ?? 1)),
  count: positive.optional(),
});

export const idParams = z.object({ id: z.string().max(100) });
