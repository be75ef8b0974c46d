import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { seedDemoData } from '../db/seed/demo.js';
import { seedReferenceData } from '../db/seed/index.js';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { startupRefusals } from './config-operations.js';
import { connect, openDatabase, type Database } from './database/connection.js';
import { EmbeddedClusterError } from './database/embedded-cluster.js';
import { runMigrations } from './database/migrate.js';
import { startTracing, traceLogFields } from './observability/tracing.js';

/**
 * Entry point of `npm start`: configuration, database (embedded unless DATABASE_URL is set), migrations and
 * reference data, then the HTTP server, and a graceful stop on SIGINT/SIGTERM: stop accepting, finish in-flight
 * requests, close the pool, stop the embedded database.
 */

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  throw error;
}
const refusals = startupRefusals(config);
if (refusals.length > 0) {
  console.error(`Refusing to start:\n${refusals.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(78);
}

const tracing = startTracing(config);
const log = pino({ level: config.logLevel, mixin: traceLogFields });
if (config.trustedIssuers.length === 0 && !config.devLogin) {
  log.warn('no TRUSTED_ISSUERS configured and the development sign-in is off: nobody can sign in');
}
let database: Database;
try {
  database = await openDatabase(config, (message) => log.info({ component: 'database' }, message), { forRequests: true });
} catch (error) {
  // Something the operator can fix, said plainly (a stack trace would bury the fix).
  if (error instanceof EmbeddedClusterError) {
    console.error(`error: ${error.message}`);
    process.exit(78); // EX_CONFIG
  }
  throw error;
}
const app = await buildApp({ config, database, logger: log });

try {
  if (config.migrateOnStart) {
    // On connections of their own, without the request timeouts: a migration may take long, and a second node
    // waits for the migration lock of the first.
    const maintenance = connect(database.url, { max: 2 });
    try {
      await runMigrations(maintenance.db, maintenance.sql);
      const seeded = await seedReferenceData(maintenance.db, (message) => log.info(message));
      log.info({ seeded }, 'database ready');
      if (config.demoData) await seedDemoData(maintenance.db, (message) => log.info(message));
    } finally {
      await maintenance.end();
    }
  }
} catch (error) {
  log.fatal({ err: error }, 'database preparation failed');
  await app.close();
  await database.close();
  process.exit(1);
}

closeWithGrace({ delay: config.shutdownTimeoutMs, logger: { error: (m) => log.error(m) } }, async ({ signal, err }) => {
  if (err) log.error({ err }, 'stopping after an error');
  else log.info({ signal }, 'stopping: finishing in-flight requests');
  await app.close();
  await database.close();
  await tracing.shutdown();
  log.info('stopped');
});

try {
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  log.info(`Maatwerkregister draait op http://${shown}:${config.port} (API: /api/v1, OpenAPI: /api/v1/openapi.json)`);
} catch (error) {
  log.fatal({ err: error }, 'could not start the HTTP server');
  await app.close();
  await database.close();
  process.exit(1);
}
