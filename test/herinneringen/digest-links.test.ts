import { sql } from 'drizzle-orm';
import t from 'tap';
import { runRound } from '../../src/herinneringen/runner.js';
import { smtpTransport } from '../../src/herinneringen/transport.js';
import { SESSION_COOKIE } from '../../src/web/session.js';
import { reminderFixture } from './fixture.js';

t.test("each section of the coordinator's digest links to the coordination page listing exactly that section's entries", async (t) => {
  const f = await reminderFixture(t);
  const now = new Date();
  const eva = await f.create({ sub: 'eva', organisatie: 'gm0363' }, { naam: 'Eva Binnenkort', email: 'eva@amsterdam.nl' });
  const team = await f.createUnowned('coordinatorAmsterdam', { soort: 'team', naam: 'Team Binnenkort', functie: 'Maatwerkplaats', email: 'team@amsterdam.nl', rolniveau: 'coordinatie' });
  const oud = await f.create({ sub: 'oud', organisatie: 'gm0363' }, { naam: 'Otto Verlopen', email: 'otto@amsterdam.nl' });
  const verificatie = await f.create({ sub: 'vera', organisatie: 'gm0363' }, { naam: 'Vera Verificatie', email: 'vera@amsterdam.nl' });
  const nieuw = await f.createUnowned('coordinatorAmsterdam', { naam: 'Nina Nieuw', email: 'nina@amsterdam.nl' });
  const inactief = await f.createUnowned('coordinatorAmsterdam', { naam: 'Ivo Inactief', email: 'ivo@amsterdam.nl' });
  await f.db.execute(sql`UPDATE professionals SET geverifieerd_op = now() WHERE id <> ${nieuw} AND id <> ${inactief}`);
  await f.db.execute(sql`UPDATE professionals SET geverifieerd_op = now() - interval '13 months' WHERE id = ${verificatie}`);
  await f.db.execute(sql`UPDATE professionals SET status = 'inactief' WHERE id = ${inactief}`);
  await f.expireIn(eva, 20, now);
  await f.expireIn(team, 5, now);
  await f.expireIn(oud, -3, now);
  await f.expireIn(inactief, 10, now);
  const transport = smtpTransport(f.smtp.url);
  t.teardown(() => transport.close());
  await runRound(f.db, transport, f.options, () => now);

  const digest = f.smtp.to('carla@amsterdam.nl').find((m) => m.subject.startsWith('Overzicht'))!;
  const sections = [...digest.text.matchAll(/^(.+) \((\d+)\)\n.*\n((?:- .*\n)*)Bekijk ze: (\S+)$/gm)].map(([, kop, n, names, link]) => ({
    kop: kop!,
    aantal: Number(n),
    namen: names!.split('\n').filter(Boolean).map((line) => line.slice(2).replace(/ \(team\)$/, '')).sort(),
    link: link!,
  }));
  t.same(
    sections.map((s) => [s.kop, s.namen]),
    [
      ['Bevestiging verloopt binnenkort', ['Eva Binnenkort', 'Team Binnenkort']],
      ['Bevestiging verlopen', ['Otto Verlopen']],
      ['Verificatie verlopen', ['Vera Verificatie']],
      ['Nog niet geverifieerd', ['Nina Nieuw']],
      ['Nog niet geclaimd', ['Nina Nieuw']],
    ],
    'the digest lists each section (inactive entries left out)',
  );

  const cookie = `${SESSION_COOKIE}=${await f.testApp.token({ sub: 'coord-ams', organisatie: 'gm0363', email: 'carla@amsterdam.nl' })}`;
  const everyone = ['Eva Binnenkort', 'Team Binnenkort', 'Otto Verlopen', 'Vera Verificatie', 'Nina Nieuw', 'Ivo Inactief', 'Carla Coördinator'];
  for (const section of sections) {
    const url = new URL(section.link);
    t.equal(url.origin, 'https://register.example.nl');
    t.equal(url.searchParams.get('status'), 'actief', `${section.kop}: only active entries, as the digest counts`);
    const page = await f.app.inject({ url: `${url.pathname}${url.search}`, headers: { cookie, accept: 'text/html' } });
    t.equal(page.statusCode, 200, section.kop);
    const caption = /<caption[^>]*>([^<]*)<\/caption>/.exec(page.body)?.[1] ?? '';
    t.match(caption, new RegExp(`^${section.aantal} vermelding`), `${section.kop}: the page counts the same (${caption})`);
    t.same(everyone.filter((naam) => page.body.includes(naam)).sort(), section.namen, `${section.kop}: the page lists the same entries`);

    // The API answers the same question through the same service.
    const api = await f.app.inject({ url: `/api/v1/organisaties/gm0363/professionals${url.search.replace(/organisatie=[^&]*&?/, '')}`, headers: f.headers.coordinatorAmsterdam });
    t.same(api.json().resultaten.map((e: { naam: string }) => e.naam).sort(), section.namen, `${section.kop}: the API agrees`);
  }
});
