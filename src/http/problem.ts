import { z } from 'zod';
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError, StaleVersionError } from '../domain-errors.js';

/**
 * RFC 9457 problem details, as the NL API Design Rules ask: every 4xx/5xx is `application/problem+json` with
 * `status`, `title` and `detail`; invalid input also lists the offending fields in `invalidParams`.
 */

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const invalidParamSchema = z
  .object({
    name: z.string().describe('Het veld of de parameter, met punten voor geneste velden (`adres.postcode`).'),
    code: z.string().describe('Machineleesbare reden, bijvoorbeeld `too_small` of `invalid_value`.'),
    reason: z.string().describe('Uitleg in het Nederlands.'),
  })
  .meta({ id: 'InvalidParam' });

export const problemSchema = z
  .object({
    type: z.string().optional().describe('URI die het soort probleem aanduidt.'),
    title: z.string().describe('Korte, vaste omschrijving van het soort probleem.'),
    status: z.number().int().describe('De HTTP-statuscode.'),
    detail: z.string().describe('Uitleg over dit specifieke geval.'),
    instance: z.string().optional().describe('Verwijzing naar dit specifieke verzoek.'),
    invalidParams: z.array(invalidParamSchema).optional().describe('De ongeldige velden of parameters (bij status 400).'),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;
export type InvalidParam = z.infer<typeof invalidParamSchema>;

export const problemTitles: Record<number, string> = {
  400: 'Ongeldige invoer',
  401: 'Niet aangemeld',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  405: 'Methode niet toegestaan',
  406: 'Formaat niet beschikbaar',
  409: 'Conflict',
  412: 'Verouderde versie',
  413: 'Verzoek te groot',
  415: 'Mediatype niet ondersteund',
  428: 'Versie vereist',
  429: 'Te veel verzoeken',
  500: 'Interne fout',
  503: 'Tijdelijk niet beschikbaar',
};

export function titleFor(status: number): string {
  return problemTitles[status] ?? (status >= 500 ? 'Serverfout' : 'Fout in het verzoek');
}

/** Thrown by the HTTP layer (authentication, headers, rate limits) and made from domain errors; the error handler answers it. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly extra: { invalidParams?: InvalidParam[]; headers?: Record<string, string>; title?: string } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }

  toProblem(instance?: string): Problem {
    return {
      title: this.extra.title ?? titleFor(this.status),
      status: this.status,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...(this.extra.invalidParams ? { invalidParams: this.extra.invalidParams } : {}),
    };
  }
}

export const unauthorized = (detail: string) => new ProblemError(401, detail, { headers: { 'WWW-Authenticate': 'Bearer' } });

/** The one mapping from the services' domain errors to HTTP problems. */
export function problemFromDomain(error: DomainError): ProblemError {
  if (error instanceof InvalidInputError) return new ProblemError(400, error.detail, { invalidParams: error.fields });
  if (error instanceof ConflictError) return new ProblemError(409, error.detail, error.fields.length > 0 ? { invalidParams: error.fields } : {});
  if (error instanceof StaleVersionError) return new ProblemError(412, error.detail);
  if (error instanceof ForbiddenError) return new ProblemError(403, error.detail);
  if (error instanceof NotFoundError) return new ProblemError(404, error.detail);
  return new ProblemError(500, error.detail);
}
