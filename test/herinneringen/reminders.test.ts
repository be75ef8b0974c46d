import { sql } from 'drizzle-orm';
import t from 'tap';
import { runRound } from '../../src/herinneringen/runner.js';
import { smtpTransport } from '../../src/herinneringen/transport.js';
import { DAY, reminderFixture } from './fixture.js';

t.test('owners and coordinators get exactly the mails due, once, however often and wherever the job runs', async (t) => {
  const f = await reminderFixture(t);
  const now = new Date();
  const eva = await f.create({ sub: 'eva', organisatie: 'gm0363' }, { naam: 'Eva de Boer', email: 'eva.deboer@amsterdam.nl' });
  const team = await f.createUnowned('coordinatorAmsterdam', { soort: 'team', naam: 'Maatwerkplaats Amsterdam', functie: 'Maatwerkplaats', email: 'maatwerkplaats@amsterdam.nl', rolniveau: 'coordinatie' });
  const fresh = await f.create({ sub: 'frank', organisatie: 'gm0363' }, { naam: 'Frank Vers', email: 'frank@amsterdam.nl' });
  const rdam = await f.create({ sub: 'rob', organisatie: 'gm0599' }, { naam: 'Rob Rotterdam', email: 'rob@rotterdam.nl' });
  await f.db.execute(sql`UPDATE professionals SET geverifieerd_op = now()`);
  await f.expireIn(eva, 20, now); // within 30 days: first reminder
  await f.expireIn(team, 5, now); // within 7 days, no owner: the coordinator
  await f.expireIn(rdam, -3, now); // expired: only the digest mentions it
  void fresh;
  const transport = smtpTransport(f.smtp.url);
  t.teardown(() => transport.close());

  const first = await runRound(f.db, transport, f.options, () => now);
  t.match(first, { gepland: { herinneringen: 2, overzichten: 2, mails: 4 }, verzonden: { verzonden: 4, mislukt: 0 } });
  t.equal(f.smtp.received.length, 4, 'four mails');
  t.equal(f.smtp.to('eva.deboer@amsterdam.nl').length, 1, 'Eva: one reminder');
  t.equal(f.smtp.to('carla@amsterdam.nl').length, 2, "Carla: the team entry's reminder and her digest");
  t.equal(f.smtp.to('ruud@rotterdam.nl').length, 1, 'Ruud: his digest');
  t.equal(f.smtp.to('frank@amsterdam.nl').length, 0, 'Frank: nothing due');
  t.equal(f.smtp.to('rob@rotterdam.nl').length, 0, 'Rob: expired, no reminder');

  const [toEva] = f.smtp.to('eva.deboer@amsterdam.nl');
  t.match(toEva, { from: 'register@example.nl', subject: /Is je vermelding nog actueel\? Nog 20 dagen vindbaar/ });
  t.match(toEva!.text, /Beste Eva de Boer,/);
  t.match(toEva!.text, /Je vermelding "Eva de Boer" \(Schuldhulpverlener\) bij Amsterdam/, 'names the entry and the organisation');
  t.match(toEva!.text, /https:\/\/register\.example\.nl\/herinnering\/[A-Za-z0-9_-]{43}\n/);
  t.match(toEva!.html, /<html lang="nl">/);
  t.match(toEva!.html, /href="https:\/\/register\.example\.nl\/herinnering\/[A-Za-z0-9_-]{43}"/);
  t.match(toEva!.html, /Bevestig dat &quot;Eva de Boer&quot; actueel is/, 'the link says what it does');
  t.equal(toEva!.headers.get('auto-submitted'), 'auto-generated');
  const teamMail = f.smtp.to('carla@amsterdam.nl').find((m) => /Maatwerkplaats Amsterdam/.test(m.subject));
  t.match(teamMail, { subject: 'Vermelding "Maatwerkplaats Amsterdam" van Amsterdam: nog 5 dagen vindbaar' });
  t.match(teamMail!.text, /heeft geen eigenaar\. Als coördinator/);
  const digest = f.smtp.to('ruud@rotterdam.nl')[0]!;
  t.match(digest.subject, /^Overzicht Maatwerkregister voor Rotterdam: 1 punt vragen aandacht$/);
  t.match(digest.text, /Bevestiging verlopen \(1\)\n.*\n- Rob Rotterdam\nBekijk ze: https:\/\/register\.example\.nl\/coordinatie\?organisatie=gm0599&bevestiging=verlopen/);
  t.match(digest.html, /<h2[^>]*>Bevestiging verlopen \(1\)<\/h2>/);
  const carlaDigest = f.smtp.to('carla@amsterdam.nl').find((m) => m.subject.startsWith('Overzicht'))!;
  t.match(carlaDigest.text, /Bevestiging verloopt binnenkort \(2\)\n.*\n- Eva de Boer\n- Maatwerkplaats Amsterdam \(team\)/);
  t.notMatch(carlaDigest.text, /Frank Vers/, 'nothing about entries that need no attention');

  // Again and again, and two workers at once: nothing new.
  for (let i = 0; i < 3; i++) await runRound(f.db, transport, f.options, () => new Date(now.getTime() + i * 3600_000));
  const other = smtpTransport(f.smtp.url);
  t.teardown(() => other.close());
  await Promise.all([runRound(f.db, transport, f.options, () => now), runRound(f.db, other, f.options, () => now)]);
  t.equal(f.smtp.received.length, 4, 'repeated and concurrent runs send nothing twice');

  // 15 days on: Eva crosses 7 days; the team entry expired (no reminder); a new digest period began.
  const later = new Date(now.getTime() + 15 * DAY);
  const second = await runRound(f.db, transport, f.options, () => later);
  t.match(second.gepland, { herinneringen: 1, overzichten: 2 });
  t.equal(f.smtp.to('eva.deboer@amsterdam.nl').length, 2, 'Eva: the 7-day reminder');
  t.match(f.smtp.to('eva.deboer@amsterdam.nl')[1]!.subject, /Nog 5 dagen vindbaar/);
  t.equal(f.smtp.to('carla@amsterdam.nl').length, 3, 'Carla: the next digest');
  t.equal(f.smtp.to('ruud@rotterdam.nl').length, 2, 'Ruud: the next digest');
  await runRound(f.db, transport, f.options, () => new Date(later.getTime() + 3600_000));
  t.equal(f.smtp.received.length, 7, 'and again nothing twice');

  // The record: to whom, what kind, when; audit rows carry identifiers only.
  const rows = await f.outbox();
  t.equal(rows.length, 7);
  t.ok(rows.every((r) => r.uitkomst === 'verzonden' && r.message_id), 'every row sent, with its Message-ID');
  const audit = await f.db.execute<{ actie: string; object_id: string; details: Record<string, unknown> }>(sql`
    SELECT actie, object_id, details FROM auditlog WHERE actie LIKE 'mail.%' ORDER BY volgnummer`);
  t.equal(audit.length, 7);
  t.match(audit.filter((a) => a.object_id === eva), [
    { actie: 'mail.herinnering.verzonden', details: { aan: 'eigenaar', drempelDagen: 30 } },
    { actie: 'mail.herinnering.verzonden', details: { aan: 'eigenaar', drempelDagen: 7 } },
  ]);
  t.notMatch(JSON.stringify(audit), /@/, 'no addresses in the audit log');
});
