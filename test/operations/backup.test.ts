import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { verifyAuditChain } from '../../src/audit/service.js';
import { loadConfig } from '../../src/config.js';
import { connect } from '../../src/database/connection.js';
import { buildTestApp } from '../helpers/app.js';
import { emptyDatabase, fingerprint } from '../helpers/backup.js';
import { TEST_DATA_DIR } from '../helpers/cluster.js';
import { castOf, entryBody } from '../helpers/people.js';
import { runScript } from '../helpers/processes.js';

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
