import type { FastifyInstance, FastifyReply } from 'fastify';
import { titleFor } from '../http/problem.js';
import { FoutPagina } from './pages/tekst.js';
import { sendPage } from './render.js';
import { safeReturn, SESSION_COOKIE } from './session.js';

/**
 * The pages a browser gets instead of problem+json (plugins/problem-details.ts asks for them): not found, a refusal
 * or missing object from a service, invalid input, and server errors. A 503 (a dependency down or slow) says that
 * it will pass and that nobody was signed out: the session cookie is left as it is (issue 16, F2).
 */
export function registerErrorPages(app: FastifyInstance) {
  app.decorate('sendNotFoundPage', (reply: FastifyReply) =>
    sendPage(reply, <FoutPagina principal={null} csrfToken="" status={404} titel="Pagina niet gevonden" uitleg="Deze pagina bestaat niet. Misschien is de link verouderd." />, 404),
  );
  app.decorate('sendErrorPage', (reply: FastifyReply, status: number, uitleg: string) => {
    if (status === 503) {
      const request = reply.request;
      const signedIn = Boolean(request.cookies[SESSION_COOKIE]);
      return sendPage(
        reply,
        <FoutPagina
          principal={null}
          csrfToken=""
          status={503}
          titel="Tijdelijk niet beschikbaar"
          uitleg={uitleg}
          aanvulling={signedIn ? 'Je bent niet uitgelogd: zodra het register weer bereikbaar is, ga je verder waar je was.' : undefined}
          opnieuw={request.method === 'GET' ? safeReturn(request.url) : undefined}
          sessieOnbekend={signedIn}
        />,
        503,
      );
    }
    return sendPage(reply, <FoutPagina principal={null} csrfToken="" status={status} titel={status >= 500 ? 'Er ging iets mis' : titleFor(status)} uitleg={uitleg} />, status);
  });
}
