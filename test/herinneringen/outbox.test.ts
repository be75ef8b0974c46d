import t from 'tap';
import { ConfigError, loadConfig } from '../../src/config.js';
import { planMails } from '../../src/herinneringen/planner.js';
import { runRound } from '../../src/herinneringen/runner.js';
import { sendDueMails } from '../../src/herinneringen/worker.js';
import { smtpTransport } from '../../src/herinneringen/transport.js';
import { buildTestApp } from '../helpers/app.js';
import { reminderFixture } from './fixture.js';

t.test('many due mails, two planners and two workers at once: each mail exactly once', async (t) => {
  const f = await reminderFixture(t, { OVERZICHT_DAGEN: '0' });
  const now = new Date();
  const ids: string[] = [];
  for (let i = 0; i < 24; i++) ids.push(await f.create({ sub: `p${i}`, organisatie: 'gm0363' }, { naam: `Persoon ${i}`, email: `p${i}@amsterdam.nl` }));
  for (const id of ids) await f.expireIn(id, 10, now);
  const planned = await Promise.all([1, 2, 3].map(() => planMails(f.db, { termijnen: f.options.termijnen, dagen: f.options.dagen, overzichtDagen: 0 }, now)));
  t.equal(planned.reduce((sum, p) => sum + p.mails, 0), 24, 'three planners decided 24 mails between them');
  const a = smtpTransport(f.smtp.url);
  const b = smtpTransport(f.smtp.url);
  t.teardown(() => (a.close(), b.close()));
  const [ra, rb] = await Promise.all([sendDueMails(f.db, a, f.options, () => now), sendDueMails(f.db, b, f.options, () => now)]);
  t.equal(ra.verzonden + rb.verzonden, 24);
  t.ok(ra.verzonden > 0 && rb.verzonden > 0, `both workers sent (${ra.verzonden} + ${rb.verzonden})`);
  for (let i = 0; i < 24; i++) t.equal(f.smtp.to(`p${i}@amsterdam.nl`).length, 1, `p${i}: one mail`);
});

t.test('a reminder that is no longer due when its turn comes is dropped; deleting an entry takes its mails along', async (t) => {
  const f = await reminderFixture(t, { OVERZICHT_DAGEN: '0' });
  const owner = { sub: 'eva', organisatie: 'gm0363' };
  const eva = await f.create(owner, { naam: 'Eva de Boer', email: 'eva.deboer@amsterdam.nl' });
  const gone = await f.create({ sub: 'gijs', organisatie: 'gm0363' }, { naam: 'Gijs Weg', email: 'gijs@amsterdam.nl' });
  await f.expireIn(eva, 6);
  await f.expireIn(gone, 6);
  await planMails(f.db, { termijnen: f.options.termijnen, dagen: f.options.dagen, overzichtDagen: 0 });
  t.equal((await f.outbox()).length, 2);
  // Eva confirms on her own before the worker runs; Gijs deletes his entry.
  t.equal((await f.app.inject({ method: 'POST', url: `/api/v1/professionals/${eva}/bevestiging`, headers: await f.testApp.auth(owner) })).statusCode, 200);
  t.equal((await f.app.inject({ method: 'DELETE', url: `/api/v1/professionals/${gone}`, headers: await f.testApp.auth({ sub: 'gijs', organisatie: 'gm0363' }) })).statusCode, 204);
  const transport = smtpTransport(f.smtp.url);
  t.teardown(() => transport.close());
  const sent = await sendDueMails(f.db, transport, f.options);
  t.match(sent, { verzonden: 0, vervallen: 1 });
  t.equal(f.smtp.received.length, 0, 'no mail about a confirmed or deleted entry');
  t.match(await f.outbox(), [{ ontvanger: 'eva.deboer@amsterdam.nl', uitkomst: 'vervallen' }], "the deleted entry's mail and its record are gone (AVG)");
  // A new period: Eva is reminded again when it nears its end.
  await f.expireIn(eva, 6);
  await runRound(f.db, transport, f.options);
  t.equal(f.smtp.to('eva.deboer@amsterdam.nl').length, 1);
});

t.test('readiness: no SMTP_URL means no mail, and says so; with it, the outbox is shown', async (t) => {
  const without = await buildTestApp(t);
  const off = await without.app.inject({ url: '/health/ready' });
  t.equal(off.statusCode, 200);
  t.match(off.json(), { status: 'ok', checks: { mail: { status: 'uit', detail: /SMTP_URL is niet ingesteld/ } } });
  const f = await reminderFixture(t, {}, { user: 'register', pass: 'geheim wachtwoord' });
  const on = await f.app.inject({ url: '/health/ready' });
  t.match(on.json(), { status: 'ok', checks: { mail: { status: 'ok', smtp: `smtp://127.0.0.1:${f.smtp.port}`, openstaand: 0, opgegeven: 0 } } });
  t.notMatch(on.body, /geheim/, 'no credentials in readiness');
  // Through an SMTP server that requires a user name and password.
  const eva = await f.create({ sub: 'eva', organisatie: 'gm0363' }, { naam: 'Eva de Boer', email: 'eva.deboer@amsterdam.nl' });
  await f.expireIn(eva, 25);
  const transport = smtpTransport(f.smtp.url);
  t.teardown(() => transport.close());
  await runRound(f.db, transport, f.options);
  t.equal(f.smtp.to('eva.deboer@amsterdam.nl').length, 1, 'sent with authentication');
});

t.test('configuration: thresholds, digest period, validation', async (t) => {
  t.same(loadConfig({}).herinneringen.dagen, [30, 7]);
  t.equal(loadConfig({}).herinneringen.overzichtDagen, 7);
  t.equal(loadConfig({}).herinneringen.smtpUrl, undefined, 'no mail by default');
  t.same(loadConfig({ HERINNERING_DAGEN: '7, 60,30' }).herinneringen.dagen, [60, 30, 7]);
  t.match(loadConfig({ PUBLIC_URL: 'https://register.example.nl' }).herinneringen.mailFrom, /noreply@register\.example\.nl/);
  for (const [name, value] of [
    ['HERINNERING_DAGEN', '30,zeven'],
    ['HERINNERING_DAGEN', '0'],
    ['SMTP_URL', 'http://mail.example.nl'],
    ['OVERZICHT_DAGEN', '-1'],
  ] as const) {
    const error = t.throws(() => loadConfig({ [name]: value })) as unknown as ConfigError;
    t.match(error.message, new RegExp(`${name}: `), `${name}=${value} rejected`);
  }
  t.throws(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y', SMTP_URL: 'smtp://mail:587' }), /PUBLIC_URL: required with SMTP_URL/);
});
