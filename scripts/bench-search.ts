import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { DEV_ISSUER, loadOrCreateDevKeys, signDevToken } from '../src/auth/dev-issuer.js';
import { grantRole } from '../src/roltoewijzingen/service.js';
import { MeilisearchEngine } from '../src/search/meilisearch/engine.js';
import { PostgresSearchEngine } from '../src/search/postgres/engine.js';
import type { SearchEngine, SearchRequest } from '../src/search/port.js';
import { parseCommandArgs, runCommand, UsageError } from './lib/command.js';
import { firstPageAgreement } from './lib/engine-agreement.js';
import { meilisearchForCommand, processMemory, type CommandMeiliServer } from './lib/meilisearch-server.js';
import { progressBar } from './lib/progress.js';
import { broadQueries, queryMix } from './lib/search-query-mix.js';
import { documentSource } from '../src/search/document-source.js';

/**
 * Search speed on the data in the configured database (fill it with `npm run generate`):
 *  - the service: a separate server process, loaded by autocannon at 1 and 16 concurrent clients;
 *  - the bare engine: the same queries through the Postgres engine in this process, without HTTP, auth or logging;
 * latency percentiles, requests per second, the service/engine ratio, and the server's memory (RSS).
 *
 * With `--engine postgres,meilisearch`, Meilisearch too, in the same run on the same data: a rebuild of a bench index
 * of its own (documents/s), the bare Meilisearch engine and the service with SEARCH_ENGINE=meilisearch (relay off,
 * nothing to relay), first-page agreement between the two engines on the mix, the Meilisearch process's memory, and
 * a side-by-side table. The server is MEILI_URL, or a binary from MEILI_BINARY / PATH started for the run.
 */
const usage = 'npm run bench:search [-- --duration 10 --connections 1,16 --fidelity-seconds 120 --engine postgres[,meilisearch]]';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function summary(latencies: number[], seconds: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), rps: sorted.length / seconds };
}

type Summary = ReturnType<typeof summary>;

const fmt = (ms: number) => `${ms.toFixed(1).padStart(6)} ms`;
const mb = (memory: { rss: number; peak: number } | undefined) => (memory ? `${memory.rss.toFixed(0)} MB (peak ${memory.peak.toFixed(0)} MB)` : 'n/a (MEILI_URL: not our process)');

