import type { FastifyRequest } from 'fastify';

/** The request's path and query as a URL (the origin is irrelevant: links we build are relative). */
export function requestUrl(request: FastifyRequest): URL {
  return new URL(request.url, 'http://localhost');
}
