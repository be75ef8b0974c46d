import { titleFor } from './problem.js';

/**
 * Post-processing of the generated OpenAPI document so that it states what the service guarantees for every
 * operation, as the NL API Design Rules require: the `API-Version` header on every 2xx/3xx response, problem+json
 * for every error, a 400 wherever input is accepted, 401 and 503 where a token is needed, 429 and 500 everywhere.
 * Pure: it takes and returns a plain document, so it is tested without a server.
 */

// The document is plain JSON of the OpenAPI 3.1 shape, walked and completed here; typing every node of that schema
// would add no safety the openapi test (which lints the served document with the ADR ruleset) does not give.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument */
type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export const apiVersionHeader = {
  description: 'De volledige versie van de API (semantic versioning).',
  schema: { type: 'string', example: '1.0.0' },
};

const retryAfterHeader = {
  description: 'Na hoeveel seconden een nieuwe poging zin heeft.',
  schema: { type: 'integer', example: 60 },
};

function problemResponse(status: number): Json {
  return {
    description: titleFor(status),
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

export function applyApiConventions(document: Json, options: { prefix: string }): Json {
  const doc = structuredClone(document);
  const paths: Json = {};
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    // @fastify/swagger already strips the server URL's path; strip it here too when it did not.
    const relative = path.startsWith(options.prefix) ? path.slice(options.prefix.length) || '/' : path;
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) item[method] = completeOperation(method, operation);
    }
    paths[relative] = item;
  }
  doc.paths = paths;
  doc.components ??= {};
  doc.components.headers = { ...doc.components.headers, 'API-Version': apiVersionHeader };
  return doc;
}

function completeOperation(method: string, operation: Json): Json {
  const responses: Json = (operation.responses ??= {});
  for (const [status, response] of Object.entries<Json>(responses)) {
    // 204 and 304 carry no body, whatever schema the route used to say so.
    if (status === '204' || status === '304') delete response.content;
    if (/^[23]\d\d$/.test(status)) {
      response.headers = { 'API-Version': { $ref: '#/components/headers/API-Version' }, ...response.headers };
    }
  }
  const takesInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined || ['post', 'put', 'patch'].includes(method);
  const wanted = new Set<number>([429, 500]);
  if (takesInput) wanted.add(400);
  const secured = (operation.security?.length ?? 0) > 0;
  if (secured) wanted.add(401).add(503);
  for (const status of Object.keys(responses)) if (/^[45]\d\d$/.test(status)) wanted.add(Number(status));
  for (const status of [...wanted].sort()) {
    const existing = responses[String(status)];
    const problem = problemResponse(status);
    responses[String(status)] = existing?.description && existing.description !== 'Default Response' ? { ...problem, description: existing.description } : problem;
  }
  // A token cannot be checked while its issuer's keys are unreachable: that is temporary, and says when to retry.
  if (secured && responses['503'].description === titleFor(503)) {
    responses['503'] = { ...responses['503'], description: 'De aanmelding kan nu niet worden gecontroleerd (identiteitsaanbieder onbereikbaar).', headers: { 'Retry-After': retryAfterHeader } };
  }
  return operation;
}
