import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { runScript } from '../helpers/processes.js';

/**
 * Issue 16, F13: started as root with a DATA_DIR the `postgres` user cannot enter (what `mktemp -d` makes: mode
 * 0700), the service died with a raw `initdb … Permission denied` stack trace and left a postgres-owned folder.
 */

t.test('a DATA_DIR the postgres user cannot reach: a clear message with the fix, no stack trace, nothing left', { skip: userInfo().uid !== 0 && 'only as root (the embedded database then runs as the postgres user)', timeout: 90_000 }, async (t) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mr-onbereikbaar-')); // mode 0700, owned by root
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const result = await runScript('src/server.ts', [], { DATA_DIR: dataDir, NODE_ENV: 'development', PORT: '0', DEMO_DATA: 'false', LOG_LEVEL: 'info' });
  t.not(result.code, 0, 'the service does not start');
  const output = result.stdout + result.stderr;
  t.match(output, new RegExp(dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'names the directory');
  t.match(output, /postgres/, 'names the user that cannot reach it');
  t.match(output, /chmod|DATABASE_URL/, 'says how to fix it');
  t.notMatch(output, /^\s+at .+:\d+:\d+\)?$/m, `no stack trace (${output.slice(0, 800)})`);
  t.same(readdirSync(dataDir), [], 'nothing left behind in DATA_DIR');
});
