import type { FastifyInstance, FastifyReply } from 'fastify';
import { titleFor } from '../http/problem.js';
import { FoutPagina } from './pages/tekst.js';
import { sendPage } from './render.js';

/**
 * The pages a browser gets instead of problem+json (plugins/problem-details.ts asks for them): not found, a refusal
 * or missing object from a service, and server errors.
 */
export function registerErrorPages(app: FastifyInstance) {
  app.decorate('sendNotFoundPage', (reply: FastifyReply) =>
    sendPage(reply, <FoutPagina principal={null} csrfToken="" status={404} titel="Pagina niet gevonden" uitleg="Deze pagina bestaat niet. Misschien is de link verouderd." />, 404),
  );
  app.decorate('sendErrorPage', (reply: FastifyReply, status: number, uitleg: string) =>
    sendPage(reply, <FoutPagina principal={null} csrfToken="" status={status} titel={status === 503 ? 'Even niet beschikbaar' : status >= 500 ? 'Er ging iets mis' : titleFor(status)} uitleg={uitleg} />, status),
  );
}
