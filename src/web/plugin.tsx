import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { DEV_ISSUER, loadOrCreateDevKeys, signDevToken } from '../auth/dev-issuer.js';
import type { Principal } from '../auth/principal.js';
import { InvalidInputError, NotFoundError } from '../domain-errors.js';
import { ProblemError, titleFor } from '../http/problem.js';
import { findEntries, toView } from '../professionals/repository.js';
import { getProfessional } from '../professionals/service.js';
import { grantRole } from '../roltoewijzingen/service.js';
import { zoekQuerySchema } from '../zoeken/schemas.js';
import { searchProfessionals } from '../zoeken/service.js';
import { sql } from 'drizzle-orm';
import { InlogPagina } from './pages/inloggen.js';
import { ProfessionalPagina } from './pages/professional.js';
import { FoutPagina, PrivacyPagina, ToegankelijkheidPagina } from './pages/tekst.js';
import { ZoekPagina } from './pages/zoeken.js';
import { OrganisatiePagina } from './pages/organisatie.js';
import { getOrganisatie } from '../organisaties/service.js';
import { organisatieCode } from '../organisaties/schemas.js';
import { sendPage } from './render.js';
import { oidcClient, type OidcLogin } from './oidc.js';
import { mijnVermeldingRoutes } from './mijn-vermelding-routes.js';
import { coordinatieRoutes } from './coordinatie-routes.js';
import { pmmRoutes } from './pmm-routes.js';

/**
 * The Dutch web pages: server-rendered, working without JavaScript, on the same services as the API. The session is
 * an httpOnly, SameSite cookie holding the verified token; forms carry a CSRF token.
 */

export const SESSION_COOKIE = 'maatwerk_sessie';
const require = createRequire(import.meta.url);
const utrechtCss = readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css'), 'utf8');

/** Only local paths, so a crafted `terug` cannot send someone elsewhere. */
function safeReturn(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/';
}

