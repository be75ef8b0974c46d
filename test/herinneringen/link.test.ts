import { sql } from 'drizzle-orm';
import t from 'tap';
import { DEV_ISSUER } from '../../src/auth/dev-issuer.js';
import { runRound } from '../../src/herinneringen/runner.js';
import { smtpTransport } from '../../src/herinneringen/transport.js';
import { grantRole } from '../../src/roltoewijzingen/service.js';
import { DAY, linkIn, reminderFixture } from './fixture.js';

/** Opens the page as a browser would (GET, keeping the CSRF cookie) and returns what the form needs to post. */
async function openPage(app: Awaited<ReturnType<typeof reminderFixture>>['app'], path: string, postTo = path) {
  const page = await app.inject({ url: path });
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const post = (token = csrf) =>
    app.inject({ method: 'POST', url: postTo, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token)}` });
  return { page, post };
}

t.test('the confirmation link: GET shows, POST confirms its own entry, once', async (t) => {
  const f = await reminderFixture(t, { OVERZICHT_DAGEN: '0' });
  const eva = await f.create({ sub: 'eva', organisatie: 'gm0363' }, { naam: 'Eva de Boer', email: 'eva.deboer@amsterdam.nl' });
  const bas = await f.create({ sub: 'bas', organisatie: 'gm0363' }, { naam: 'Bas Bakker', email: 'bas@amsterdam.nl' });
  await f.expireIn(eva, 6);
  await f.expireIn(bas, 6);
  const transport = smtpTransport(f.smtp.url);
  t.teardown(() => transport.close());
  await runRound(f.db, transport, f.options);
  const evaLink = linkIn(f.smtp.to('eva.deboer@amsterdam.nl')[0]!.text);
  const basLink = linkIn(f.smtp.to('bas@amsterdam.nl')[0]!.text);
  const state = async (id: string) =>
    (await f.db.execute<{ bevestigd_op: Date; versie: number }>(sql`SELECT bevestigd_op, versie FROM professionals WHERE id = ${id}`))[0]!;
  const before = await state(eva);

  const { page, post } = await openPage(f.app, evaLink);
  t.equal(page.statusCode, 200);
  t.match(page.headers['cache-control'], /no-store/);
  t.match(page.body, /<h1 class="utrecht-heading-1">Is deze vermelding nog actueel\?<\/h1>/);
  t.match(page.body, /<dd>Eva de Boer<\/dd>/);
  t.match(page.body, /<dd>Amsterdam<\/dd>/);
  t.match(page.body, new RegExp(`<form method="post" action="${evaLink}">`));
  t.match(page.body, />Nog actueel<\/button>/);
  t.same(await state(eva), before, 'opening the page changes nothing (mail scanners open links too)');
  t.equal((await f.app.inject({ url: evaLink })).statusCode, 200, 'and can be opened again');

  t.equal((await post('vervalst')).statusCode, 403, 'the form needs its CSRF token');
  t.same(await state(eva), before);

  const confirmed = await post();
  t.equal(confirmed.statusCode, 200);
  t.match(confirmed.body, /Bedankt, de vermelding is bevestigd/);
  const after = await state(eva);
  t.ok(after.bevestigd_op > before.bevestigd_op, 'confirmed: a new period');
  t.equal(after.versie, before.versie + 1);
  const basBefore = await state(bas);
  t.ok(basBefore.bevestigd_op < after.bevestigd_op, "Bas's entry is untouched by Eva's link");

  const again = await post();
  t.equal(again.statusCode, 410, 'the link works once');
  t.match(again.body, /Deze link is al gebruikt/);
  t.same(await state(eva), after, 'and the second use changes nothing');
  t.equal((await f.app.inject({ url: evaLink })).statusCode, 410, 'the page says it was used');

  const audit = await f.db.execute<{ actie: string; resultaat: string; herkomst: string; actor_subject: string | null; details: Record<string, unknown> }>(sql`
    SELECT actie, resultaat, herkomst, actor_subject, details FROM auditlog WHERE object_id = ${eva} AND actie LIKE 'professional.bevestig%' ORDER BY volgnummer`);
  t.match(audit, [
    { actie: 'professional.bevestigd', resultaat: 'gelukt', herkomst: /^web:/, actor_subject: null, details: { via: 'herinneringslink' } },
    { actie: 'professional.bevestigen', resultaat: 'geweigerd', details: { reden: 'gebruikt' } },
  ]);

  // Forged or altered tokens confirm nothing.
  const altered = basLink.slice(0, -2) + (basLink.endsWith('AA') ? 'BB' : 'AA');
  t.equal((await f.app.inject({ url: altered })).statusCode, 404);
  t.equal((await openPage(f.app, altered)).page.statusCode, 404);
  t.equal((await f.app.inject({ url: '/herinnering/kort' })).statusCode, 404);
  t.same(await state(bas), basBefore, 'an altered link does not confirm anything');

  // Bas's own link still works, for Bas's entry only.
  t.equal((await (await openPage(f.app, basLink)).post()).statusCode, 200);
  t.ok((await state(bas)).bevestigd_op > basBefore.bevestigd_op);
  t.same(await state(eva), after);
});

t.test('links expire, and a link of an entry confirmed meanwhile does nothing', async (t) => {
  const f = await reminderFixture(t, { OVERZICHT_DAGEN: '0', HERINNERING_LINK_GELDIG_DAGEN: '10' });
  // Two coordinators of Amsterdam; a team entry without owner: both get a link.
  await grantRole(f.db, { issuer: DEV_ISSUER, subject: 'coord-ams-2', rol: 'coordinator', organisatie: 'gm0363' }, { actor: null, herkomst: 'test' });
  await f.create({ sub: 'coord-ams-2', organisatie: 'gm0363', email: 'coen@amsterdam.nl' }, { naam: 'Coen Coördinator', email: 'coen@amsterdam.nl' });
  const team = await f.createUnowned('coordinatorAmsterdam', { soort: 'team', naam: 'Maatwerkteam Zuid', functie: 'Maatwerkteam', email: 'zuid@amsterdam.nl', rolniveau: 'coordinatie' });
  const eva = await f.create({ sub: 'eva', organisatie: 'gm0363' }, { naam: 'Eva de Boer', email: 'eva.deboer@amsterdam.nl' });
  await f.expireIn(team, 20);
  await f.expireIn(eva, 20);
  const transport = smtpTransport(f.smtp.url);
  t.teardown(() => transport.close());
  const now = new Date();
  await runRound(f.db, transport, f.options, () => now);
  const carla = f.smtp.to('carla@amsterdam.nl');
  const coen = f.smtp.to('coen@amsterdam.nl');
  t.equal(carla.length, 1);
  t.equal(coen.length, 1);
  t.match(carla[0]!.text, /de link werkt één keer, alleen voor deze vermelding/i);

  t.equal((await (await openPage(f.app, linkIn(carla[0]!.text))).post()).statusCode, 200, 'Carla confirms the team entry');
  const coenPage = await f.app.inject({ url: linkIn(coen[0]!.text) });
  t.equal(coenPage.statusCode, 410, "Coen's link for the same entry is spent: it was confirmed after his mail");
  t.match(coenPage.body, /al bevestigd/);

  // Eva's link expires after 10 days.
  const evaLink = linkIn(f.smtp.to('eva.deboer@amsterdam.nl')[0]!.text);
  await f.db.execute(sql`UPDATE bevestigingslinks SET verloopt_op = now() - interval '1 second' WHERE professional_id = ${eva}`);
  const expired = await openPage(f.app, evaLink);
  t.equal(expired.page.statusCode, 410);
  t.match(expired.page.body, /Deze link is verlopen/);
  const [before] = await f.db.execute<{ bevestigd_op: Date }>(sql`SELECT bevestigd_op FROM professionals WHERE id = ${eva}`);
  t.notMatch(expired.page.body, /<form method="post" action="\/herinnering/, 'no button on an expired link');
  // Posting anyway, with a valid CSRF token from another page:
  const forced = await (await openPage(f.app, '/inloggen', evaLink)).post();
  t.equal(forced.statusCode, 410);
  const [after] = await f.db.execute<{ bevestigd_op: Date }>(sql`SELECT bevestigd_op FROM professionals WHERE id = ${eva}`);
  t.same(after, before, 'an expired link confirms nothing');
  t.ok(new Date((await f.db.execute<{ verloopt_op: Date }>(sql`SELECT verloopt_op FROM bevestigingslinks LIMIT 1`))[0]!.verloopt_op).getTime() < now.getTime() + 11 * DAY);
});
