import t from 'tap';
import { TEST_DATA_DIR } from '../helpers/cluster.js';
import { createTestDatabase } from '../helpers/database.js';
import { runScript } from '../helpers/processes.js';

// Each command is a process of its own (seconds each on a busy machine): the CLI tests are split over three files.

t.test('npm run scim: token prints a new token once, stored hashed; tokens lists it; no command is a usage error', async (t) => {
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

  const none = await runScript('scripts/scim.ts', [], env);
  t.equal(none.code, 64);
  t.match(none.stderr, /token, tokens or intrekken/);
});
