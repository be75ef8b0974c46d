/**
 * What a service reports when it cannot do what was asked, in the domain's own terms. Services never choose an HTTP
 * status: the API's error handler (plugins/problem-details.ts) turns these into problem+json, and the web layer into
 * the right page or form message, each in one place.
 */

/** One invalid field or parameter: dotted name, a machine-readable code, a Dutch reason. */
export interface InvalidField {
  name: string;
  code: string;
  reason: string;
}

export abstract class DomainError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = new.target.name;
  }
}

/** The object does not exist, or this person may not know that it does. */
export class NotFoundError extends DomainError {}

/** The person is known but may not do this. */
export class ForbiddenError extends DomainError {}

/** The request clashes with the register's current state (a duplicate, the last beheerder, an owned entry). */
export class ConflictError extends DomainError {
  constructor(
    detail: string,
    readonly fields: InvalidField[] = [],
  ) {
    super(detail);
  }
}

/** Optimistic concurrency: the object changed since the version the caller read. */
export class StaleVersionError extends DomainError {}

/** Input that the domain refuses, naming every faulty field. */
export class InvalidInputError extends DomainError {
  constructor(
    readonly fields: InvalidField[],
    detail = 'Een of meer velden zijn ongeldig.',
  ) {
    super(detail);
  }
}

/** Errors a form can show beside its fields, rather than on an error page. */
export const isFormError = (error: unknown): error is InvalidInputError | ConflictError | StaleVersionError =>
  error instanceof InvalidInputError || error instanceof ConflictError || error instanceof StaleVersionError;

/** The fields a form error names; a form-wide message when it names none. */
export function fieldsOf(error: InvalidInputError | ConflictError | StaleVersionError): InvalidField[] {
  const fields = error instanceof StaleVersionError ? [] : error.fields;
  return fields.length > 0 ? fields : [{ name: 'formulier', code: error instanceof StaleVersionError ? 'stale' : 'conflict', reason: error.detail }];
}
