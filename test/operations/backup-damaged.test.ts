import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import t from 'tap';
import { buildTestApp } from '../helpers/app.js';
import { emptyDatabase, fingerprint } from '../helpers/backup.js';
import { TEST_DATA_DIR } from '../helpers/cluster.js';
import { runScript } from '../helpers/processes.js';

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
