import t from 'tap';
import { createToken } from '../../src/scim/tokens.js';
import { TEST_DATA_DIR } from '../helpers/cluster.js';
import { createTestDatabase } from '../helpers/database.js';
import { runScript } from '../helpers/processes.js';

t.test('npm run scim: --intrekken revokes (shown by tokens, audited); revoking twice exits non-zero', async (t) => {
  const database = await createTestDatabase(t);
  const env = { DATABASE_URL: database.url, DATA_DIR: TEST_DATA_DIR, NODE_ENV: 'test' };
  const { row } = await createToken(database.db, 'gm0363', null, { actor: null, herkomst: 'test' });

  const revoked = await runScript('scripts/scim.ts', ['--intrekken', row.id], env);
  t.equal(revoked.code, 0, revoked.stderr);
  t.match(revoked.stderr, /revoked SCIM token/);
  t.match((await runScript('scripts/scim.ts', ['tokens'], env)).stdout, /\tingetrokken \S+\t/);
  const twice = await runScript('scripts/scim.ts', ['intrekken', row.id], env);
  t.equal(twice.code, 1);
  t.match(twice.stderr, /al ingetrokken/);

  const audit = await database.sql<{ actie: string; herkomst: string }[]>`SELECT actie, herkomst FROM auditlog WHERE object_type = 'scim-token' ORDER BY id`;
  t.same(audit.map((r) => [r.actie, r.herkomst]), [['scim-token.aangemaakt', 'test'], ['scim-token.ingetrokken', 'cli']]);
});
