import { buildApp } from '../src/app.js';
import { grantRole } from '../src/roltoewijzingen/service.js';
import { DEV_ISSUER, loadOrCreateDevKeys, signDevToken } from '../src/auth/dev-issuer.js';
import { buildIssuerRegistry } from '../src/auth/issuer-registry.js';
import { UsageError, parseCommandArgs, runCommand } from './lib/command.js';
import { fuzz, requestArbitrary, type FuzzContext, type OpenApiDocument } from './lib/openapi-fuzz.js';
import { createScratchDatabase } from './lib/scratch-database.js';

/**
 * OpenAPI-driven fuzzing for longer than the test suite does: N generated requests over every operation and role,
 * against the real app on a scratch database beside the configured one (dropped afterwards). Prints the status
 * counts; exits 1 when any request got a 5xx, listing the first ones (replay them with --seed).
 */
const usage = 'npm run fuzz [-- --requests 20000 --seed N --concurrency 4 --minutes 30]';

await runCommand({ usage }, async ({ config, database, log, out }) => {
  if (config.env === 'production') throw new UsageError('fuzzing is refused when NODE_ENV=production');
  const { values } = parseCommandArgs({
    requests: { type: 'string', default: '20000' },
    seed: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    minutes: { type: 'string', default: '30' },
  });
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  const seed = values.seed === undefined ? Date.now() : Number(values.seed);
  if (![requests, concurrency, seed, Number(values.minutes)].every((n) => Number.isInteger(n) && n > 0)) throw new UsageError('--requests, --concurrency, --seed and --minutes take positive whole numbers');

  const scratch = await createScratchDatabase(database.url, 'fuzz', { timeouts: config.timeouts });
  try {
    const keys = await loadOrCreateDevKeys(config.dataDir);
    const app = await buildApp({
      config: { ...config, logLevel: 'silent', logRequests: false, rateLimit: { max: 1e9, timeWindow: '1 minute', dekking: 1e9 } },
      database: scratch,
      issuers: buildIssuerRegistry(config.trustedIssuers, keys),
    });
    await app.ready();
    const cli = { actor: null, herkomst: 'fuzz' };
    const people = {
      collega: { sub: 'collega', organisatie: 'gm0363', email: 'cor@amsterdam.nl' },
      coordinator: { sub: 'coord', organisatie: 'gm0363', email: 'carla@amsterdam.nl' },
      coordinatorElders: { sub: 'coord-rdam', organisatie: 'gm0599', email: 'ruud@rotterdam.nl' },
      pmm: { sub: 'pmm', organisatie: 'pmm', email: 'petra@pmm.nl' },
      beheerder: { sub: 'beheerder', organisatie: 'gm0344', email: 'bert@utrecht.nl' },
    };
    await grantRole(scratch.db, { issuer: DEV_ISSUER, subject: 'coord', rol: 'coordinator', organisatie: 'gm0363' }, cli);
    await grantRole(scratch.db, { issuer: DEV_ISSUER, subject: 'coord-rdam', rol: 'coordinator', organisatie: 'gm0599' }, cli);
    await grantRole(scratch.db, { issuer: DEV_ISSUER, subject: 'pmm', rol: 'pmm' }, cli);
    await grantRole(scratch.db, { issuer: DEV_ISSUER, subject: 'beheerder', rol: 'beheerder' }, cli);
    const roles: FuzzContext['roles'] = { anoniem: {}, vervalst: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' } };
    for (const [name, claims] of Object.entries(people)) roles[name] = { authorization: `Bearer ${signDevToken(keys, claims, 24 * 3600)}` };
    const document = (await app.inject({ url: '/api/v1/openapi.json' })).json<OpenApiDocument>();
    log(`fuzzing ${requests} requests, seed ${seed}, on scratch database`);
    const started = performance.now();
    let lastShown = 0;
    const report = await fuzz(requestArbitrary(document, { roles, known: { id: [], code: ['gm0363', 'gm0599', 'pmm', 'schulden'] } }), (request) => app.inject(request as never), {
      requests,
      concurrency,
      seed,
      timeLimitMs: Number(values.minutes) * 60_000,
      progress: (done) => {
        if (done - lastShown >= 1000 || done === requests) {
          lastShown = done;
          log(`  ${done} requests (${Math.round(done / ((performance.now() - started) / 1000))}/s)`);
        }
      },
    });
    await app.close();
    const serverErrors = report.serverErrors.length;
    out(`${report.requests} requests in ${((performance.now() - started) / 1000).toFixed(0)} s, ${report.operations.size} operations, ${report.roles.size} roles, seed ${seed}`);
    out(`statuses: ${Object.entries(report.byStatus).map(([status, n]) => `${status} × ${n}`).join(', ')}`);
    out(`5xx: ${serverErrors}`);
    for (const failure of report.serverErrors.slice(0, 10)) out(`  ${failure.status} ${failure.request.method} ${failure.request.url} as ${failure.request.role}: ${failure.body}`);
    return serverErrors > 0 ? 1 : 0;
  } finally {
    await scratch.close();
  }
});
