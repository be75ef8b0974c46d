import { insertEntries, organisationsForSynthesis } from '../db/seed/bulk-entries.js';
import { lifecycles, synthesise } from '../db/seed/synthetic.js';
import { parseCommandArgs, runCommand, UsageError } from './lib/command.js';
import { progressBar } from './lib/progress.js';

/**
 * Fills the register with N realistic synthetic entries (fictitious Dutch names at real organisations), for
 * benchmarks and trying things at scale. Adds to what is there; refuses to run in production.
 */
const usage = 'npm run generate -- --professionals N [--seed S]';

await runCommand({ usage }, async ({ config, database, log, out }) => {
  const { values } = parseCommandArgs({ professionals: { type: 'string' }, seed: { type: 'string', default: String(Date.now() % 100_000) } });
  const count = Number(values.professionals);
  if (!Number.isInteger(count) || count < 1 || count > 5_000_000) throw new UsageError('--professionals must be a whole number between 1 and 5,000,000');
  if (config.env === 'production') throw new Error('refusing to add synthetic entries to a production register');
  const organisations = await organisationsForSynthesis(database.db);
  const seed = Number(values.seed);
  const started = Date.now();
  const show = progressBar('generating');
  // In chunks, so a million entries never sit in memory at once.
  const chunk = 50_000;
  for (let done = 0; done < count; done += chunk) {
    const size = Math.min(chunk, count - done);
    // Confirmation, verification and absence vary as in a register in use: the ranking rules have something to decide.
    const states = lifecycles(size, seed + done);
    const entries = synthesise(size, organisations, seed + done).map((entry, i) => ({ ...entry, ...states[i]!, email: entry.email.replace('@', `.${seed}-${done + i}@`) }));
    await insertEntries(database.db, entries, (partial) => show(done + partial, count));
  }
  // Fresh planner statistics: the search engine's sampling relies on them, and autovacuum may not get to a freshly
  // loaded table before the first searches (a stale estimate made 100,000-entry searches 4× slower).
  log('updating planner statistics (VACUUM ANALYZE)');
  await database.sql`VACUUM ANALYZE professionals, professional_expertisegebieden, zoekdocumenten, zoekdocument_weergave, persoonlijke_zoekwoorden`;
  out(JSON.stringify({ toegevoegd: count, seconden: Math.round((Date.now() - started) / 100) / 10 }));
  log('done; run `npm run reindex` if an external search engine (Meilisearch) is configured');
});
