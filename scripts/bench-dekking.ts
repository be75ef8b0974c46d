import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DEV_ISSUER } from '../src/auth/dev-issuer.js';
import type { Principal } from '../src/auth/principal.js';
import { coverage, coverageOverview } from '../src/inzichten/coverage.js';
import type { ServiceContext } from '../src/service-context.js';
import { parseCommandArgs, runCommand } from './lib/command.js';

/**
 * Coverage speed (#16 F12) on the data in the configured database: the coverage service (`GET /inzichten/dekking`,
 * all organisations, every domain) and the /inzichten page's overview, called in this process as the PMM desk,
 * first one at a time, then with `--parallel` callers at once. Prints p50/p95 per case and the machine's load.
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

  const cases: [string, () => Promise<unknown>][] = [
    ['coverage (API: all organisations)', () => coverage(context, {})],
    ['overview (/inzichten page)', () => coverageOverview(context, undefined)],
  ];
  for (const [name, call] of cases) {
    await call(); // warm-up: plans, caches, and a read model built on first use
    for (const concurrency of [1, parallel]) {
      const latencies: number[] = [];
      let next = 0;
      const worker = async () => {
        while (next++ < runs) {
          const started = performance.now();
          await call();
          latencies.push(performance.now() - started);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      latencies.sort((a, b) => a - b);
      out(`${name.padEnd(36)} ${String(concurrency).padStart(2)} at once: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms (n=${latencies.length})`);
    }
  }
});
