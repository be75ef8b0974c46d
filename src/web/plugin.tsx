import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { coordinatieRoutes } from './coordinatie-routes.js';
import { herinneringRoutes } from './herinnering-routes.js';
import { registerErrorPages } from './error-pages.js';
import { mijnVermeldingRoutes } from './mijn-vermelding-routes.js';
import { organisatieRoutes } from './organisatie-routes.js';
import { pmmRoutes } from './pmm-routes.js';
import { searchRoutes } from './search-routes.js';
import { secureCookies } from './session.js';
import { signInRoutes } from './sign-in-routes.js';
import { textRoutes } from './text-routes.js';

/**
 * The Dutch web pages: server-rendered, working without JavaScript, on the same services as the API (src/web never
 * reads the database itself; test/architecture.test.ts holds it to that). This plugin only wires: cookies, forms,
 * CSRF, static assets, error pages, and the route modules, one per part of the site.
 */

const require = createRequire(import.meta.url);
const utrechtCss = readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css'), 'utf8');

export default fp(
  async (app: FastifyInstance) => {
    await app.register(fastifyCookie);
    await app.register(fastifyFormbody);
    await app.register(fastifyCsrf, { cookieKey: 'maatwerk_csrf', cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: secureCookies(app), signed: false } });
    await app.register(fastifyStatic, { root: fileURLToPath(new URL('./static', import.meta.url)), prefix: '/static/', decorateReply: false, maxAge: '1h' });
    app.get('/static/utrecht.css', { config: { rateLimit: false } }, (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(utrechtCss),
    );
    registerErrorPages(app);

    await searchRoutes(app);
    await organisatieRoutes(app);
    await signInRoutes(app);
    await mijnVermeldingRoutes(app);
    await coordinatieRoutes(app);
    await pmmRoutes(app);
    await herinneringRoutes(app);
    await textRoutes(app);
  },
  { name: 'web', dependencies: ['authentication', 'search'] },
);
