import { defineConfig } from 'drizzle-kit';
import { loadConfig } from './src/config.js';

// Same validated configuration as the service. `drizzle-kit generate` needs no database; commands that do
// (studio, check against a live schema) use DATABASE_URL.
const config = loadConfig();

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
  ...(config.databaseUrl ? { dbCredentials: { url: config.databaseUrl } } : {}),
});
