import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import { classifyUnavailable } from '../http/dependency-errors.js';
import { invalidParamsFrom } from '../http/invalid-params.js';
import type { InvalidParam } from '../http/problem.js';
import { ProblemError } from '../http/problem.js';
import { serviceContextFor, type ServiceContext } from '../service-context.js';
import { SESSION_COOKIE } from './session.js';

/**
 * The frame every page handler stands in: who is signed in (through exactly the API's token checks), the sign-in
 * guard, the service context, and form validation as invalid fields. One copy, used by every page.
 */

/**
 * The signed-in person from the session cookie; null when none or refused (the cookie is then cleared).
 * Only a refusal of the token itself (a 4xx from the token checks) signs the person out. Anything else — the
 * database down or slow, the identity provider's keys unreachable — is thrown on, so the page says "tijdelijk niet
 * beschikbaar" (503) and the session is kept for when it is back (issue 16, F2: a short outage signed everyone out).
 */
export async function webPrincipal(request: FastifyRequest, reply: FastifyReply): Promise<Principal | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  request.headers.authorization = `Bearer ${token}`;
  try {
    await request.server.authenticate(request);
    return request.principal;
  } catch (error) {
    if (!(error instanceof ProblemError) || error.status >= 500) throw error;
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return null;
  }
}

/**
 * For pages anyone may read (the statements): the person when they can be checked now, else the page is shown as
 * to a visitor — without touching the session — rather than not at all.
 */
export async function optionalPrincipal(request: FastifyRequest, reply: FastifyReply): Promise<Principal | null> {
  try {
    return await webPrincipal(request, reply);
  } catch (error) {
    if (!(error instanceof ProblemError) && !classifyUnavailable(error)) throw error;
    request.log.warn({ err: error }, 'session not checked: dependency unavailable');
    return null;
  }
}

/**
 * The sign-in guard: the person, or null after redirecting to the sign-in page, which sends them back to `terug`
 * (by default the page asked for; a form's handler passes the page the form is on, as a POST's own URL may have no
 * page). A handler that gets null returns the reply as it is.
 *
 * The sign-in page says why it is shown when the person did not just arrive: a form sent without a valid session
 * (signed out in another window, or the session ran out) was not saved, and a page asked for with a session that is
 * no longer accepted means it ran out. Only the kind of message travels in the URL, never what was typed.
 */
export async function signedIn(request: FastifyRequest, reply: FastifyReply, terug = request.url): Promise<Principal | null> {
  const hadSession = Boolean(request.cookies[SESSION_COOKIE]);
  const principal = await webPrincipal(request, reply);
  if (!principal) {
    const melding = request.method !== 'GET' && request.method !== 'HEAD' ? 'niet-opgeslagen' : hadSession ? 'sessie-verlopen' : undefined;
    await reply.redirect(`/inloggen?terug=${encodeURIComponent(terug)}${melding ? `&melding=${melding}` : ''}`, 303);
  }
  return principal;
}

/** What a service needs, for a page request: the audit records the origin as `web:<request id>`. */
export function pageContext(request: FastifyRequest, principal: Principal): ServiceContext {
  return serviceContextFor(request.server, principal, `web:${request.id}`);
}

/** A form through the API's own schema: the parsed input, or the invalid fields as the API would name them. */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.output<S> } | { ok: false; errors: InvalidParam[] } {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: invalidParamsFrom(parsed.error.issues, 'formulier') };
}
