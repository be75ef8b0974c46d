import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { DEV_ISSUER, loadOrCreateDevKeys, signDevToken } from '../src/auth/dev-issuer.js';
import { grantRole } from '../src/roltoewijzingen/service.js';
import type { Principal } from '../src/auth/principal.js';
import { coverage, coverageOverview } from '../src/inzichten/coverage.js';
import type { ServiceContext } from '../src/service-context.js';
import { parseCommandArgs, runCommand } from './lib/command.js';

/**
 * Coverage speed (#16 F12) on the data in the configured database: the coverage service (`GET /inzichten/dekking`,
 * all organisations, every domain) and the /inzichten page's overview, called in this process as the PMM desk, and
 * the whole API route (authentication, rate limit, response validation and serialisation) through `inject`; first
 * one at a time, then with `--parallel` callers at once; each after a change of the counts (the report computed) and
 * unchanged (reused, coverage-cache.ts). Prints p50/p95 per case and the machine's load.
 */
const usage = 'npm run bench:dekking [-- --runs 30 --parallel 8]';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

await runCommand({ usage, prepare: true }, async ({ config, database, out }) => {
  const { values } = parseCommandArgs({ runs: { type: 'string', default: '30' }, parallel: { type: 'string', default: '8' } });
  const runs = Number(values.runs);
  const parallel = Number(values.parallel);
  const principal: Principal = { issuer: DEV_ISSUER, subject: 'bench', organisatie: 'gm0363', naam: null, email: null, rollen: [{ rol: 'pmm', organisatie: null }] };
  const context: ServiceContext = { db: database.db, principal, audit: { actor: principal, herkomst: 'bench' }, termijnen: config.termijnen };
  const [entries] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM professionals`;
  out(`entries: ${entries?.n ?? 0}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  await grantRole(database.db, { issuer: DEV_ISSUER, subject: 'bench', rol: 'pmm' }, { actor: null, herkomst: 'bench' });
  const token = signDevToken(await loadOrCreateDevKeys(config.dataDir), { sub: 'bench', organisatie: 'gm0363' }, 3600);
  const app = await buildApp({ config: { ...config, logLevel: 'silent', logRequests: false, rateLimit: { ...config.rateLimit, max: 1e9, dekking: 1e9 } }, database });
  await app.ready();
  const http = (headers: Record<string, string> = {}) => async () => {
    const response = await app.inject({ url: '/api/v1/inzichten/dekking', headers: { authorization: `Bearer ${token}`, ...headers } });
    if (response.statusCode !== 200) throw new Error(`GET /api/v1/inzichten/dekking: ${response.statusCode} ${response.body.slice(0, 200)}`);
  };
  // A changed count (as any write makes), so the next call computes the report instead of reusing it; not timed.
  const change = async () => {
    await database.sql`UPDATE dekking_tellingen SET versie = nextval('dekking_versie') WHERE ctid = (SELECT ctid FROM dekking_tellingen LIMIT 1)`;
  };
  const cases: [string, () => Promise<unknown>, (() => Promise<unknown>)?][] = [
    ['coverage service, after a change', () => coverage(context, {}), change],
    ['coverage service, unchanged', () => coverage(context, {})],
    ['GET /api/v1/inzichten/dekking, after a change', http(), change],
    ['GET /api/v1/inzichten/dekking, unchanged', http()],
    ['GET … dekking, unchanged, gzip/br', http({ 'accept-encoding': 'br, gzip' })],
    ['overview (/inzichten page), unchanged', () => coverageOverview(context, undefined)],
  ];
  for (const [name, call, before] of cases) {
    await call(); // warm-up: plans, caches, and a read model built on first use
    for (const concurrency of [1, parallel]) {
      const latencies: number[] = [];
      let next = 0;
      const worker = async () => {
        while (next++ < runs) {
          await before?.();
          const started = performance.now();
          await call();
          latencies.push(performance.now() - started);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      latencies.sort((a, b) => a - b);
      out(`${name.padEnd(46)} ${String(concurrency).padStart(2)} at once: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms (n=${latencies.length})`);
    }
  }
  await app.close();
});
