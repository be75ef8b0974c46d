import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { buildApp } from '../src/app.js';
import { grantRole } from '../src/roltoewijzingen/service.js';
import { DEV_ISSUER, loadOrCreateDevKeys, signDevToken } from '../src/auth/dev-issuer.js';
import { importFile } from '../test/helpers/import-csv.js';
import { parseCommandArgs, runCommand } from './lib/command.js';
import { createScratchDatabase } from './lib/scratch-database.js';

/**
 * A large import as an import job (issue 16, F9), measured: how long it takes, the peak RSS of this process (the
 * app, the job's worker thread and the CSV), and how the service's event loop fared: its wall-clock delay
 * (perf_hooks.monitorEventLoopDelay), which on a busy machine also counts time the OS gave to other processes, and
 * its utilisation (the share of the time the service's thread was busy; the job's worker thread is not counted).
 */
const usage = 'npm run bench:import-job [-- --rows 50000]';

await runCommand({ usage }, async ({ config, database, log, out }) => {
  const { values } = parseCommandArgs({ rows: { type: 'string', default: '50000' } });
  const rows = Number(values.rows);
  const scratch = await createScratchDatabase(database.url, 'bench_import_job');
  try {
    const app = await buildApp({ config: { ...config, logLevel: 'warn', importJobRows: 1000, rateLimit: { ...config.rateLimit, max: 1e9, dekking: 1e9 } }, database: scratch });
    await app.ready();
    await grantRole(scratch.db, { issuer: DEV_ISSUER, subject: 'bench', rol: 'coordinator', organisatie: 'gm0363' }, { actor: null, herkomst: 'bench' });
    const token = signDevToken(await loadOrCreateDevKeys(config.dataDir), { sub: 'bench', organisatie: 'gm0363' });
    const headers = { authorization: `Bearer ${token}` };
    const file = importFile(rows);
    log(`file: ${rows} rows, ${(file.length / 1_048_576).toFixed(1)} MiB; RSS before ${(process.memoryUsage.rss() / 1_048_576).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / 1_048_576).toFixed(0)} MB`);

    // The heap and the memory outside it (Buffers of the database driver) at the peak tell live data from garbage.
    let peak = process.memoryUsage.rss();
    let atPeak = process.memoryUsage();
    let peakHeapUsed = atPeak.heapUsed;
    const sampler = setInterval(() => {
      const rss = process.memoryUsage.rss();
      if (rss > peak) {
        peak = rss;
        atPeak = process.memoryUsage();
      }
      peakHeapUsed = Math.max(peakHeapUsed, process.memoryUsage().heapUsed);
    }, 5);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const utilisationBefore = performance.eventLoopUtilization();
    const started = performance.now();
    const response = await app.inject({ method: 'POST', url: '/api/v1/organisaties/gm0363/importen', headers: { ...headers, 'content-type': 'text/csv' }, payload: file });
    if (response.statusCode !== 202) throw new Error(`expected 202, got ${response.statusCode}: ${response.body.slice(0, 300)}`);
    const location = response.headers.location as string;
    let job: { status: string; voortgang: { procent: number }; rapport: unknown; foutmelding: string | null };
    for (;;) {
      job = (await app.inject({ url: location, headers })).json();
      if (job.status === 'klaar' || job.status === 'mislukt') break;
      const memory = process.memoryUsage();
      log(`  ${job.status} ${job.voortgang.procent}%  RSS ${(memory.rss / 1_048_576).toFixed(0)} MB, heap ${(memory.heapUsed / 1_048_576).toFixed(0)} MB`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const seconds = (performance.now() - started) / 1000;
    delay.disable();
    const utilisation = performance.eventLoopUtilization(utilisationBefore);
    clearInterval(sampler);
    await (globalThis as { __stopProfile?: () => Promise<void> }).__stopProfile?.();
    await app.close();
    out(`import job of ${rows} rows: ${job.status} in ${seconds.toFixed(1)} s; ${JSON.stringify(job.rapport ?? job.foutmelding).slice(0, 200)}`);
    const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
    out(`  peak RSS ${mb(peak)} (then heap used ${mb(atPeak.heapUsed)} of ${mb(atPeak.heapTotal)}, external ${mb(atPeak.external)}); the service thread's peak heap used ${mb(peakHeapUsed)}`);
    out(`  event loop delay (wall): max ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms, mean ${(delay.mean / 1e6).toFixed(1)} ms`);
    out(`  service event loop utilisation: ${(utilisation.utilization * 100).toFixed(1)} % (the job's worker thread not counted)`);
    out(`  load average during the run: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores)`);
  } finally {
    await scratch.close();
  }
});
