import { MeilisearchEngine } from '../src/search/meilisearch/engine.js';
import { PostgresSearchEngine } from '../src/search/postgres/engine.js';
import { outboxMark, outboxState, relayOnce, replayFrom } from '../src/search/relay.js';
import { runCommand } from './lib/command.js';
import { progressBar } from './lib/progress.js';

/**
 * Rebuilds search from the database, with a progress display.
 *  - Postgres engine: refreshes every document (only needed after restoring data by hand).
 *  - Meilisearch (SEARCH_ENGINE=meilisearch): fills a fresh index in batches, refuses to swap in an empty one, swaps
 *    it in atomically, then replays every change since the high-water mark taken before the rebuild.
 */
await runCommand({ usage: 'npm run reindex' }, async ({ config, database, log, out }) => {
  const started = Date.now();
  const postgres = await new PostgresSearchEngine(database.db).rebuild(progressBar('postgres documents'));
  log('updating planner statistics (VACUUM ANALYZE)');
  await database.sql`VACUUM ANALYZE zoekdocumenten, zoekdocument_weergave, persoonlijke_zoekwoorden`;
  const result: Record<string, unknown> = { postgres: postgres.documents };
  if (config.searchEngine === 'meilisearch' && config.meilisearch) {
    const engine = new MeilisearchEngine(database.db, config.meilisearch);
    const mark = await outboxMark(database.db);
    const { documents } = await engine.rebuild(progressBar('meilisearch index'));
    const replayed = await replayFrom(database.db, mark);
    log(`swapped in the new index; replaying ${replayed} change(s) made during the rebuild`);
    for (;;) {
      const step = await relayOnce(database.db, engine, { maxAttempts: config.relay.maxPogingen });
      if (step.sent === 0) break;
    }
    Object.assign(result, { meilisearch: documents, herhaald: replayed, outbox: await outboxState(database.db) });
  }
  out(JSON.stringify({ ...result, seconden: Math.round((Date.now() - started) / 100) / 10 }));
});
