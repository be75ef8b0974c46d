import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ConflictError, InvalidInputError, StaleVersionError, DomainError } from '../domain-errors.js';
import { toProblemError } from '../plugins/problem-details.js';
import { ERROR_SCHEMA } from './constants.js';

/**
 * SCIM's own error body (RFC 7644 §3.12): `status` as a string, and for 400/409 a `scimType` that tells a
 * provisioning client what kind of refusal it met. Everything the rest of the service answers as problem+json is
 * answered here in this shape, from the same mapping (toProblemError), so statuses agree across the two.
 */

export type ScimType = 'invalidFilter' | 'tooMany' | 'uniqueness' | 'mutability' | 'invalidSyntax' | 'invalidPath' | 'noTarget' | 'invalidValue' | 'invalidVers' | 'sensitive';

export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ScimError';
  }

  toBody() {
    return { schemas: [ERROR_SCHEMA], status: String(this.status), ...(this.scimType ? { scimType: this.scimType } : {}), detail: this.detail };
  }
}

export const invalidValue = (detail: string) => new ScimError(400, detail, 'invalidValue');

/** The SCIM attribute a domain field is known by, for refusals that name it. */
const attributeOf: Record<string, string> = {
  gebruikersnaam: 'userName',
  email: 'emails[type eq "work"].value',
  naam: 'displayName',
  functie: 'title',
  afdeling: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
  telefoon: 'phoneNumbers[type eq "work"].value',
  externId: 'externalId',
};

const named = (fields: { name: string; reason: string }[]) => fields.map((f) => `${attributeOf[f.name] ?? f.name}: ${f.reason}`).join('; ');

/** `undefined` for an error that is nobody's fault but ours (the caller logs it and answers 500 without internals). */
export function scimErrorFrom(error: unknown): ScimError | undefined {
  if (error instanceof ScimError) return error;
  if (error instanceof InvalidInputError) return new ScimError(400, `${error.detail} ${named(error.fields)}`.trim(), 'invalidValue');
  if (error instanceof ConflictError) return new ScimError(409, error.fields.length > 0 ? named(error.fields) : error.detail, 'uniqueness');
  if (error instanceof StaleVersionError) return new ScimError(412, error.detail);
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const names = fastifyError.validation.map((issue) => `${issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || String(fastifyError.validationContext)}: ${issue.message}`);
    return new ScimError(400, `Ongeldige invoer: ${names.join('; ')}`, 'invalidValue');
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fastifyError.name === 'SyntaxError') {
    return new ScimError(400, 'De body is geen geldige JSON.', 'invalidSyntax');
  }
  const problem = toProblemError(fastifyError);
  if (!problem) return undefined;
  const scimType = problem.status === 400 ? (error instanceof DomainError ? 'invalidValue' : 'invalidSyntax') : undefined;
  const detail = problem.extra.invalidParams?.length ? `${problem.detail} ${problem.extra.invalidParams.map((p) => `${p.name}: ${p.reason}`).join('; ')}` : problem.detail;
  return new ScimError(problem.status, detail, problem.status === 400 && problem.extra.invalidParams?.length ? 'invalidValue' : scimType, problem.extra.headers);
}
