import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { registerAssets } from './assets.js';
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
 * CSRF, static assets (versioned, assets.ts), error pages, and the route modules, one per part of the site.
 */

export default fp(
  async (app: FastifyInstance) => {
    await app.register(fastifyCookie);
    await app.register(fastifyFormbody);
    await app.register(fastifyCsrf, { cookieKey: 'maatwerk_csrf', cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: secureCookies(app), signed: false } });
    registerAssets(app);
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
