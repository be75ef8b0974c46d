import t from 'tap';
import { TEST_DATA_DIR } from '../helpers/cluster.js';
import { createTestDatabase } from '../helpers/database.js';
import { runScript } from '../helpers/processes.js';

t.test('npm run scim: token prints a new token once; tokens lists; intrekken revokes', async (t) => {
  const database = await createTestDatabase(t);
  const env = { DATABASE_URL: database.url, DATA_DIR: TEST_DATA_DIR, NODE_ENV: 'test' };

  const made = await runScript('scripts/scim.ts', ['token', '--organisatie', 'gm0363', '--omschrijving', 'Entra ID'], env);
  t.equal(made.code, 0, made.stderr);
  t.match(made.stdout, /^mwr_scim_[\w-]{43}\n$/, 'only the token on stdout');
  const token = made.stdout.trim();
  const [stored] = await database.sql<{ id: string; token_hash: string }[]>`SELECT id, token_hash FROM scim_tokens`;
  t.not(stored!.token_hash, token, 'stored hashed');
  t.notOk(JSON.stringify(await database.sql`SELECT * FROM scim_tokens`).includes(token), 'the token itself is nowhere in the table');

  const list = await runScript('scripts/scim.ts', ['tokens'], env);
  t.equal(list.code, 0);
  t.match(list.stdout, new RegExp(`^${stored!.id}\\tgm0363\\t\\S+\\t-\\tactief\\tEntra ID\\n$`));

  t.equal((await runScript('scripts/scim.ts', ['--intrekken', stored!.id], env)).code, 0);
  t.match((await runScript('scripts/scim.ts', ['tokens'], env)).stdout, /\tingetrokken \S+\t/);
  const twice = await runScript('scripts/scim.ts', ['intrekken', stored!.id], env);
  t.equal(twice.code, 1);
  t.match(twice.stderr, /al ingetrokken/);

  const audit = await database.sql<{ actie: string; herkomst: string }[]>`SELECT actie, herkomst FROM auditlog WHERE object_type = 'scim-token' ORDER BY id`;
  t.same(audit.map((row) => row.actie), ['scim-token.aangemaakt', 'scim-token.ingetrokken']);
});