export default fp(
  async (app: FastifyInstance) => {
    const secure = app.config.publicUrl.startsWith('https://') || app.config.env === 'production';
    await app.register(fastifyCookie);
    await app.register(fastifyFormbody);
    await app.register(fastifyCsrf, { cookieKey: 'maatwerk_csrf', cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure, signed: false } });
    await app.register(fastifyStatic, { root: fileURLToPath(new URL('./static', import.meta.url)), prefix: '/static/', decorateReply: false, maxAge: '1h' });
    app.get('/static/utrecht.css', { config: { rateLimit: false } }, (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(utrechtCss),
    );

    /** The signed-in person from the session cookie, through exactly the API's token checks; null when none or invalid. */
    async function webPrincipal(request: FastifyRequest, reply: FastifyReply): Promise<Principal | null> {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return null;
      request.headers.authorization = `Bearer ${token}`;
      try {
        await app.authenticate(request);
        return request.principal;
      } catch (error) {
        // A session that cannot be checked right now (identity provider unreachable) is kept: the error page says so.
        if (error instanceof ProblemError && error.status >= 500) throw error;
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return null;
      }
    }

    app.decorate('sendNotFoundPage', (reply: FastifyReply) =>
      sendPage(reply, <FoutPagina principal={null} csrfToken="" status={404} titel="Pagina niet gevonden" uitleg="Deze pagina bestaat niet. Misschien is de link verouderd." />, 404),
    );
    app.decorate('sendErrorPage', (reply: FastifyReply, status: number, uitleg: string) =>
      sendPage(reply, <FoutPagina principal={null} csrfToken="" status={status} titel={status === 503 ? 'Even niet beschikbaar' : status >= 500 ? 'Er ging iets mis' : titleFor(status)} uitleg={uitleg} />, status),
    );

    const signIn = (request: FastifyRequest, reply: FastifyReply) =>
      reply.redirect(`/inloggen?terug=${encodeURIComponent(request.url)}`, 303);

    app.get('/', async (request, reply) => {
      const principal = await webPrincipal(request, reply);
      if (!principal) return signIn(request, reply);
      const csrfToken = reply.generateCsrf();
      const params = new URLSearchParams(request.url.split('?')[1] ?? '');
      const raw: Record<string, string | string[]> = {};
      for (const key of new Set(params.keys())) {
        const values = params.getAll(key).filter((v) => v !== '');
        if (values.length > 0) raw[key] = ['zoekterm', 'pagina', 'paginaGrootte', 'geverifieerd', 'gewenstRolniveau'].includes(key) ? values[0]! : values;
      }
      const parsed = zoekQuerySchema.safeParse(raw);
      if (!parsed.success) {
        return sendPage(reply, <ZoekPagina principal={principal} csrfToken={csrfToken} params={params} fout="De zoekopdracht bevat een ongeldige waarde; pas haar aan of begin opnieuw." />, 400);
      }
      try {
        const answer = await searchProfessionals({ db: app.db, engine: app.searchEngine, config: app.config, searchLog: app.searchLog }, principal, parsed.data);
        return sendPage(reply, <ZoekPagina principal={principal} csrfToken={csrfToken} params={params} answer={answer} />);
      } catch (error) {
        if (error instanceof InvalidInputError) {
          return sendPage(reply, <ZoekPagina principal={principal} csrfToken={csrfToken} params={params} fout={error.fields[0]?.reason ?? error.detail} />, 400);
        }
        throw error;
      }
    });

    app.get('/professionals/:id', async (request, reply) => {
      const principal = await webPrincipal(request, reply);
      if (!principal) return signIn(request, reply);
      const csrfToken = reply.generateCsrf();
      const { id } = request.params as { id: string };
      const context = { db: app.db, principal, audit: { actor: principal, herkomst: `web:${request.id}` }, termijnen: app.config.termijnen };
      const valid = z.uuid().safeParse(id).success;
      const entry = valid ? await getProfessional(context, id).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error))) : null;
      if (!entry) {
        return sendPage(reply, <FoutPagina principal={principal} csrfToken={csrfToken} status={404} titel="Niet gevonden" uitleg="Deze vermelding bestaat niet (meer), of je mag haar niet zien." />, 404);
      }
      const teams = (await findEntries(app.db, sql`p.organisatie_code = ${entry.organisatie.code} AND p.soort = 'team' AND p.id <> ${entry.id} AND p.status = 'actief' AND p.zichtbaarheid = 'alle-professionals'`, sql`ORDER BY p.naam LIMIT 5`)).map((team) =>
        toView(team, app.config.termijnen, new Date()),
      );
      return sendPage(reply, <ProfessionalPagina principal={principal} csrfToken={csrfToken} entry={entry} teams={teams} />);
    });

    app.get('/organisaties/:code', async (request, reply) => {
      const principal = await webPrincipal(request, reply);
      if (!principal) return signIn(request, reply);
      const csrfToken = reply.generateCsrf();
      const { code } = request.params as { code: string };
      const organisatie = organisatieCode.safeParse(code).success ? await getOrganisatie(app.db, code).catch(() => null) : null;
      if (!organisatie) {
        return sendPage(reply, <FoutPagina principal={principal} csrfToken={csrfToken} status={404} titel="Niet gevonden" uitleg="Er is geen organisatie met deze code." />, 404);
      }
      const deps = { db: app.db, engine: app.searchEngine, config: app.config };
      const base = { organisatie: [code], pagina: 1, paginaGrootte: 50 };
      const [teams, mensen] = await Promise.all([
        searchProfessionals(deps, principal, { ...base, soort: ['team'] }),
        searchProfessionals(deps, principal, { ...base, soort: ['persoon'] }),
      ]);
      return sendPage(reply, <OrganisatiePagina principal={principal} csrfToken={csrfToken} organisatie={organisatie} teams={teams} mensen={mensen} />);
    });

    app.get('/inloggen', async (request, reply) => {
      const csrfToken = reply.generateCsrf();
      const terug = safeReturn((request.query as { terug?: string }).terug);
      return sendPage(reply, <InlogPagina csrfToken={csrfToken} terug={terug} devLogin={app.config.devLogin} oidc={app.config.oidc !== null} />);
    });

    const oidc = app.config.oidc ? oidcClient(app.config.oidc) : undefined;
    const OIDC_COOKIE = 'maatwerk_oidc';
    app.get('/inloggen/oidc', async (request, reply) => {
      if (!oidc) return reply.redirect('/inloggen', 303);
      const { url, login } = await oidc.start(safeReturn((request.query as { terug?: string }).terug));
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
        request.log.warn({ err: error }, 'OpenID sign-in failed');
        return sendPage(reply, <InlogPagina csrfToken={reply.generateCsrf()} terug={safeReturn(login.terug)} devLogin={app.config.devLogin} oidc fout="Inloggen via je organisatie is niet gelukt. Probeer het opnieuw of neem contact op met de beheerder." />, 400);
      }
    });

    const devSignIn = z.object({
      _csrf: z.string().optional(),
      terug: z.string().optional(),
      sub: z.string().trim().min(1).max(100),
      naam: z.string().trim().max(100).optional(),
      email: z.union([z.literal(''), z.email()]).optional(),
      organisatie: z.string().trim().toLowerCase().min(2).max(80),
      rollen: z.union([z.string(), z.array(z.string())]).optional(),
    });

    app.post('/inloggen', { preHandler: app.csrfProtection }, async (request, reply) => {
      if (!app.config.devLogin) return reply.code(404).send();
      const body = devSignIn.safeParse(request.body);
      const values = (request.body ?? {}) as Record<string, string | string[]>;
      const waarden = { ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v])) };
      const retry = (fout: string) =>
        sendPage(reply, <InlogPagina csrfToken={reply.generateCsrf()} terug={safeReturn(values.terug)} devLogin fout={fout} waarden={waarden} />, 400);
      if (!body.success) return retry('Vul een gebruikersnaam en een organisatiecode in (en een geldig e-mailadres, als je dat invult).');
      const [organisation] = await app.db.execute<{ actief: boolean }>(sql`SELECT actief FROM organisaties WHERE code = ${body.data.organisatie}`);
      if (!organisation?.actief) return retry(`Organisatie "${body.data.organisatie}" bestaat niet of is niet actief.`);
      const rollen = [body.data.rollen ?? []].flat().filter((r): r is 'coordinator' | 'pmm' | 'beheerder' => ['coordinator', 'pmm', 'beheerder'].includes(r));
      for (const rol of rollen) {
        await grantRole(app.db, { issuer: DEV_ISSUER, subject: body.data.sub, rol, organisatie: rol === 'coordinator' ? body.data.organisatie : null }, { actor: null, herkomst: 'web:ontwikkel-inlog' });
      }
      const token = signDevToken(await loadOrCreateDevKeys(app.config.dataDir), { sub: body.data.sub, organisatie: body.data.organisatie, naam: body.data.naam || undefined, email: body.data.email || undefined }, 8 * 3600);
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 8 * 3600 });
      return reply.redirect(safeReturn(body.data.terug), 303);
    });

    app.post('/uitloggen', { preHandler: app.csrfProtection }, async (_request, reply) => {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/inloggen', 303);
    });

    await mijnVermeldingRoutes(app, webPrincipal);
    await coordinatieRoutes(app, webPrincipal);
    await pmmRoutes(app, webPrincipal);

    app.get('/toegankelijkheid', async (request, reply) => {
      const principal = await webPrincipal(request, reply);
      return sendPage(reply, <ToegankelijkheidPagina principal={principal} csrfToken={reply.generateCsrf()} />);
    });
    app.get('/privacy', async (request, reply) => {
      const principal = await webPrincipal(request, reply);
      return sendPage(reply, <PrivacyPagina principal={principal} csrfToken={reply.generateCsrf()} />);
    });
  },
  { name: 'web', dependencies: ['authentication', 'search'] },
);
