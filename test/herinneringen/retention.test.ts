import { sql } from 'drizzle-orm';
import t from 'tap';
import { planMails } from '../../src/herinneringen/planner.js';
import { pruneMailRecords } from '../../src/herinneringen/retention.js';
import { runRound } from '../../src/herinneringen/runner.js';
import { smtpTransport } from '../../src/herinneringen/transport.js';
import { DAY, reminderFixture } from './fixture.js';

t.test('mail records are kept MAIL_BEWAAR_DAGEN days, then pruned by the worker; dead letters and once-only decisions stay', async (t) => {
  const f = await reminderFixture(t, { MAIL_BEWAAR_DAGEN: '30', OVERZICHT_DAGEN: '0' });
  t.equal(f.options.bewaarDagen, 30, 'the setting reaches the worker');
  const now = new Date();
  const eva = await f.create({ sub: 'eva', organisatie: 'gm0363' }, { naam: 'Eva de Boer', email: 'eva.deboer@amsterdam.nl' });
  const rob = await f.create({ sub: 'rob', organisatie: 'gm0599' }, { naam: 'Rob Rotterdam', email: 'rob@rotterdam.nl' });
  await f.expireIn(eva, 20, now);
  await f.expireIn(rob, 20, now);
  const transport = smtpTransport(f.smtp.url);
  t.teardown(() => transport.close());
  const first = await runRound(f.db, transport, f.options, () => now);
  t.match(first, { verzonden: { verzonden: 2 }, opgeschoond: { mails: 0, links: 0 } });
  // Rob's mail stands in for a dead letter: it must outlive the retention period.
  await f.db.execute(sql`UPDATE mail_outbox SET uitkomst = 'opgegeven' WHERE ontvanger = 'rob@rotterdam.nl'`);

  t.same(await pruneMailRecords(f.db, 30, new Date(now.getTime() + 29 * DAY)), { mails: 0, links: 0 }, 'nothing before the period ends');
  t.equal((await f.outbox()).length, 2);

  // The confirmation link expires after HERINNERING_LINK_GELDIG_DAGEN (30): 61 days on, both the record and the link are past 30 days.
  const later = new Date(now.getTime() + 61 * DAY);
  const round = await runRound(f.db, transport, f.options, () => later);
  t.match(round.opgeschoond, { mails: 1, links: 2 }, 'the worker prunes in its round (both expired links)');
  t.same((await f.outbox()).map((row) => [row.ontvanger, row.uitkomst]), [['rob@rotterdam.nl', 'opgegeven']], 'the dead letter stays');
  const [links] = await f.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM bevestigingslinks`);
  t.equal(links!.n, 0, 'expired links are gone');
  const [decisions] = await f.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM herinneringen WHERE professional_id = ${eva}`);
  t.equal(decisions!.n, 1, 'the once-only decision is kept');
  t.match(await planMails(f.db, { termijnen: f.options.termijnen, dagen: f.options.dagen, overzichtDagen: 0 }, now), { mails: 0 }, 'so the pruned reminder is not decided again');
  t.equal(f.smtp.to('eva.deboer@amsterdam.nl').length, 1);

  const [audit] = await f.db.execute<{ details: Record<string, unknown> }>(sql`SELECT details FROM auditlog WHERE actie = 'mail.opgeschoond'`);
  t.match(audit?.details, { mails: 1, links: 2, bewaarDagen: 30 }, 'pruning is audited, by counts');
});
