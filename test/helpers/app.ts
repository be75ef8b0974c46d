import { loadConfig, type Config } from '../../src/config.js';
import { buildApp, type App, type BuildAppOptions } from '../../src/app.js';
import { loadOrCreateDevKeys, signDevToken, type DevTokenClaims } from '../../src/auth/dev-issuer.js';
import { TEST_DATA_DIR } from './cluster.js';
import { createTestDatabase, type TestDatabase } from './database.js';

interface TapLike {
  teardown(fn: () => unknown): void;
}

export interface TestApp {
  app: App;
  config: Config;
  database: TestDatabase;
  /** A development-issuer token for the given person (default: a professional of Amsterdam). */
  token(claims?: Partial<DevTokenClaims>, ttlSeconds?: number): Promise<string>;
  /** Authorization header for `app.inject`. */
  auth(claims?: Partial<DevTokenClaims>): Promise<{ authorization: string }>;
}

/** The real app on a database of its own; environment overrides as the service would read them. */
export async function buildTestApp(t: TapLike, env: Record<string, string> = {}, extra: Partial<BuildAppOptions> = {}): Promise<TestApp> {
  const base = { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: TEST_DATA_DIR, ...env };
  // The pool gets the configured session timeouts, as the server's does; the URL is not known before the database.
  const configured = loadConfig({ ...base, DATABASE_URL: 'postgres://127.0.0.1/wordt-vervangen' }).timeouts;
  // A busy test machine can take seconds to open a connection (four files at a time on two cores); only tests about
  // connecting ask for a short bound.
  const timeouts = env.DATABASE_CONNECT_TIMEOUT_MS ? configured : { ...configured, connectMs: 30_000 };
  const database = await createTestDatabase(t, { timeouts });
  const config = loadConfig({ ...base, DATABASE_URL: database.url });
  const app = await buildApp({ config, database, ...extra });
  await app.ready();
  t.teardown(() => app.close());
  const token = async (claims: Partial<DevTokenClaims> = {}, ttlSeconds = 600) =>
    signDevToken(await loadOrCreateDevKeys(TEST_DATA_DIR), { sub: 'test-persoon', organisatie: 'gm0363', ...claims }, ttlSeconds);
  return {
    app,
    config,
    database,
    token,
    auth: async (claims) => ({ authorization: `Bearer ${await token(claims)}` }),
  };
}
