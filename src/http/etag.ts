import type { FastifyRequest } from 'fastify';
import { ProblemError } from './problem.js';

/** Entries are versioned; the version is the (strong) entity tag. */
export const etagFor = (versie: number) => `"${versie}"`;

/** The version a client read, from `If-Match`; required for changes so no update is silently lost. */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') {
    throw new ProblemError(428, 'Stuur de versie die je wilt wijzigen mee in de header If-Match (de ETag van de laatste GET).');
  }
  const match = /^"(\d{1,9})"$/.exec(String(header).trim());
  if (!match) throw new ProblemError(412, `If-Match ${String(header)} hoort niet bij een versie van deze vermelding; gebruik de ETag van de laatste GET.`);
  return Number(match[1]);
}

export const etagHeaders = {
  ETag: { type: 'string', description: 'Versie van de vermelding; stuur haar mee als If-Match bij een wijziging.' },
};
