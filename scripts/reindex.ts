import { PostgresSearchEngine } from '../src/search/postgres/engine.js';
import { runCommand } from './lib/command.js';
import { progressBar } from './lib/progress.js';

/**
 * Rebuilds the search documents of every entry from the database, with a progress display. For the Postgres engine
 * this is only needed after restoring data by hand (writes keep documents current themselves).
 */
await runCommand({ usage: 'npm run reindex' }, async ({ database, out }) => {
  const engine = new PostgresSearchEngine(database.db);
  const started = Date.now();
  const { documents } = await engine.rebuild(progressBar('reindexing'));
  out(JSON.stringify({ engine: engine.name, documenten: documents, seconden: Math.round((Date.now() - started) / 100) / 10 }));
});
