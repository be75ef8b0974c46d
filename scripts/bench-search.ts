import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { DEV_ISSUER, loadOrCreateDevKeys, signDevToken } from '../src/auth/dev-issuer.js';
import { grantRole } from '../src/roltoewijzingen/service.js';
import { PostgresSearchEngine } from '../src/search/postgres/engine.js';
import type { SearchRequest } from '../src/search/port.js';
import { parseCommandArgs, runCommand } from './lib/command.js';
import { broadQueries, queryMix } from './lib/search-query-mix.js';

/**
 * Search speed on the data in the configured database (fill it with `npm run generate`):
 *  - the service: a separate server process, loaded by autocannon at 1 and 16 concurrent clients;
 *  - the bare engine: the same queries through the Postgres engine in this process, without HTTP, auth or logging;
 * latency percentiles, requests per second, the service/engine ratio, and the server's memory (RSS).
 */
const usage = 'npm run bench:search [-- --duration 10 --connections 1,16 --fidelity-seconds 120]';


const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function summary(latencies: number[], seconds: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), rps: sorted.length / seconds };
}

const fmt = (ms: number) => `${ms.toFixed(1).padStart(6)} ms`;

await runCommand({ usage, prepare: true }, async ({ config, database, log, out }) => {
  const { values } = parseCommandArgs({
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1,16' },
    'fidelity-seconds': { type: 'string', default: '120' },
  });
  const duration = Number(values.duration);
  const connectionCounts = values.connections.split(',').map(Number);
  const [count] = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM professionals`);
  const entries = count?.n ?? 0;
  if (entries < 1000) log(`warning: only ${entries} entries; run \`npm run generate -- --professionals 100000\` first for meaningful figures`);
  log(`benchmarking search over ${entries.toLocaleString('en')} entries, ${duration}s per run`);

  const rows: string[] = [];
  const engineP50: Record<number, number> = {};
  const engine = new PostgresSearchEngine(database.db);
  const viewer = { organisatie: 'gm0363', pmm: false };
  const mix = [...queryMix, ...broadQueries];
  const requests: SearchRequest[] = mix.map((query) => {
    const params = new URLSearchParams(query);
    const list = (key: string) => (params.getAll(key).length ? params.getAll(key) : undefined);
    return {
      zoekterm: params.get('zoekterm') ?? undefined,
      filters: { organisatie: list('organisatie'), organisatieType: list('organisatieType') as never, expertisegebied: list('expertisegebied'), rolniveau: list('rolniveau') as never, provincie: list('provincie') },
      pagina: 1,
      paginaGrootte: 20,
    };
  });
  // Warm up as the service runs are (caches, query plans of the engine, JIT of this process): one pass over the mix.
  for (const request of requests) await engine.search(request, viewer, { ...config.termijnen, now: new Date() });
  for (const connections of connectionCounts) {
    const latencies: number[] = [];
    const end = Date.now() + duration * 1000;
    let next = 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < end) {
          const request = requests[next++ % requests.length]!;
          const started = performance.now();
          await engine.search(request, viewer, { ...config.termijnen, now: new Date() });
          latencies.push(performance.now() - started);
        }
      }),
    );
    const s = summary(latencies, duration);
    engineP50[connections] = s.p50;
    rows.push(`engine   c=${String(connections).padStart(2)}  p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  ${s.rps.toFixed(0).padStart(5)} req/s`);
    log(rows[rows.length - 1]!);
  }

  // Fidelity: the first page of every query in the mix, as deployed and as the exhaustive ranking of every match
  // (the reference engine), within a time budget (the reference takes up to a second per broad query).
  {
    const reference = new PostgresSearchEngine(database.db, { window: 100_000_000 });
    const budgetEnd = Date.now() + Number(values['fidelity-seconds']) * 1000;
    let compared = 0;
    let same = 0;
    let top3 = 0;
    const differing: string[] = [];
    for (const [i, request] of requests.entries()) {
      if (Date.now() > budgetEnd) break;
      const policy = { ...config.termijnen, now: new Date() };
      const page = { ...request, paginaGrootte: 10 };
      const [deployed, exhaustive] = [await engine.search(page, viewer, policy), await reference.search(page, viewer, policy)];
      const ids = (r: typeof deployed) => r.hits.map((h) => h.document.id);
      compared++;
      if (JSON.stringify(ids(deployed)) === JSON.stringify(ids(exhaustive))) same++;
      else differing.push(mix[i]!);
      if (JSON.stringify(ids(deployed).slice(0, 3)) === JSON.stringify(ids(exhaustive).slice(0, 3))) top3++;
    }
    rows.push(`fidelity  first page (10) equal to the exhaustive ranking: ${same}/${compared}, top 3 equal: ${top3}/${compared}${differing.length ? `  differing: ${differing.join(' ; ')}` : ''}`);
    log(rows[rows.length - 1]!);
  }

  // The service in its own process, on the same database: once without the result cache (the service/engine ratio
  // compares like with like) and once as deployed, with it.
  const root = fileURLToPath(new URL('..', import.meta.url));
  // The benchmark user is also on the PMM desk, for the case-routing runs.
  await grantRole(database.db, { issuer: DEV_ISSUER, subject: 'bench', rol: 'pmm' }, { actor: null, herkomst: 'bench' });
  const token = signDevToken(await loadOrCreateDevKeys(config.dataDir), { sub: 'bench', organisatie: 'gm0363' }, 3600);
  const headers = { authorization: `Bearer ${token}` };
  const searches = mix.map((q) => ({ method: 'GET' as const, path: `/api/v1/professionals?${q}`, headers }));

  for (const cache of [false, true]) {
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        DATABASE_URL: database.url,
        DATA_DIR: config.dataDir,
        LOG_LEVEL: 'info',
        LOG_REQUESTS: 'false',
        RATE_LIMIT_MAX: '100000000',
        DEMO_DATA: 'false',
        MIGRATE_ON_START: 'false',
        NODE_ENV: 'development',
        SEARCH_CACHE: String(cache),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        const onData = (chunk: Buffer) => {
          output += chunk;
          const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match) resolve(match[1]!);
        };
        server.stdout.on('data', onData);
        server.stderr.on('data', onData);
        server.on('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
      });
      const rss = () => {
        const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
        const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
        return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
      };
      // Warm up (JIT, connection pool, caches) before measuring.
      await autocannon({ url, connections: 4, duration: 2, requests: searches });
      const label = cache ? 'cached ' : 'service';
      for (const connections of connectionCounts) {
        const { latencies, errors } = await load(url, connections, duration, searches);
        const s = summary(latencies, duration);
        const memory = rss();
        const ratio = cache ? '' : `  p50 service/engine ${(s.p50 / (engineP50[connections] ?? NaN)).toFixed(2)}×`;
        rows.push(
          `${label}  c=${String(connections).padStart(2)}  p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  ${s.rps.toFixed(0).padStart(5)} req/s` +
            `${ratio}  RSS ${memory.rss.toFixed(0)} MB (peak ${memory.peak.toFixed(0)} MB)${errors ? `  non-200: ${errors}!` : ''}`,
        );
        log(rows[rows.length - 1]!);
      }
      if (!cache) continue;
      // Case routing: five organisations, two domains, a level (issue target: p95 ≤ 50 ms at 100,000 entries).
      const routings = [
        { organisaties: ['gm0363', 'gm0599', 'zb000117', 'zb000143', 'oorg12368'], expertisegebieden: ['schulden', 'participatiewet'], gewenstRolniveau: 'specialist' },
        { organisaties: ['gm0344', 'gm0518', 'zb000211', 'oorg10148', 'dienst-toeslagen'], expertisegebieden: ['toeslagen', 'zorgverzekering'], gewenstRolniveau: 'coordinatie' },
        { organisaties: ['gm0855', 'gm0772', 'zb000117', 'zb000179', 'oorg10111'], expertisegebieden: ['beslag-bvv', 'ww'] },
      ];
      const routingRequests = routings.map((body) => ({
        method: 'POST' as const,
        path: '/api/v1/casusroutering',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }));
      for (const connections of connectionCounts) {
        const { latencies, errors } = await load(url, connections, duration, routingRequests);
        const s = summary(latencies, duration);
        rows.push(`routing  c=${String(connections).padStart(2)}  p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  ${s.rps.toFixed(0).padStart(5)} req/s  (5 organisations, 2 domains)${errors ? `  non-200: ${errors}!` : ''}`);
        log(rows[rows.length - 1]!);
      }
    } finally {
      server.kill('SIGTERM');
      // Wait for it, so the embedded cluster is not left running on its account.
      await exited;
    }
  }
  out(`search benchmark, ${entries.toLocaleString('en')} entries, ${mix.length} queries in rotation (mix + broad single words), ${duration}s per run`);
  for (const row of rows) out(row);
});

/** Latencies of every response while `connections` clients replay `requests` for `duration` seconds. */
async function load(url: string, connections: number, duration: number, requests: autocannon.Request[]) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration, requests }, (error) => (error ? reject(error) : resolve()));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      latencies.push(responseTime);
    });
  });
  // Non-200 answers, by status: "12 × 503" says more than "12 errors".
  const errors = statuses.size === 0 ? '' : [...statuses].map(([status, n]) => `${n} × ${status}`).join(', ');
  return { latencies, errors };
}
