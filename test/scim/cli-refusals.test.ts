import t from 'tap';
import { TEST_DATA_DIR } from '../helpers/cluster.js';
import { createTestDatabase } from '../helpers/database.js';
import { runScript } from '../helpers/processes.js';

t.test('npm run scim: unknown organisation, missing arguments and unknown tokens exit non-zero with a message', async (t) => {
  const database = await createTestDatabase(t);
  const env = { DATABASE_URL: database.url, DATA_DIR: TEST_DATA_DIR, NODE_ENV: 'test' };
  const unknown = await runScript('scripts/scim.ts', ['token', '--organisatie', 'gm9999'], env);
  t.equal(unknown.code, 1);
  t.equal(unknown.stdout, '');
  t.match(unknown.stderr, /gm9999/);
  const missing = await runScript('scripts/scim.ts', ['token'], env);
  t.equal(missing.code, 64);
  t.match(missing.stderr, /--organisatie is required[\s\S]*usage:/);
  const unknownToken = await runScript('scripts/scim.ts', ['intrekken', '00000000-0000-4000-8000-000000000000'], env);
  t.equal(unknownToken.code, 1);
  t.match(unknownToken.stderr, /geen SCIM-token/);
});
