import t from 'tap';
import { TEST_DATA_DIR } from '../helpers/cluster.js';
import { createTestDatabase } from '../helpers/database.js';
import { runScript } from '../helpers/processes.js';

t.test('rol: grant, list and revoke roles; invalid input is explained', async (t) => {
  const database = await createTestDatabase(t);
  const env = { DATABASE_URL: database.url, DATA_DIR: TEST_DATA_DIR, NODE_ENV: 'test' };
  // The refusals do not depend on the grant sequence: run beside it (each command is a process of its own, which
  // takes seconds on a busy machine).
  const refusals = Promise.all([
    runScript('scripts/rol.ts', ['toekennen', '--sub', 'anna', '--rol', 'coordinator'], env),
    runScript('scripts/rol.ts', ['toekennen', '--sub', 'anna', '--rol', 'koning'], env),
  ]);
  t.equal((await runScript('scripts/rol.ts', ['toekennen', '--sub', 'anna', '--rol', 'coordinator', '--organisatie', 'gm0855'], env)).code, 0);
  const list = await runScript('scripts/rol.ts', ['lijst'], env);
  t.match(list.stdout, /^coordinator\tgm0855\tanna\turn:maatwerkregister:ontwikkeling\t/m);
  t.equal((await runScript('scripts/rol.ts', ['intrekken', '--sub', 'anna', '--rol', 'coordinator', '--organisatie', 'gm0855'], env)).code, 0);
  t.equal((await runScript('scripts/rol.ts', ['lijst'], env)).stdout, '');

  const [noOrganisation, badRole] = await refusals;
  t.equal(noOrganisation.code, 1);
  t.match(noOrganisation.stderr, /organisatie: Een coördinator hoort bij een organisatie/);
  t.equal(badRole.code, 64);
});