await runCommand({ usage, prepare: true }, async ({ config, database, log, out }) => {
  const { values } = parseCommandArgs({
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1,16' },
    'fidelity-seconds': { type: 'string', default: '120' },
    engine: { type: 'string', default: 'postgres' },
  });
  const duration = Number(values.duration);
  const connectionCounts = values.connections.split(',').map(Number);
  const engines = [...new Set(values.engine.split(',').map((e) => e.trim()))];
  if (engines.some((e) => e !== 'postgres' && e !== 'meilisearch')) throw new UsageError(`--engine: unknown engine in "${values.engine}" (postgres, meilisearch)`);
  if (!engines.includes('postgres')) throw new UsageError('--engine must include postgres: it is the reference the others are compared with (e.g. --engine postgres,meilisearch)');
  const withMeili = engines.includes('meilisearch');
  // Before any work: a run that asks for Meilisearch and cannot have it fails at once, saying what to set.
  const meiliServer: CommandMeiliServer | undefined = withMeili ? await meilisearchForCommand(config, log) : undefined;
  try {
    return await bench();
  } finally {
    await meiliServer?.stop();
  }

  async function bench() {
    const [count] = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM professionals`);
    const entries = count?.n ?? 0;
    if (entries < 1000) log(`warning: only ${entries} entries; run \`npm run generate -- --professionals 100000\` first for meaningful figures`);
    log(`benchmarking search over ${entries.toLocaleString('en')} entries, ${duration}s per run${withMeili ? `, engines ${engines.join(' and ')}` : ''}`);

    const loadAtStart = loadavg()[0]!;
    const rows: string[] = [];
    const row = (text: string) => {
      rows.push(text);
      log(text);
    };
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
    const policy = () => ({ ...config.termijnen, now: new Date() });

    // Meilisearch: a bench index of its own, filled by the rebuild that `npm run reindex` runs (before anything is
    // timed, so indexing does not compete with the measured runs).
    let meili: MeilisearchEngine | undefined;
    let meiliIndex = '';
    if (meiliServer) {
      meiliIndex = `${config.meilisearch?.index ?? 'professionals'}_bench${randomBytes(3).toString('hex')}`;
      meili = new MeilisearchEngine(database.db, { url: meiliServer.url, apiKey: meiliServer.apiKey, index: meiliIndex, timeoutMs: 10_000, verificatieMaanden: config.termijnen.verificatieMaanden });
      const started = performance.now();
      const { documents } = await meili.rebuild(documentSource(database.db), progressBar('meilisearch index'));
      const seconds = (performance.now() - started) / 1000;
      row(`reindex  meilisearch ${meiliServer.version}: ${documents.toLocaleString('en')} documents in ${seconds.toFixed(1)} s, ${Math.round(documents / seconds)} documents/s  Meilisearch RSS ${mb(meiliServer.memory())}`);
    }
    try {
      return await measure();
    } finally {
      if (meili) await meili.client.deleteIndexIfExists(meiliIndex).catch((error: Error) => log(`could not delete the bench index ${meiliIndex}: ${error.message}`));
    }

    async function measure() {
      const engineP50: Record<string, Record<number, number>> = { postgres: {}, meilisearch: {} };
      const side: Record<string, Summary & { ratio?: number }> = {};
      const engineRuns = async (name: 'postgres' | 'meilisearch', searchEngine: SearchEngine, label: string) => {
        // Warm up as the service runs are (caches, query plans of the engine, JIT of this process): one pass over the mix.
        for (const request of requests) await searchEngine.search(request, viewer, policy());
        for (const connections of connectionCounts) {
          const latencies: number[] = [];
          const end = Date.now() + duration * 1000;
          let next = 0;
          await Promise.all(
            Array.from({ length: connections }, async () => {
              while (Date.now() < end) {
                const request = requests[next++ % requests.length]!;
                const started = performance.now();
                await searchEngine.search(request, viewer, policy());
                latencies.push(performance.now() - started);
              }
            }),
          );
          const s = summary(latencies, duration);
          engineP50[name]![connections] = s.p50;
          side[`${name} engine ${connections}`] = s;
          row(`${label} c=${String(connections).padStart(2)}  p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  ${s.rps.toFixed(0).padStart(5)} req/s${name === 'meilisearch' ? `  Meilisearch RSS ${mb(meiliServer?.memory())}` : ''}`);
        }
      };
      await engineRuns('postgres', engine, 'engine  ');
      {
        // The engine reuses estimated counts for a minute (estimate-reuse.ts), and the mix repeats: the same at one
        // client with every count read afresh, for what a query costs the first time.
        const fresh = new PostgresSearchEngine(database.db, { estimateReuseMs: 0 });
        const latencies: number[] = [];
        const end = Date.now() + duration * 1000;
        for (let next = 0; Date.now() < end; next++) {
          const started = performance.now();
          await fresh.search(requests[next % requests.length]!, viewer, policy());
          latencies.push(performance.now() - started);
        }
        const s = summary(latencies, duration);
        row(`engine   c= 1  p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  ${s.rps.toFixed(0).padStart(5)} req/s  counts read afresh every time (no estimate reuse)`);
      }
      if (meili) await engineRuns('meilisearch', meili, 'meili engine');

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
          const page = { ...request, paginaGrootte: 10 };
          const now = policy();
          const [deployed, exhaustive] = [await engine.search(page, viewer, now), await reference.search(page, viewer, now)];
          const ids = (r: typeof deployed) => r.hits.map((h) => h.document.id);
          compared++;
          if (JSON.stringify(ids(deployed)) === JSON.stringify(ids(exhaustive))) same++;
          else differing.push(mix[i]!);
          if (JSON.stringify(ids(deployed).slice(0, 3)) === JSON.stringify(ids(exhaustive).slice(0, 3))) top3++;
        }
        row(`fidelity  first page (10) equal to the exhaustive ranking: ${same}/${compared}, top 3 equal: ${top3}/${compared}${differing.length ? `  differing: ${differing.join(' ; ')}` : ''}`);
      }

      // Agreement: the first page (10) of every query in the mix on both engines, same viewer and moment.
      if (meili) {
        const pages = [];
        for (const [i, request] of requests.entries()) {
          const page = { ...request, paginaGrootte: 10 };
          const now = policy();
          const [a, b] = [await engine.search(page, viewer, now), await meili.search(page, viewer, now)];
          pages.push({ query: mix[i]! || '(no words, no filters)', a: a.hits.map((h) => h.document.id), b: b.hits.map((h) => h.document.id) });
        }
        const agreement = firstPageAgreement(pages, 10);
        const n = agreement.queries;
        const least = agreement.least.filter((r) => r.overlap < 1).slice(0, 6).map((r) => `${decodeURIComponent(r.query)} ${(r.overlap * 100).toFixed(0)}%`);
        row(
          `agreement first page (10), postgres vs meilisearch, ${n} queries: mean overlap ${(agreement.meanOverlap * 100).toFixed(0)}%, same entries ${agreement.sameSet}/${n}, ` +
            `identical ${agreement.identical}/${n}, same first ${agreement.top1}/${n}, top 3 equal ${agreement.top3}/${n}${least.length ? `  least: ${least.join(' ; ')}` : ''}`,
        );
        row(`agreement by query (overlap of the first 10): ${agreement.rows.map((r) => `${decodeURIComponent(r.query).replace(/^zoekterm=/, '')} ${(r.overlap * 100).toFixed(0)}%`).join(' ; ')}`);
      }

      // The service in its own process, on the same database: once without the result cache (the service/engine ratio
      // compares like with like) and once as deployed, with it; with Meilisearch, once more with SEARCH_ENGINE=meilisearch.
      const root = fileURLToPath(new URL('..', import.meta.url));
      // The benchmark user is also on the PMM desk, for the case-routing runs.
      await grantRole(database.db, { issuer: DEV_ISSUER, subject: 'bench', rol: 'pmm' }, { actor: null, herkomst: 'bench' });
      const token = signDevToken(await loadOrCreateDevKeys(config.dataDir), { sub: 'bench', organisatie: 'gm0363' }, 3600);
      const headers = { authorization: `Bearer ${token}` };
      const searches = mix.map((q) => ({ method: 'GET' as const, path: `/api/v1/professionals?${q}`, headers }));

      const services = [
        { name: 'postgres' as const, cache: false, label: 'service' },
        { name: 'postgres' as const, cache: true, label: 'cached ' },
        ...(meili && meiliServer
          ? [{ name: 'meilisearch' as const, cache: false, label: 'meili service', env: { SEARCH_ENGINE: 'meilisearch', MEILI_URL: meiliServer.url, ...(meiliServer.apiKey ? { MEILI_API_KEY: meiliServer.apiKey } : {}), MEILI_INDEX: meiliIndex, RELAY_IN_SERVER: 'false' } }]
          : []),
      ];
      for (const { name, cache, label, env } of services as { name: 'postgres' | 'meilisearch'; cache: boolean; label: string; env?: Record<string, string> }[]) {
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
            ...(name === 'postgres' ? { SEARCH_ENGINE: 'postgres' } : {}),
            ...env,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
        let output = '';
        try {
          const url = await new Promise<string>((resolve, reject) => {
            const onData = (chunk: Buffer) => {
              output += chunk.toString();
              const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
              if (match) resolve(match[1]!);
            };
            server.stdout.on('data', onData);
            server.stderr.on('data', onData);
            server.on('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
          });
          // A search Meilisearch failed (or timed out) was answered by Postgres: such a run does not measure Meilisearch.
          const fallbacks = () => (output.match(/failed; answering from/g) ?? []).length;
          // Warm up (JIT, connection pool, caches) before measuring.
          await autocannon({ url, connections: 4, duration: 2, requests: searches });
          const fallbacksBefore = fallbacks();
          for (const connections of connectionCounts) {
            const { latencies, errors } = await load(url, connections, duration, searches);
            const s = summary(latencies, duration);
            const memory = processMemory(server.pid!);
            const ratio = cache ? undefined : s.p50 / (engineP50[name]![connections] ?? NaN);
            if (!cache) side[`${name} service ${connections}`] = { ...s, ratio };
            const fellBack = fallbacks() - fallbacksBefore;
            row(
              `${label}  c=${String(connections).padStart(2)}  p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  ${s.rps.toFixed(0).padStart(5)} req/s` +
                `${ratio === undefined ? '' : `  p50 service/engine ${ratio.toFixed(2)}×`}  RSS ${mb(memory)}${name === 'meilisearch' ? `  Meilisearch RSS ${mb(meiliServer?.memory())}` : ''}` +
                `${errors ? `  non-200: ${errors}!` : ''}${fellBack ? `  FELL BACK TO POSTGRES ${fellBack}× (Meilisearch failed or timed out)!` : ''}`,
            );
          }
          if (!cache || name !== 'postgres') continue;
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
            row(`routing  c=${String(connections).padStart(2)}  p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  ${s.rps.toFixed(0).padStart(5)} req/s  (5 organisations, 2 domains)${errors ? `  non-200: ${errors}!` : ''}`);
          }
        } finally {
          server.kill('SIGTERM');
          // Wait for it, so the embedded cluster is not left running on its account.
          await exited;
        }
      }
      // The machine may be shared: the 1-minute load average says how much else ran.
      out(`search benchmark, ${entries.toLocaleString('en')} entries, ${mix.length} queries in rotation (mix + broad single words), ${duration}s per run, load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end`);
      for (const line of rows) out(line);
      if (meili) {
        // Side by side: the same queries, data and moment; uncached service (Meilisearch results are never cached).
        const cell = (key: string) => {
          const s = side[key];
          return s ? `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)}${s.ratio === undefined ? '' : ` (${s.ratio.toFixed(2)}×)`}` : 'n/a';
        };
        out(`side by side, p50 / p95 ms (service: × its own engine's p50)`);
        out(`${''.padEnd(14)}${'postgres'.padEnd(26)}meilisearch ${meiliServer!.version}`);
        for (const kind of ['engine', 'service']) {
          for (const connections of connectionCounts) out(`${`${kind} c=${connections}`.padEnd(14)}${cell(`postgres ${kind} ${connections}`).padEnd(26)}${cell(`meilisearch ${kind} ${connections}`)}`);
        }
      }
    }
  }
});

/** Latencies of every response while `connections` clients replay `requests` for `duration` seconds. */
async function load(url: string, connections: number, duration: number, requests: autocannon.Request[]) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration, requests }, (error: unknown) => (error ? reject(error instanceof Error ? error : new Error('autocannon failed', { cause: error })) : resolve()));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      latencies.push(responseTime);
    });
  });
  // Non-200 answers, by status: "12 × 503" says more than "12 errors".
  const errors = statuses.size === 0 ? '' : [...statuses].map(([status, n]) => `${n} × ${status}`).join(', ');
  return { latencies, errors };
}
