import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { oidcEnvShape, readOidcConfig, type OidcConfig } from './config-oidc.js';
import { readVerklaringenConfig, verklaringenEnvShape, type VerklaringenConfig } from './config-verklaringen.js';
import { operationsEnvShape, readOperationsConfig, type OperationsConfig } from './config-operations.js';

/**
 * The one place that reads the environment. Everything else receives the parsed `Config` object, so tests can
 * build any configuration without touching `process.env`.
 */

export const trustedIssuerSchema = z
  .object({
    issuer: z.string().min(1),
    jwksUrl: z.url({ protocol: /^https?$/ }),
    audience: z.string().min(1),
    /** Organisation codes this issuer may vouch for; `*` means any (only sensible for a national IdP). */
    organisaties: z.array(z.string().min(1)).min(1),
    /** The claim that carries the organisation code. */
    organisatieClaim: z.string().min(1).default('organisatie'),
    naamClaim: z.string().min(1).default('name'),
    emailClaim: z.string().min(1).default('email'),
    algorithms: z.array(z.enum(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'])).min(1).default(['RS256', 'ES256']),
  })
  .strict();

export type TrustedIssuer = z.infer<typeof trustedIssuerSchema>;

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  EMBEDDED_PG_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1024).max(65535).optional()),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  MIGRATE_ON_START: z.preprocess(emptyAsUndefined, booleanFromEnv.default(true)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_REQUESTS: z.preprocess(emptyAsUndefined, booleanFromEnv.default(true)),
  TRUSTED_ISSUERS: z.preprocess(emptyAsUndefined, z.string().optional()),
  DEV_LOGIN: z.preprocess(emptyAsUndefined, booleanFromEnv.optional()),
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  PMM_DESK_EMAIL: z.preprocess(emptyAsUndefined, z.email().optional()),
  TRUST_PROXY: z.preprocess(emptyAsUndefined, booleanFromEnv.default(false)),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_WINDOW: z.string().min(1).default('1 minute'),
  RATE_LIMIT_DEKKING_MAX: z.coerce.number().int().min(1).default(30),
  BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  // Bounds on waiting (issue 16, F3). Database ones are PostgreSQL session settings of the service's pool; 0 = off.
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(3_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  REQUEST_BODY_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  IMPORT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(120_000),
  VERIFICATIE_GELDIG_MAANDEN: z.coerce.number().int().min(1).max(120).default(12),
  BEVESTIGING_GELDIG_MAANDEN: z.coerce.number().int().min(1).max(120).default(12),
  RETENTIE_MAANDEN: z.coerce.number().int().min(0).max(120).default(6),
  IMPORT_BODY_LIMIT: z.coerce.number().int().min(1024).default(20 * 1_048_576),
  IMPORT_JOB_ROWS: z.coerce.number().int().min(0).default(2_000),
  IMPORT_JOB_HEAP_MB: z.coerce.number().int().min(32).max(4_096).default(256),
  DEMO_DATA: z.preprocess(emptyAsUndefined, booleanFromEnv.optional()),
  ZOEKLOG_BEWAAR_DAGEN: z.coerce.number().int().min(1).max(3650).default(90),
  SEARCH_ENGINE: z.enum(['postgres', 'meilisearch']).default('postgres'),
  MEILI_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  MEILI_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]+$/).default('professionals'),
  MEILI_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  RELAY_IN_SERVER: z.preprocess(emptyAsUndefined, booleanFromEnv.default(true)),
  RELAY_MAX_POGINGEN: z.coerce.number().int().min(1).max(100).default(8),
  SEARCH_CACHE: z.preprocess(emptyAsUndefined, booleanFromEnv.default(true)),
  SEARCH_CACHE_SIZE: z.coerce.number().int().min(1).max(100_000).default(500),
  SEARCH_CACHE_TTL_S: z.coerce.number().int().min(1).max(3600).default(60),
  SMTP_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().min(3).optional()),
  HERINNERING_DAGEN: z
    .string()
    .default('30,7')
    .transform((value, ctx) => {
      const days = value.split(',').map((part) => Number(part.trim()));
      if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) {
        ctx.addIssue({ code: 'custom', message: 'a comma-separated list of whole days between 1 and 365, e.g. 30,7' });
        return z.NEVER;
      }
      return [...new Set(days)].sort((a, b) => b - a);
    }),
  OVERZICHT_DAGEN: z.coerce.number().int().min(0).max(365).default(7),
  HERINNERING_LINK_GELDIG_DAGEN: z.coerce.number().int().min(1).max(365).default(30),
  HERINNERINGEN_IN_SERVER: z.preprocess(emptyAsUndefined, booleanFromEnv.default(true)),
  MAIL_MAX_POGINGEN: z.coerce.number().int().min(1).max(100).default(10),
  MAIL_BEWAAR_DAGEN: z.coerce.number().int().min(1).max(3650).default(365),
  ...operationsEnvShape,
  ...oidcEnvShape,
  ...verklaringenEnvShape,
});

