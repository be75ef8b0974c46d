import t from 'tap';
import { TEST_DATA_DIR } from '../helpers/cluster.js';
import { createTestDatabase } from '../helpers/database.js';
import { runScript } from '../helpers/processes.js';

t.test('token: prints only a token; refuses unknown organisations, missing arguments and production', async (t) => {
  const database = await createTestDatabase(t);
  const env = { DATABASE_URL: database.url, DATA_DIR: TEST_DATA_DIR, NODE_ENV: 'test' };
  const ok = await runScript('scripts/token.ts', ['--sub', 'jan', '--organisatie', 'zb000117', '--email', 'jan@uwv.nl', '--ttl', '30m'], env);
  t.equal(ok.code, 0);
  t.match(ok.stdout, /^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  const payload = JSON.parse(Buffer.from(ok.stdout.split('.')[1]!, 'base64url').toString());
  t.match(payload, { sub: 'jan', organisatie: 'zb000117', email: 'jan@uwv.nl', iss: 'urn:maatwerkregister:ontwikkeling' });
  t.equal(payload.exp - payload.iat, 1800, 'ttl 30m');

  const unknown = await runScript('scripts/token.ts', ['--sub', 'jan', '--organisatie', 'gm9999'], env);
  t.equal(unknown.code, 1);
  t.equal(unknown.stdout, '', 'nothing on stdout on failure');
  t.match(unknown.stderr, /unknown organisation "gm9999"/);

  const missing = await runScript('scripts/token.ts', ['--organisatie', 'gm0363'], env);
  t.equal(missing.code, 64);
  t.match(missing.stderr, /--sub is required[\s\S]*usage:/);

  const production = await runScript('scripts/token.ts', ['--sub', 'jan', '--organisatie', 'gm0363'], { ...env, NODE_ENV: 'production' });
  t.not(production.code, 0);
  t.match(production.stderr, /development issuer is disabled/);
});
