import t from 'tap';
import { runScript } from '../helpers/processes.js';
import { TEST_DATA_DIR } from '../helpers/cluster.js';
import { reminderFixture } from './fixture.js';

t.test('npm run herinneringen: one round from the command line; --status; refuses without SMTP_URL', async (t) => {
  const f = await reminderFixture(t, { OVERZICHT_DAGEN: '0' });
  const eva = await f.create({ sub: 'eva', organisatie: 'gm0363' }, { naam: 'Eva de Boer', email: 'eva.deboer@amsterdam.nl' });
  await f.expireIn(eva, 12);
  const env = { DATABASE_URL: f.testApp.database.url, DATA_DIR: TEST_DATA_DIR, NODE_ENV: 'test', PUBLIC_URL: 'https://register.example.nl', OVERZICHT_DAGEN: '0' };

  const without = await runScript('scripts/herinneringen.ts', [], env);
  t.equal(without.code, 64, without.stderr);
  t.match(without.stderr, /SMTP_URL is not set/);

  const round = await runScript('scripts/herinneringen.ts', [], { ...env, SMTP_URL: f.smtp.url });
  t.equal(round.code, 0, round.stderr);
  t.match(JSON.parse(round.stdout), { gepland: { herinneringen: 1, mails: 1 }, verzonden: { verzonden: 1 } });
  t.equal(f.smtp.to('eva.deboer@amsterdam.nl').length, 1);

  const status = await runScript('scripts/herinneringen.ts', ['--status'], env);
  t.equal(status.code, 0);
  t.match(JSON.parse(status.stdout), { openstaand: 0, opgegeven: 0 });
});
