import { sql } from 'drizzle-orm';
import t from 'tap';
import { planMails } from '../../src/herinneringen/planner.js';
import { smtpTransport } from '../../src/herinneringen/transport.js';
import { sendDueMails } from '../../src/herinneringen/worker.js';
import { DAY, reminderFixture } from './fixture.js';

t.test('an SMTP outage loses nothing: mails wait, are retried with backoff, and go out once when it is back', async (t) => {
  const f = await reminderFixture(t, { OVERZICHT_DAGEN: '0' });
  const now = new Date();
  for (let i = 0; i < 5; i++) await f.expireIn(await f.create({ sub: `p${i}`, organisatie: 'gm0363' }, { naam: `Persoon ${i}`, email: `p${i}@amsterdam.nl` }), 12, now);
  const plan = () => planMails(f.db, { termijnen: f.options.termijnen, dagen: f.options.dagen, overzichtDagen: 0 }, now);
  t.equal((await plan()).mails, 5);

  await f.smtp.stop();
  const transport = smtpTransport(f.smtp.url);
  t.teardown(() => transport.close());
  const failed = await sendDueMails(f.db, transport, f.options, () => now);
  t.match(failed, { verzonden: 0, mislukt: 1, onbereikbaar: true }, 'an unreachable server ends the round after one try');
  let rows = await f.outbox();
  t.equal(rows.length, 5, 'all five mails still in the outbox');
  t.ok(rows.every((r) => r.uitkomst === null), 'none given up, none marked sent');
  t.same(rows.map((r) => r.pogingen), [1, 0, 0, 0, 0]);
  t.match(rows[0]!.laatste_fout, /ECONNREFUSED|connect/i);
  t.equal((await f.db.execute(sql`SELECT 1 FROM bevestigingslinks`)).length, 0, 'no link of an unsent mail is kept');

  // The service keeps working, and readiness shows the waiting mail.
  const ready = await f.app.inject({ url: '/health/ready' });
  t.equal(ready.statusCode, 200);
  t.match(ready.json(), { status: 'ok', checks: { mail: { status: 'ok', openstaand: 5, opgegeven: 0, laatsteFout: /ECONNREFUSED|connect/i } } });
  const search = await f.app.inject({ url: '/api/v1/professionals?zoekterm=persoon', headers: f.headers.collega });
  t.equal(search.statusCode, 200, 'search answers');
  t.equal((await plan()).mails, 0, 'planning again decides nothing new');

  // The failed mail waits out its backoff (1 s here); the others are tried on the next round.
  const second = await sendDueMails(f.db, transport, f.options, () => now);
  t.match(second, { mislukt: 1, onbereikbaar: true });
  rows = await f.outbox();
  t.same(rows.map((r) => r.pogingen), [1, 1, 0, 0, 0], 'the one in backoff was skipped');

  await f.smtp.start();
  const back = await sendDueMails(f.db, transport, f.options, () => new Date(now.getTime() + 5_000));
  t.match(back, { verzonden: 5, mislukt: 0 });
  for (let i = 0; i < 5; i++) t.equal(f.smtp.to(`p${i}@amsterdam.nl`).length, 1, `p${i}: exactly one mail`);
  t.ok((await f.outbox()).every((r) => r.uitkomst === 'verzonden'));
  t.equal((await sendDueMails(f.db, transport, f.options, () => new Date(now.getTime() + DAY))).verzonden, 0, 'nothing left to send');
});

t.test('dead letters: a permanent refusal at once, an endless outage after MAIL_MAX_POGINGEN; readiness shows them', async (t) => {
  const f = await reminderFixture(t, { OVERZICHT_DAGEN: '0', MAIL_MAX_POGINGEN: '3' });
  const now = new Date();
  const weg = await f.create({ sub: 'weg', organisatie: 'gm0363' }, { naam: 'Wim Weg', email: 'wim.weg@amsterdam.nl' });
  await f.expireIn(weg, 12, now);
  f.smtp.refuse('wim.weg@amsterdam.nl');
  await planMails(f.db, { termijnen: f.options.termijnen, dagen: f.options.dagen, overzichtDagen: 0 }, now);
  const transport = smtpTransport(f.smtp.url);
  t.teardown(() => transport.close());
  t.match(await sendDueMails(f.db, transport, f.options, () => now), { opgegeven: 1 }, '550: given up at once');
  t.match(await f.outbox(), [{ uitkomst: 'opgegeven', pogingen: 1, laatste_fout: /550/ }]);
  const ready = await f.app.inject({ url: '/health/ready' });
  t.equal(ready.statusCode, 200, 'still ready');
  t.match(ready.json(), { status: 'degraded', checks: { mail: { status: 'degraded', opgegeven: 1 } } });
  const [audit] = await f.db.execute<{ actie: string; resultaat: string }>(sql`SELECT actie, resultaat FROM auditlog WHERE actie = 'mail.herinnering.opgegeven'`);
  t.match(audit, { resultaat: 'geweigerd' });

  const lang = await f.create({ sub: 'lang', organisatie: 'gm0363' }, { naam: 'Lotte Lang', email: 'lotte@amsterdam.nl' });
  await f.expireIn(lang, 12, now);
  await planMails(f.db, { termijnen: f.options.termijnen, dagen: f.options.dagen, overzichtDagen: 0 }, now);
  await f.smtp.stop();
  let at = now.getTime();
  for (let i = 0; i < 3; i++) {
    await sendDueMails(f.db, transport, f.options, () => new Date(at));
    at += 3600_000;
  }
  t.match((await f.outbox())[1], { ontvanger: 'lotte@amsterdam.nl', uitkomst: 'opgegeven', pogingen: 3 });
  t.match((await f.app.inject({ url: '/health/ready' })).json(), { checks: { mail: { opgegeven: 2, openstaand: 0 } } });
});

t.test('the worker inside the service plans and sends by itself, and stops with it', async (t) => {
  const f = await reminderFixture(t, { HERINNERINGEN_IN_SERVER: 'false' });
  const eva = await f.create({ sub: 'eva', organisatie: 'gm0363' }, { naam: 'Eva de Boer', email: 'eva.deboer@amsterdam.nl' });
  await f.expireIn(eva, 12);
  // A second node on the same database, with the worker on.
  const { buildApp } = await import('../../src/app.js');
  const { loadConfig } = await import('../../src/config.js');
  const { TEST_DATA_DIR } = await import('../helpers/cluster.js');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: TEST_DATA_DIR, DATABASE_URL: f.testApp.database.url, SMTP_URL: f.smtp.url, PUBLIC_URL: 'https://register.example.nl' });
  const node = await buildApp({ config, database: f.testApp.database });
  await node.ready();
  const deadline = Date.now() + 20_000;
  while (f.smtp.to('eva.deboer@amsterdam.nl').length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  await node.close();
  t.equal(f.smtp.to('eva.deboer@amsterdam.nl').length, 1, 'the reminder went out from the in-service worker');
  t.match(f.smtp.to('carla@amsterdam.nl'), [{ subject: /^Overzicht Maatwerkregister voor Amsterdam/ }], 'and the digest');
});
