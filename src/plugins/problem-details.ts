import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { classifyUnavailable, unavailableProblem } from '../http/dependency-errors.js';
import { DomainError } from '../domain-errors.js';
import { invalidParamsFrom } from '../http/invalid-params.js';
import { PROBLEM_CONTENT_TYPE, problemFromDomain, ProblemError, titleFor, type Problem } from '../http/problem.js';

/**
 * Every error leaves the service as RFC 9457 problem details. Invalid input names the fields; unexpected errors
 * are logged with the request id and answered without internals.
 */

export function sendProblem(reply: FastifyReply, problem: Problem & Record<string, unknown>, headers: Record<string, string> = {}) {
  return reply
    .code(problem.status)
    .headers(headers)
    .type(`${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
    .send(JSON.stringify(problem));
}

function validationProblem(error: FastifyError): ProblemError {
  const issues = (error.validation ?? []).map((issue) => ({
    path: issue.instancePath.replace(/^\//, '').split('/').filter(Boolean),
    code: issue.keyword,
    message: issue.message,
    keys: Array.isArray(issue.params?.keys) ? (issue.params.keys as string[]) : undefined,
  }));
  const invalidParams = invalidParamsFrom(issues, String(error.validationContext ?? 'body'));
  const where = { querystring: 'queryparameter', params: 'padparameter', body: 'body', headers: 'header' }[String(error.validationContext)] ?? 'invoer';
  const names = [...new Set(invalidParams.map((p) => p.name))].join(', ');
  return new ProblemError(400, `Ongeldige ${where}: ${names}.`, { invalidParams });
}

/** Fastify's own client errors (bad JSON, wrong content type, body too large) with a Dutch explanation. */
const fastifyClientErrors: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'De body is geen geldige JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'De body is leeg, terwijl Content-Type JSON aangeeft.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'De body is groter dan toegestaan.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Dit mediatype wordt hier niet ondersteund.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'De Content-Length klopt niet met de body.',
  FST_ERR_BAD_URL: 'De URL is ongeldig.',
  FST_ERR_ASYNC_CONSTRAINT: 'Het verzoek kon niet worden gerouteerd.',
};

export function toProblemError(error: FastifyError & { status?: number }): ProblemError | undefined {
  if (error instanceof ProblemError) return error;
  if (error instanceof DomainError) return problemFromDomain(error);
  if (hasZodFastifySchemaValidationErrors(error)) return validationProblem(error);
  // A dependency down or a bound reached: 503 with Retry-After, not a 500 (issue 16, F2/F3/F11).
  const unavailable = classifyUnavailable(error);
  if (unavailable) return unavailableProblem(unavailable);
  const status = error.statusCode ?? error.status;
  if (status && status >= 400 && status < 500) {
    const detail = (error.code && fastifyClientErrors[error.code]) ?? (error.name === 'SyntaxError' ? 'De body is geen geldige JSON.' : titleFor(status));
    return new ProblemError(status, detail);
  }
  return undefined;
}

/** The pages the web layer decorates the app with, when it is registered. */
interface WebErrorPages {
  sendNotFoundPage(reply: FastifyReply): unknown;
  sendErrorPage(reply: FastifyReply, status: number, uitleg: string): unknown;
}

/** A person in a browser gets a page; programs (and everything under /api/) get problem details. */
const wantsPage = (request: FastifyRequest) => (request.headers.accept ?? '').includes('text/html') && !request.url.startsWith('/api/');

export default fp(
  async (app) => {
    const pages = () => (app.hasDecorator('sendErrorPage') ? (app as unknown as WebErrorPages) : undefined);

    app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const problem = toProblemError(error);
      if (problem) {
        if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
        // A refusal, a missing object or input a form cannot have (e.g. U+0000) met while serving a page is shown
        // as a page too, not as JSON.
        const web = (problem.status >= 500 || problem.status === 400 || error instanceof DomainError) && wantsPage(request) ? pages() : undefined;
        if (web) return web.sendErrorPage(reply.headers(problem.extra.headers ?? {}), problem.status, problem.detail);
        return sendProblem(reply, problem.toProblem(), problem.extra.headers);
      }
      request.log.error({ err: error }, 'unhandled error');
      const detail = `Er ging iets mis bij het verwerken van dit verzoek. Vermeld bij contact met de beheerder het kenmerk ${request.id}.`;
      const web = wantsPage(request) ? pages() : undefined;
      if (web) return web.sendErrorPage(reply, 500, detail);
      return sendProblem(reply, { title: titleFor(500), status: 500, detail });
    });

    app.setNotFoundHandler((request, reply) => {
      const web = wantsPage(request) ? pages() : undefined;
      if (web) return web.sendNotFoundPage(reply);
      return sendProblem(reply, { title: titleFor(404), status: 404, detail: `Er bestaat geen ${request.method}-route voor ${request.url.split('?')[0]}.` });
    });
  },
  { name: 'problem-details' },
);
