import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { verifyAuditChain } from '../../src/audit/service.js';
import { loadConfig } from '../../src/config.js';
import { connect } from '../../src/database/connection.js';
import { buildTestApp } from '../helpers/app.js';
import { TEST_DATA_DIR, testCluster } from '../helpers/cluster.js';
import { castOf, entryBody } from '../helpers/people.js';
import { runScript } from '../helpers/processes.js';

interface Teardown {
  teardown(fn: () => unknown): void;
}

/** A new, empty database (not the seeded template): what an operator restores into. */
async function emptyDatabase(t: Teardown): Promise<string> {
  const cluster = await testCluster();
  const name = `test_leeg_${randomBytes(5).toString('hex')}`;
  const admin = postgres(cluster.urlFor('postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`).finally(() => admin.end());
  t.teardown(async () => {
    const dropper = postgres(cluster.urlFor('postgres'), { max: 1, onnotice: () => {} });
    await dropper.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end());
  });
  return cluster.urlFor(name);
}

/** Per table: row count and a digest of every row, so "the same rows" means the same content. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ name: string }[]>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`;
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await sql.unsafe<{ n: number; digest: string | null }[]>(`SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${name}" t`);
      result[name] = `${row?.n}:${row?.digest}`;
    }
    const sequences = await sql<{ name: string; value: string | null }[]>`SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`;
    for (const s of sequences) result[`sequence ${s.name}`] = String(s.value);
    return result;
  } finally {
    await sql.end();
  }
}

t.test('backup, restore into a new database: the same rows, a verifying audit chain, a working register', async (t) => {
  const testApp = await buildTestApp(t);
  const cast = await castOf(testApp);
  const { app } = testApp;
  for (const [i, overrides] of [{ naam: 'Joëlle van Dijk', overMij: 'Regel met "quotes", tab\tén\nnieuwe regel \\ backslash' }, { naam: 'Piet Schuld' }, { naam: 'Team Schuldhulp', soort: 'team' }].entries()) {
    const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: entryBody({ email: `p${i}@rotterdam.nl`, ...overrides }) });
    t.equal(created.statusCode, 201, 'entry created');
  }
  await app.inject({ url: '/api/v1/professionals?zoekterm=schuldhulp', headers: cast.collega });
  await app.searchLog.flush();

  const dir = mkdtempSync(path.join(tmpdir(), 'mr-backup-'));
  const file = path.join(dir, 'register.backup.gz');
  const env = { DATA_DIR: TEST_DATA_DIR, NODE_ENV: 'test' };
  const backup = await runScript('scripts/backup.ts', ['--uit', file], { ...env, DATABASE_URL: testApp.database.url });
  t.equal(backup.code, 0, backup.stderr);
  t.match(backup.stderr, /backup: auditlog: \d+ rows/, 'progress per table on stderr');
  t.match(JSON.parse(backup.stdout), { file, tables: Number });

  const target = await emptyDatabase(t);
  const restore = await runScript('scripts/restore.ts', [file], { ...env, DATABASE_URL: target });
  t.equal(restore.code, 0, restore.stderr);
  t.match(restore.stderr, /restore: professionals: 3 rows/);
  t.match(JSON.parse(restore.stdout), { auditlogIntact: true });

  const before = await fingerprint(testApp.database.url);
  const after = await fingerprint(target);
  t.same(after, before, 'every table has the same rows, every sequence the same position');
  t.ok(Number(before.professionals?.split(':')[0]) === 3 && Number(before.auditlog?.split(':')[0]) > 3, 'and there was something to compare');

  const restored = connect(target, { max: 2 });
  t.teardown(() => restored.end());
  const chain = await verifyAuditChain(restored.db);
  t.notOk(chain.broken, 'the audit chain verifies');
  t.equal(chain.rows, Number(before.auditlog?.split(':')[0]));

  // The restored register works: search finds the entries, new rows continue the sequences and the chain.
  const restoredApp = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: TEST_DATA_DIR, DATABASE_URL: target }), database: { ...restored, close: async () => {} } });
  t.teardown(() => restoredApp.close());
  const search = await restoredApp.inject({ url: '/api/v1/professionals?zoekterm=joelle', headers: cast.collega });
  t.equal(search.json().totaal, 1, 'search works on the restored documents (accents and all)');
  const text = await restoredApp.inject({ url: `/api/v1/professionals/${search.json().resultaten[0].id}`, headers: cast.collega });
  t.equal(text.json().overMij, 'Regel met "quotes", tab\tén\nnieuwe regel \\ backslash', 'tabs, newlines, quotes and backslashes survive');
  const another = await restoredApp.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: entryBody({ email: 'na-herstel@rotterdam.nl' }) });
  t.equal(another.statusCode, 201, 'writes work after the restore');
  t.notOk((await verifyAuditChain(restored.db)).broken, 'and extend the chain');

  const again = await runScript('scripts/restore.ts', [file], { ...env, DATABASE_URL: target });
  t.equal(again.code, 1, 'a second restore into the same database is refused');
  t.match(again.stderr, /the database is not empty/);
});

t.test('a backup cut short restores nothing', async (t) => {
  const testApp = await buildTestApp(t);
  const dir = mkdtempSync(path.join(tmpdir(), 'mr-backup-'));
  const file = path.join(dir, 'register.backup.gz');
  const env = { DATA_DIR: TEST_DATA_DIR, NODE_ENV: 'test' };
  t.equal((await runScript('scripts/backup.ts', ['--uit', file], { ...env, DATABASE_URL: testApp.database.url })).code, 0);

  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  const truncated = path.join(dir, 'afgebroken.backup.gz');
  writeFileSync(truncated, gzipSync(lines.slice(0, Math.floor(lines.length * 0.8)).join('\n') + '\n'));
  const target = await emptyDatabase(t);
  const restore = await runScript('scripts/restore.ts', [truncated], { ...env, DATABASE_URL: target });
  t.equal(restore.code, 1);
  t.match(restore.stderr, /cut short \(nothing restored\)/);
  const counts = await fingerprint(target);
  t.ok(Object.entries(counts).filter(([k]) => !k.startsWith('sequence')).every(([, v]) => v.startsWith('0:')), 'every table is still empty');

  const notABackup = path.join(dir, 'geen.gz');
  writeFileSync(notABackup, gzipSync('{"hallo":1}\n'));
  const refused = await runScript('scripts/restore.ts', [notABackup], { ...env, DATABASE_URL: target });
  t.equal(refused.code, 1);
  t.match(refused.stderr, /is not a Maatwerkregister backup/);
  t.equal((await runScript('scripts/backup.ts', [], { ...env, DATABASE_URL: testApp.database.url })).code, 64, 'usage error without --uit');
});