/** Operator settings (security.txt, metrics, tracing, processing log) live in `config-operations.ts`. */
export interface Config extends OperationsConfig {
  /** How professionals reach the PMM escalation desk (shown where a search finds no one). */
  pmmDeskEmail: string | undefined;
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  embeddedPostgresPort: number | undefined;
  databasePoolSize: number;
  migrateOnStart: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** One log line per request (with its id, status and duration). */
  logRequests: boolean;
  trustedIssuers: TrustedIssuer[];
  /** The local development issuer (key pair under DATA_DIR); never on in production. */
  devLogin: boolean;
  publicUrl: string;
  trustProxy: boolean;
  /** `dekking`: the coverage insight's own limit per signed-in person, in the same window. */
  rateLimit: { max: number; timeWindow: string; dekking: number };
  bodyLimit: number;
  shutdownTimeoutMs: number;
  /** How long anything may wait (see README, "Timeouts"). */
  timeouts: {
    /** PostgreSQL `statement_timeout` of the service's connections (0 = none). */
    statementMs: number;
    /** PostgreSQL `lock_timeout`: how long a statement waits for a row or table lock. */
    lockMs: number;
    /** PostgreSQL `idle_in_transaction_session_timeout`: a transaction left idle is ended by the server. */
    idleInTransactionMs: number;
    /** Establishing a database connection. */
    connectMs: number;
    /** A whole request, from routing to the response (then 503 with Retry-After). */
    requestMs: number;
    /** Receiving a request's headers and body from the client (then 408). */
    bodyMs: number;
    /** The CSV import route, which may take longer than other requests. */
    importMs: number;
  };
  /** How long the register's rules keep things valid. */
  termijnen: {
    /** A coordinator's verification expires after this many months. */
    verificatieMaanden: number;
    /** An entry not confirmed ("nog actueel") for this many months stops being findable. */
    bevestigingMaanden: number;
    /** An entry whose confirmation expired this many months ago is deleted by `npm run retentie`. */
    retentieMaanden: number;
  };
  importBodyLimit: number;
  /** An import of more rows than this runs as an import job (202 + Location) instead of while the client waits. */
  importJobRows: number;
  /** The old-generation heap limit of an import job's worker thread, in MB (import-job-thread.ts). */
  importJobHeapMb: number;
  /** Fill an empty register with fictitious entries at start-up (development only). */
  demoData: boolean;
  /** How long searches are kept for the unmet-searches insight. */
  zoeklogBewaarDagen: number;
  /** Sign-in for the web pages through the organisations' OpenID provider (NLGov profile; `config-oidc.ts`). */
  oidc: OidcConfig | null;
  /** Who the privacy and accessibility statements name (`config-verklaringen.ts`). */
  verklaringen: VerklaringenConfig;
  /** Which engine answers searches; Meilisearch falls back to Postgres when it is unavailable. */
  searchEngine: 'postgres' | 'meilisearch';
  meilisearch: { url: string; apiKey: string | undefined; index: string; timeoutMs: number } | null;
  /** Run the outbox relay inside the server process (else run `npm run relay` separately). */
  relay: { inServer: boolean; maxPogingen: number };
  /** Result cache in front of the search engine (see src/search/cache.ts); `null` when off. */
  searchCache: { maxEntries: number; ttlMs: number } | null;
  /** E-mail reminders and coordinator digests (src/herinneringen); no mail at all while `smtpUrl` is unset. */
  herinneringen: {
    smtpUrl: string | undefined;
    mailFrom: string;
    /** Days before the confirmation expires on which the owner is reminded, largest first. */
    dagen: number[];
    /** A coordinator digest every this many days; 0 = none. */
    overzichtDagen: number;
    /** How long a confirmation link in a reminder works. */
    linkGeldigDagen: number;
    /** Plan and send inside the server process (else `npm run herinneringen`). */
    inServer: boolean;
    maxPogingen: number;
    /** The record of a sent (or no longer due) mail, and expired confirmation links, are deleted after this many days. */
    bewaarDagen: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** `TRUSTED_ISSUERS` is inline JSON or the path of a JSON file. */
function readTrustedIssuers(raw: string | undefined, problems: string[]): TrustedIssuer[] {
  if (raw === undefined) return [];
  let text = raw.trim();
  if (!text.startsWith('[') && !text.startsWith('{')) {
    if (!existsSync(text)) {
      problems.push(`TRUSTED_ISSUERS: not JSON, and no file at "${text}"`);
      return [];
    }
    text = readFileSync(text, 'utf8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problems.push(`TRUSTED_ISSUERS: not valid JSON (${(error as Error).message})`);
    return [];
  }
  const parsed = z.array(trustedIssuerSchema).safeParse(Array.isArray(json) ? json : [json]);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`TRUSTED_ISSUERS[${issue.path.join('.')}]: ${issue.message}`);
    }
    return [];
  }
  const seen = new Set<string>();
  for (const issuer of parsed.data) {
    if (seen.has(issuer.issuer)) problems.push(`TRUSTED_ISSUERS: issuer "${issuer.issuer}" is listed twice`);
    seen.add(issuer.issuer);
  }
  return parsed.data;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])])})`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const trustedIssuers = readTrustedIssuers(e.TRUSTED_ISSUERS, problems);
  const production = e.NODE_ENV === 'production';
  if (production && e.DEV_LOGIN === true) {
    problems.push('DEV_LOGIN: the development sign-in cannot be enabled when NODE_ENV=production');
  }
  if (e.OIDC_ISSUER_URL && !trustedIssuers.some((i) => i.issuer.replace(/\/$/, '') === e.OIDC_ISSUER_URL!.replace(/\/$/, ''))) {
    problems.push('OIDC_ISSUER_URL: must also be listed in TRUSTED_ISSUERS (with the client id as audience), so its ID tokens pass the same checks as API tokens');
  }
  if (e.SEARCH_ENGINE === 'meilisearch' && !e.MEILI_URL) problems.push('MEILI_URL: required when SEARCH_ENGINE=meilisearch');
  if (production && e.DEMO_DATA === true) problems.push('DEMO_DATA: demo data cannot be loaded when NODE_ENV=production');
  if (production && !e.DATABASE_URL) {
    problems.push('DATABASE_URL: required when NODE_ENV=production (the embedded database is for development and trials)');
  }
  if (production && e.SMTP_URL && !e.PUBLIC_URL) problems.push('PUBLIC_URL: required with SMTP_URL when NODE_ENV=production (the reminders link to it)');
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const operations = readOperationsConfig(e, { production, publicUrl }, problems);
  const oidc = readOidcConfig(e, { publicUrl }, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const host = e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    embeddedPostgresPort: e.EMBEDDED_PG_PORT,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    migrateOnStart: e.MIGRATE_ON_START,
    logLevel: e.LOG_LEVEL,
    logRequests: e.LOG_REQUESTS,
    trustedIssuers,
    devLogin: production ? false : (e.DEV_LOGIN ?? true),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    pmmDeskEmail: e.PMM_DESK_EMAIL,
    trustProxy: e.TRUST_PROXY,
    rateLimit: { max: e.RATE_LIMIT_MAX, timeWindow: e.RATE_LIMIT_WINDOW, dekking: e.RATE_LIMIT_DEKKING_MAX },
    bodyLimit: e.BODY_LIMIT,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    timeouts: {
      statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      lockMs: e.DATABASE_LOCK_TIMEOUT_MS,
      idleInTransactionMs: e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      connectMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      requestMs: e.REQUEST_TIMEOUT_MS,
      bodyMs: e.REQUEST_BODY_TIMEOUT_MS,
      importMs: e.IMPORT_TIMEOUT_MS,
    },
    termijnen: {
      verificatieMaanden: e.VERIFICATIE_GELDIG_MAANDEN,
      bevestigingMaanden: e.BEVESTIGING_GELDIG_MAANDEN,
      retentieMaanden: e.RETENTIE_MAANDEN,
    },
    importBodyLimit: e.IMPORT_BODY_LIMIT,
    importJobRows: e.IMPORT_JOB_ROWS,
    importJobHeapMb: e.IMPORT_JOB_HEAP_MB,
    demoData: production ? false : (e.DEMO_DATA ?? e.NODE_ENV === 'development'),
    zoeklogBewaarDagen: e.ZOEKLOG_BEWAAR_DAGEN,
    oidc,
    verklaringen: readVerklaringenConfig(e),
    searchEngine: e.SEARCH_ENGINE,
    meilisearch: e.MEILI_URL ? { url: e.MEILI_URL, apiKey: e.MEILI_API_KEY, index: e.MEILI_INDEX, timeoutMs: e.MEILI_TIMEOUT_MS } : null,
    relay: { inServer: e.RELAY_IN_SERVER, maxPogingen: e.RELAY_MAX_POGINGEN },
    searchCache: e.SEARCH_CACHE ? { maxEntries: e.SEARCH_CACHE_SIZE, ttlMs: e.SEARCH_CACHE_TTL_S * 1000 } : null,
    herinneringen: {
      smtpUrl: e.SMTP_URL,
      mailFrom: e.MAIL_FROM ?? `"Maatwerkregister" <noreply@${new URL(e.PUBLIC_URL ?? 'http://localhost').hostname}>`,
      dagen: e.HERINNERING_DAGEN,
      overzichtDagen: e.OVERZICHT_DAGEN,
      linkGeldigDagen: e.HERINNERING_LINK_GELDIG_DAGEN,
      inServer: e.HERINNERINGEN_IN_SERVER,
      maxPogingen: e.MAIL_MAX_POGINGEN,
      bewaarDagen: e.MAIL_BEWAAR_DAGEN,
    },
    ...operations,
  };
}
