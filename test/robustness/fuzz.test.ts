import t from 'tap';
import { requestArbitrary, fuzz, type FuzzContext, type OpenApiDocument } from '../../scripts/lib/openapi-fuzz.js';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';

/**
 * Issue 16: fast-check over the served OpenAPI document, every operation, every role, bounded in time; not one 5xx.
 * `npm run fuzz -- --requests 20000` does the same for longer.
 */

t.test('OpenAPI-driven fuzzing: every operation as every role, no 5xx', { timeout: 110_000 }, async (t) => {
  const testApp = await buildTestApp(t, { RATE_LIMIT_MAX: '100000000' });
  const { app } = testApp;
  const cast = await castOf(testApp);
  const document = (await app.inject({ url: '/api/v1/openapi.json' })).json<OpenApiDocument>();
  const ids: string[] = [];
  for (const [i, headers] of [cast.coordinatorAmsterdam, cast.coordinatorRotterdam, cast.collega].entries()) {
    const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers, payload: entryBody({ email: `fuzz${i}@${i === 1 ? 'rotterdam' : 'amsterdam'}.nl` }) });
    if (created.statusCode === 201) ids.push(created.json().id);
  }
  const context: FuzzContext = {
    roles: { anoniem: {}, ...cast, vervalst: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' } },
    known: { id: ids, code: ['gm0363', 'gm0599', 'pmm', 'schulden', 'participatiewet'] },
  };
  const seed = Number(process.env.FUZZ_SEED ?? Date.now());
  const report = await fuzz(requestArbitrary(document, context), (request) => app.inject(request as never), { requests: 20_000, timeLimitMs: 30_000, seed });
  const operationCount = Object.values(document.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
  t.comment(`seed ${seed}: ${report.requests} requests, ${report.operations.size}/${operationCount} operations, statuses ${JSON.stringify(report.byStatus)}`);
  t.ok(report.requests >= 200, `enough requests (${report.requests})`);
  t.equal(report.operations.size, operationCount, 'every operation was tried');
  t.equal(report.roles.size, Object.keys(context.roles).length, 'as every role');
  t.same(report.serverErrors.slice(0, 5), [], `no 5xx (seed ${seed}, FUZZ_SEED to replay)`);
});
