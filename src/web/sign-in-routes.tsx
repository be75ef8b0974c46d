import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DEV_ISSUER, loadOrCreateDevKeys, signDevToken } from '../auth/dev-issuer.js';
import { listOrganisatieNamenActief, resolveOrganisatie } from '../organisaties/service.js';
import { grantRole } from '../roltoewijzingen/service.js';
import { oidcClient, SignInBelowLevel, type OidcLogin } from './oidc.js';
import { inlogMelding, InlogNiveauTeLaagPagina, InlogPagina } from './pages/inloggen.js';
import { sendPage } from './render.js';
import { safeReturn, secureCookies, SESSION_COOKIE } from './session.js';

const OIDC_COOKIE = 'maatwerk_oidc';

const devSignIn = z.object({
  _csrf: z.string().optional(),
  terug: z.string().optional(),
  sub: z.string().trim().min(1).max(100),
  naam: z.string().trim().max(100).optional(),
  email: z.union([z.literal(''), z.email()]).optional(),
  organisatie: z.string().trim().min(2).max(120),
  rollen: z.union([z.string(), z.array(z.string())]).optional(),
});

/** Signing in and out: the organisation's OpenID provider, and the development issuer outside production. */
export async function signInRoutes(app: FastifyInstance) {
  const secure = secureCookies(app);

  app.get('/inloggen', async (request, reply) => {
    const csrfToken = reply.generateCsrf();
    const query = request.query as { terug?: string; melding?: string };
    const terug = safeReturn(query.terug);
    const organisatieNamen = app.config.devLogin ? await listOrganisatieNamenActief(app.db) : [];
    return sendPage(
      reply,
      <InlogPagina csrfToken={csrfToken} terug={terug} devLogin={app.config.devLogin} oidc={app.config.oidc !== null} organisatieNamen={organisatieNamen} melding={inlogMelding(query.melding)} />,
    );
  });

  const oidc = app.config.oidc ? oidcClient(app.config.oidc) : undefined;
  app.get('/inloggen/oidc', async (request, reply) => {
    if (!oidc) return reply.redirect('/inloggen', 303);
    const query = request.query as { terug?: string; opnieuw?: string };
    const { url, login } = await oidc.start(safeReturn(query.terug), { again: query.opnieuw === 'ja' });
    reply.setCookie(OIDC_COOKIE, JSON.stringify(login), { path: '/inloggen', httpOnly: true, sameSite: 'lax', secure, maxAge: 600 });
    return reply.redirect(url.href, 303);
  });
  app.get('/inloggen/terug', async (request, reply) => {
    if (!oidc) return reply.redirect('/inloggen', 303);
    let login: OidcLogin;
    try {
      login = JSON.parse(request.cookies[OIDC_COOKIE] ?? '') as OidcLogin;
    } catch {
      return sendPage(reply, <InlogPagina csrfToken={reply.generateCsrf()} terug="/" devLogin={app.config.devLogin} oidc fout="Het inloggen is verlopen of in een ander venster begonnen. Probeer het opnieuw." />, 400);
    }
    reply.clearCookie(OIDC_COOKIE, { path: '/inloggen' });
    try {
      const { idToken, expiresAt } = await oidc.finish(request.url, login);
      reply.setCookie(SESSION_COOKIE, idToken, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: Math.max(60, expiresAt - Math.floor(Date.now() / 1000)) });
      return reply.redirect(safeReturn(login.terug), 303);
    } catch (error) {
      if (error instanceof SignInBelowLevel) {
        // No session is set: the person is told what level the register asks and how to reach it.
        request.log.warn({ shortfall: error.shortfall }, 'OpenID sign-in refused: below the required level');
        return sendPage(reply, <InlogNiveauTeLaagPagina terug={safeReturn(login.terug)} shortfall={error.shortfall} />, 403);
      }
      request.log.warn({ err: error }, 'OpenID sign-in failed');
      return sendPage(reply, <InlogPagina csrfToken={reply.generateCsrf()} terug={safeReturn(login.terug)} devLogin={app.config.devLogin} oidc fout="Inloggen via je organisatie is niet gelukt. Probeer het opnieuw of neem contact op met de beheerder." />, 400);
    }
  });

  app.post('/inloggen', { preHandler: app.csrfProtection }, async (request, reply) => {
    if (!app.config.devLogin) return reply.code(404).send();
    const body = devSignIn.safeParse(request.body);
    const values = (request.body ?? {}) as Record<string, string | string[]>;
    const waarden = { ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v])) };
    const retry = async (fout: string) =>
      sendPage(reply, <InlogPagina csrfToken={reply.generateCsrf()} terug={safeReturn(values.terug)} devLogin fout={fout} waarden={waarden} organisatieNamen={await listOrganisatieNamenActief(app.db)} />, 400);
    if (!body.success) return retry('Vul een gebruikersnaam en een organisatie in (en een geldig e-mailadres, als je dat invult).');
    const { organisatie: organisation, kandidaten } = await resolveOrganisatie(app.db, body.data.organisatie);
    if (!organisation) {
      return retry(
        kandidaten.length > 0
          ? `"${body.data.organisatie}" past bij meer organisaties: ${kandidaten.map((o) => o.naam).join(', ')}. Kies er één uit de lijst.`
          : `Er is geen actieve organisatie "${body.data.organisatie}". Typ een deel van de naam en kies uit de lijst.`,
      );
    }
    const code = organisation.code;
    const rollen = [body.data.rollen ?? []].flat().filter((r): r is 'coordinator' | 'pmm' | 'beheerder' => ['coordinator', 'pmm', 'beheerder'].includes(r));
    for (const rol of rollen) {
      await grantRole(app.db, { issuer: DEV_ISSUER, subject: body.data.sub, rol, organisatie: rol === 'coordinator' ? code : null }, { actor: null, herkomst: 'web:ontwikkel-inlog' });
    }
    const token = signDevToken(await loadOrCreateDevKeys(app.config.dataDir), { sub: body.data.sub, organisatie: code, naam: body.data.naam || undefined, email: body.data.email || undefined }, 8 * 3600);
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 8 * 3600 });
    return reply.redirect(safeReturn(body.data.terug), 303);
  });

  app.post('/uitloggen', { preHandler: app.csrfProtection }, async (_request, reply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    // Say that it worked, rather than showing the sign-in form as if nothing happened.
    return reply.redirect('/inloggen?melding=uitgelogd', 303);
  });
}
