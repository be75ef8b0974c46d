import { MeilisearchEngine } from '../src/search/meilisearch/engine.js';
import { outboxState, startRelay } from '../src/search/relay.js';
import { runCommand } from './lib/command.js';

/**
 * Runs the outbox relay on its own (set RELAY_IN_SERVER=false on the service nodes). Safe to run more than once:
 * relays claim rows with SKIP LOCKED. Stops on Ctrl-C / SIGTERM after the batch in hand.
 */
await runCommand({ usage: 'npm run relay' }, async ({ config, database, log }) => {
  if (!config.meilisearch) throw new Error('MEILI_URL is not set: there is no external search engine to feed');
  const rules = { verificatieMaanden: config.termijnen.verificatieMaanden };
  const engine = new MeilisearchEngine(database.db, { ...config.meilisearch, ...rules });
  // An unsupported server is refused; an unreachable one is waited for (the outbox keeps the changes).
  const verdict = await engine.version().catch((error: Error) => {
    log(`relay: Meilisearch not reachable yet (${error.message}); retrying`);
    return undefined;
  });
  if (verdict && !verdict.supported) throw new Error(verdict.detail);
  log(`relay: feeding Meilisearch ${verdict?.version ?? '(version unknown yet)'} at ${config.meilisearch.url} index ${config.meilisearch.index}; outbox ${JSON.stringify(await outboxState(database.db))}`);
  const relay = startRelay(database.db, engine, {
    maxPogingen: config.relay.maxPogingen,
    log: (message, error) => log(`${message}${error ? `: ${(error as Error).message}` : ''}`),
    tijd: rules,
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await relay.stop();
  log(`relay stopped; outbox ${JSON.stringify(await outboxState(database.db))}`);
});
