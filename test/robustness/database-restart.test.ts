import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import t from 'tap';
import { seedReferenceData } from '../../db/seed/index.js';
import { buildApp } from '../../src/app.js';
import { verifyAuditChain } from '../../src/audit/service.js';
import { loadOrCreateDevKeys, signDevToken } from '../../src/auth/dev-issuer.js';
import { loadConfig } from '../../src/config.js';
import { connect } from '../../src/database/connection.js';
import { ensureEmbeddedCluster, stopEmbeddedCluster } from '../../src/database/embedded-cluster.js';
import { runMigrations } from '../../src/database/migrate.js';
import { DEV_ISSUER } from '../../src/auth/dev-issuer.js';
import { grantRole } from '../../src/roltoewijzingen/service.js';
import { TEST_DATA_DIR } from '../helpers/cluster.js';
import { entryBody } from '../helpers/people.js';

/**
 * Issue 16, the fault test: the database is stopped under load and started again. Meanwhile only 503s (with
 * Retry-After) besides successes, the service does not crash, it serves again within 5 s of the database being back
 * without a restart of its own, every acknowledged write is there afterwards, and the audit chain verifies.
 * The shared test cluster cannot be stopped (other files use it), so this file runs a cluster of its own.
 */
t.test('database stopped under load and started again', async (t) => {
  const dataDir = path.join(TEST_DATA_DIR, '..', `fault-${randomBytes(4).toString('hex')}`);
  await mkdir(dataDir, { recursive: true });
  await chmod(dataDir, 0o755); // as root, the postgres user runs the cluster and must enter the folder
  t.teardown(async () => {
    await stopEmbeddedCluster(dataDir).catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  });
  let cluster = await ensureEmbeddedCluster({ dataDir, durable: true });
  const port = cluster.port;
  const maintenance = connect(cluster.url, { max: 2 });
  await runMigrations(maintenance.db, maintenance.sql);
  await seedReferenceData(maintenance.db);
  await grantRole(maintenance.db, { issuer: DEV_ISSUER, subject: 'beheerder', rol: 'beheerder' }, { actor: null, herkomst: 'test' });
  await maintenance.end();

  const base = { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: TEST_DATA_DIR, DATABASE_URL: cluster.url, DATABASE_CONNECT_TIMEOUT_MS: '1000' };
  const config = loadConfig(base);
  const pool = connect(cluster.url, { max: 5, timeouts: config.timeouts });
  const app = await buildApp({ config, database: { ...pool, close: () => pool.end() } });
  await app.ready();
  t.teardown(() => app.close());
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  t.teardown(() => void process.off('unhandledRejection', onUnhandled));
  const keys = await loadOrCreateDevKeys(TEST_DATA_DIR);
  const headers = { authorization: `Bearer ${signDevToken(keys, { sub: 'beheerder', organisatie: 'gm0344', naam: 'Bert Beheer' }, 600)}` };

  // Load: four writers and four readers, each in a loop, until told to stop.
  const statuses = new Map<number, number>();
  const acknowledged: string[] = [];
  const without503RetryAfter: string[] = [];
  let running = true;
  let counter = 0;
  const worker = async (write: boolean) => {
    while (running) {
      const n = counter++;
      const response = write
        ? await app.inject({ method: 'POST', url: '/api/v1/professionals', headers, payload: entryBody({ naam: `Storing Test ${n}`, email: `storing.${n}@utrecht.nl` }) })
        : await app.inject({ url: '/api/v1/professionals?zoekterm=schuld', headers });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode === 201) acknowledged.push(response.json().id);
      if (response.statusCode === 503 && !(Number(response.headers['retry-after']) > 0)) without503RetryAfter.push(response.body);
      if (response.statusCode === 503) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const workers = [true, true, true, true, false, false, false, false].map((write) => worker(write));

  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const beforeStop = acknowledged.length;
  await stopEmbeddedCluster(dataDir);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const duringStop = new Map(statuses);
  cluster = await ensureEmbeddedCluster({ dataDir, port, durable: true });
  const back = performance.now();
  let recoveredAfter: number | undefined;
  while (recoveredAfter === undefined && performance.now() - back < 10_000) {
    const probe = await app.inject({ url: '/api/v1/professionals?zoekterm=schuld', headers });
    if (probe.statusCode === 200) recoveredAfter = performance.now() - back;
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // some load after recovery too
  running = false;
  await Promise.all(workers);

  t.ok(beforeStop > 0, `writes were acknowledged before the stop (${beforeStop})`);
  t.ok((duringStop.get(503) ?? 0) > 0, 'requests during the stop were answered 503');
  t.same([...statuses.keys()].filter((s) => ![200, 201, 503].includes(s)), [], `only 200, 201 and 503 (${JSON.stringify([...statuses])})`);
  t.same(without503RetryAfter, [], 'every 503 carries Retry-After');
  t.ok(recoveredAfter !== undefined && recoveredAfter <= 5_000, `served again within 5 s of the database being back (${Math.round(recoveredAfter ?? -1)} ms)`);
  t.same(unhandled, [], 'no unhandled rejection (the service would have stopped)');

  const check = connect(cluster.url, { max: 1 });
  t.teardown(() => check.end());
  const found = await check.sql<{ id: string }[]>`SELECT id::text FROM professionals WHERE id = ANY(${acknowledged}::uuid[])`;
  t.equal(found.length, acknowledged.length, `every acknowledged write is present (${acknowledged.length})`);
  const chain = await verifyAuditChain(check.db);
  t.equal(chain.broken, null, `the audit chain verifies (${chain.rows} rows)`);
});
