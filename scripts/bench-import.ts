import { buildApp } from '../src/app.js';
import { grantRole } from '../src/roltoewijzingen/service.js';
import { DEV_ISSUER, loadOrCreateDevKeys, signDevToken } from '../src/auth/dev-issuer.js';
import { importFile } from '../test/helpers/import-csv.js';
import { parseCommandArgs, runCommand } from './lib/command.js';
import { createScratchDatabase } from './lib/scratch-database.js';

/**
 * How long a coordinator waits for an import: the whole HTTP request (parse, validate, compare, write, audit) for a
 * CSV of N rows, on a scratch database beside the configured one. Prints one line per phase.
 */
const usage = 'npm run bench:import [-- --rows 10000 --runs 3]';

await runCommand({ usage }, async ({ config, database, log, out }) => {
  const { values } = parseCommandArgs({ rows: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } });
  const rows = Number(values.rows);
  const runs = Number(values.runs);
  const results: Record<string, number[]> = { 'dry run (new)': [], 'create': [], 'again (unchanged)': [], 'update (all changed)': [] };

  for (let run = 1; run <= runs; run++) {
    const scratch = await createScratchDatabase(database.url, 'bench_import');
    try {
      // Imported while the client waits, whatever the size: the job path has its own bench (bench-import-job.ts).
      const app = await buildApp({ config: { ...config, logLevel: 'silent', importJobRows: Number.MAX_SAFE_INTEGER, rateLimit: { max: 1e9, timeWindow: '1 minute', dekking: 1e9 } }, database: scratch });
      await grantRole(scratch.db, { issuer: DEV_ISSUER, subject: 'bench', rol: 'coordinator', organisatie: 'gm0363' }, { actor: null, herkomst: 'bench' });
      const token = signDevToken(await loadOrCreateDevKeys(config.dataDir), { sub: 'bench', organisatie: 'gm0363' });
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'text/csv' };
      const file = importFile(rows);
      const changed = importFile(rows, { functie: 'Senior consulent' });
      const time = async (label: string, payload: string, query = '') => {
        const started = performance.now();
        const response = await app.inject({ method: 'POST', url: `/api/v1/organisaties/gm0363/importen${query}`, headers, payload });
        const ms = performance.now() - started;
        if (response.statusCode !== 200) throw new Error(`${label}: HTTP ${response.statusCode} ${response.body.slice(0, 300)}`);
        results[label]!.push(ms);
        log(`run ${run}: ${label.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms  ${response.body}`);
      };
      await time('dry run (new)', file, '?proefrun=true');
      await time('create', file);
      await time('again (unchanged)', file);
      await time('update (all changed)', changed);
      await app.close();
    } finally {
      await scratch.close();
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  out(`import of ${rows} rows, median of ${runs} runs (ms):`);
  for (const [label, xs] of Object.entries(results)) out(`  ${label.padEnd(22)} ${median(xs).toFixed(0).padStart(6)}  (${(rows / (median(xs) / 1000)).toFixed(0)} rows/s)`);
});

