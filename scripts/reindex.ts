import { MeilisearchEngine } from '../src/search/meilisearch/engine.js';
import { PostgresSearchEngine } from '../src/search/postgres/engine.js';
import { outboxMark, outboxState, relayOnce, replayFrom } from '../src/search/relay.js';
import { parseCommandArgs, runCommand } from './lib/command.js';
import { progressBar } from './lib/progress.js';
import { documentSource } from '../src/search/document-source.js';

/**
 * Rebuilds search from the database, with a progress display.
 *  - Postgres engine: refreshes every document (only needed after restoring data by hand).
 *  - Meilisearch (SEARCH_ENGINE=meilisearch): fills a fresh index in batches, checks it holds every document sent,
 *    swaps it in atomically, then replays every change since the high-water mark taken before the rebuild. The
 *    Postgres documents (the fallback) are kept current by every write's own transaction, so they are only rebuilt
 *    too with --ook-postgres.
 */
await runCommand({ usage: 'npm run reindex [-- --ook-postgres]' }, async ({ config, database, log, out }) => {
  const { values } = parseCommandArgs({ 'ook-postgres': { type: 'boolean', default: false } });
  const started = Date.now();
  const meilisearch = config.searchEngine === 'meilisearch' && config.meilisearch ? config.meilisearch : undefined;
  const result: Record<string, unknown> = {};
  if (!meilisearch || values['ook-postgres']) {
    const postgres = await new PostgresSearchEngine(database.db).rebuild(documentSource(database.db), progressBar('postgres documents'));
    log('updating planner statistics (VACUUM ANALYZE)');
    await database.sql`VACUUM ANALYZE zoekdocumenten, zoekdocument_weergave, persoonlijke_zoekwoorden`;
    result.postgres = postgres.documents;
  }
  if (meilisearch) {
    const engine = new MeilisearchEngine(database.db, { ...meilisearch, verificatieMaanden: config.termijnen.verificatieMaanden });
    const mark = await outboxMark(database.db);
    const rebuildStarted = Date.now();
    const { documents } = await engine.rebuild(documentSource(database.db), progressBar('meilisearch index'));
    const seconds = (Date.now() - rebuildStarted) / 1000;
    const replayed = await replayFrom(database.db, mark);
    log(`swapped in the new index (${documents} documents, ${Math.round(documents / Math.max(seconds, 0.001))}/s); replaying ${replayed} change(s) made during the rebuild`);
    for (;;) {
      const step = await relayOnce(database.db, engine, { maxPogingen: config.relay.maxPogingen });
      if (step.sent === 0) break;
    }
    Object.assign(result, { meilisearch: documents, documentenPerSeconde: Math.round(documents / Math.max(seconds, 0.001)), herhaald: replayed, outbox: await outboxState(database.db) });
  }
  out(JSON.stringify({ ...result, seconden: Math.round((Date.now() - started) / 100) / 10 }));
});
