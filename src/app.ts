import { randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadOrCreateDevKeys } from './auth/dev-issuer.js';
import { buildIssuerRegistry, type IssuerRegistry } from './auth/issuer-registry.js';
import type { Config } from './config.js';
import type { Database } from './database/connection.js';
import expertisegebiedRoutes from './expertisegebieden/routes.js';
import healthRoutes from './health/routes.js';
import securityTxtRoutes from './security-txt/routes.js';
import metrics from './observability/metrics.js';
import verwerkingslog from './verwerkingslog/plugin.js';
import { httpInstrumentation, traceLogFields } from './observability/tracing.js';
import { API_PREFIX } from './http/api-version.js';
import './i18n/zod-nl.js';
import mijRoutes from './mij/routes.js';
import organisatieRoutes from './organisaties/routes.js';
import professionalRoutes from './professionals/routes.js';
import importRoutes from './professionals/import-routes.js';
import roltoewijzingRoutes from './roltoewijzingen/routes.js';
import auditRoutes from './audit/routes.js';
import authentication from './plugins/authentication.js';
import databasePlugin from './plugins/database.js';
import openapi from './plugins/openapi.js';
import problemDetails from './plugins/problem-details.js';
import rateLimit from './plugins/rate-limit.js';
import securityHeaders from './plugins/security-headers.js';
import storableInput from './plugins/storable-input.js';
import storageHealth from './plugins/storage-health.js';
import { loggableError } from './http/loggable-error.js';
import search from './plugins/search.js';
import zoekRoutes from './zoeken/routes.js';
import web from './web/plugin.js';
import inzichtRoutes from './inzichten/routes.js';
import herinneringen from './herinneringen/plugin.js';
import importJobs from './professionals/import-jobs-plugin.js';
import casusrouteringRoutes from './casusroutering/routes.js';
import scim from './scim/plugin.js';
import { SCIM_PREFIX } from './scim/constants.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

export interface BuildAppOptions {
  config: Config;
  /** An open database; the caller closes it after `app.close()`. */
  database: Database;
  /** Logger to use (the server passes its own); by default one at the configured level. */
  logger?: FastifyBaseLogger;
  /** Overrides the issuers derived from the configuration (tests). */
  issuers?: IssuerRegistry;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The whole service as one Fastify instance: used by the server and by the tests alike. */
export async function buildApp(options: BuildAppOptions) {
  const { config } = options;
  // Errors are logged without the statement parameters drizzle puts in them (personal data): see loggable-error.ts.
  const serializers = { err: loggableError };
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger.child({}, { serializers }) } : { logger: { level: config.logLevel, serializers, mixin: traceLogFields } }),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // A request that takes longer is answered 503 (problem-details maps FST_ERR_HANDLER_TIMEOUT); a client that
    // sends its headers and body slower than bodyMs gets 408 from Node, checked a few times per bound (issue 16, F3).
    handlerTimeout: config.timeouts.requestMs,
    requestTimeout: config.timeouts.bodyMs,
    // Node reads these only when the server is created (setting server.requestTimeout later has no effect).
    http: {
      requestTimeout: config.timeouts.bodyMs,
      headersTimeout: Math.min(60_000, config.timeouts.bodyMs),
      connectionsCheckingInterval: Math.max(250, Math.min(30_000, Math.floor(config.timeouts.bodyMs / 4))),
    },
    // Always the service's own id: it is the audit log's origin (`api:<id>`), which a caller must not choose
    // (issue 16). A caller's sane X-Request-Id is logged beside it, so proxies' logs can still be joined.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Health probes would drown the log; other requests are logged unless LOG_REQUESTS=false.
    logController: new LogController({ disableRequestLogging: (request) => !config.logRequests || request.url.startsWith('/health/') }),
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  app.addHook('onRequest', async (request) => {
    const incoming = request.headers['x-request-id'];
    if (typeof incoming === 'string' && REQUEST_ID.test(incoming)) request.log = request.log.child({ upstreamRequestId: incoming });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);

  const issuers =
    options.issuers ?? buildIssuerRegistry(config.trustedIssuers, config.devLogin ? await loadOrCreateDevKeys(config.dataDir) : undefined);

  // First, so every later hook and route is inside the request's span.
  await app.register(httpInstrumentation.plugin());
  await app.register(databasePlugin, { database: options.database });
  await app.register(metrics);
  await app.register(verwerkingslog);
  await app.register(securityHeaders);
  // Pages, stylesheets (Utrecht's is 406 KB) and JSON answers shrink to a fraction; small answers are left as they are.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'], brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });
  await app.register(problemDetails);
  await app.register(storableInput);
  await app.register(storageHealth);
  await app.register(rateLimit, config.rateLimit);
  await app.register(openapi);
  await app.register(authentication, { issuers });
  await app.register(search);
  await app.register(herinneringen);
  await app.register(importJobs, { database: options.database });

  await app.register(healthRoutes);
  await app.register(securityTxtRoutes);
  await app.register(web);
  await app.register(
    async (api) => {
      await api.register(organisatieRoutes);
      await api.register(expertisegebiedRoutes);
      await api.register(mijRoutes);
      await api.register(zoekRoutes);
      await api.register(professionalRoutes);
      await api.register(importRoutes);
      await api.register(roltoewijzingRoutes);
      await api.register(auditRoutes);
      await api.register(inzichtRoutes);
      await api.register(casusrouteringRoutes);
    },
    { prefix: API_PREFIX },
  );
  await app.register(scim, { prefix: SCIM_PREFIX });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
