import t from 'tap';
import { insertEntries } from '../db/seed/bulk-entries.js';
import { synthesise } from '../db/seed/synthetic.js';
import { organisationsForSynthesis } from '../db/seed/bulk-entries.js';
import { buildTestApp } from './helpers/app.js';
import { castOf } from './helpers/people.js';

t.test('coverage agrees with a direct count in the database', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const organisations = (await organisationsForSynthesis(database.db)).filter((o) => o.provincie === 'Utrecht' || o.type === 'zbo');
  const month = 30 * 24 * 3600 * 1000;
  const entries = synthesise(300, organisations, 11).map((entry, i) => ({
    ...entry,
    status: i % 13 === 0 ? ('inactief' as const) : ('actief' as const),
    bevestigdOp: new Date(Date.now() - (i % 16) * month),
    geverifieerdOp: i % 3 === 0 ? new Date(Date.now() - (i % 15) * month) : null,
  }));
  await insertEntries(database.db, entries);

  const response = await app.inject({ url: '/api/v1/inzichten/dekking?provincie=utrecht&type=gemeente', headers: cast.pmm });
  t.equal(response.statusCode, 200);
  const body = response.json();
  const direct = await database.sql<{ code: string; actueel: number; geverifieerd: number }[]>`
    SELECT o.code,
      count(p.id) FILTER (WHERE p.status = 'actief' AND p.bevestigd_op > now() - interval '12 months')::int AS actueel,
      count(p.id) FILTER (WHERE p.status = 'actief' AND p.bevestigd_op > now() - interval '12 months' AND p.geverifieerd_op > now() - interval '12 months')::int AS geverifieerd
    FROM organisaties o LEFT JOIN professionals p ON p.organisatie_code = o.code
    WHERE o.actief AND o.type = 'gemeente' AND o.provincie = 'Utrecht' GROUP BY o.code ORDER BY o.code`;
  const api = new Map(body.organisaties.map((o: { code: string; actueel: number; geverifieerd: number }) => [o.code, o]));
  t.equal(api.size, direct.length, 'every gemeente in Utrecht');
  for (const row of direct) t.match(api.get(row.code), { actueel: row.actueel, geverifieerd: row.geverifieerd }, row.code);
  t.ok(direct.some((r) => r.actueel > 0) && direct.some((r) => r.geverifieerd > 0), 'the fixture has something to count');
  t.same(
    body.zonderContact.map((o: { code: string }) => o.code).sort(),
    direct.filter((r) => r.actueel === 0).map((r) => r.code).sort(),
    'organisations without any current contact',
  );

  // Per domain, a parent counts its descendants: compare "schulden" with a direct count over the tree.
  const schulden = await database.sql<{ code: string; actueel: number }[]>`
    SELECT p.organisatie_code AS code, count(DISTINCT p.id)::int AS actueel FROM professionals p
    JOIN professional_expertisegebieden pe ON pe.professional_id = p.id
    JOIN expertisegebieden e ON e.code = pe.expertisegebied_code
    WHERE (e.code = 'schulden' OR e.parent_code = 'schulden') AND p.status = 'actief' AND p.bevestigd_op > now() - interval '12 months'
    GROUP BY p.organisatie_code`;
  const perDomain = (await app.inject({ url: '/api/v1/inzichten/dekking?expertisegebied=schulden', headers: cast.beheerder })).json();
  for (const row of schulden) {
    const organisation = perDomain.organisaties.find((o: { code: string }) => o.code === row.code);
    t.equal(organisation?.perExpertisegebied.find((d: { code: string }) => d.code === 'schulden')?.actueel, row.actueel, `schulden at ${row.code}`);
  }
  t.ok(schulden.length > 0);

  const csv = await app.inject({ url: '/api/v1/inzichten/dekking?provincie=Utrecht&type=gemeente', headers: { ...cast.coordinatorAmsterdam, accept: 'text/csv' } });
  t.equal(csv.statusCode, 200);
  t.match(csv.headers['content-type'], /^text\/csv/);
  const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
  t.equal(lines[0], 'organisatie;naam;type;provincie;expertisegebied;expertisegebiedNaam;actueel;geverifieerd');
  const utrechtTotal = lines.find((l) => l.startsWith('gm0344;Utrecht;gemeente;Utrecht;;;'));
  t.equal(utrechtTotal, `gm0344;Utrecht;gemeente;Utrecht;;;${direct.find((r) => r.code === 'gm0344')?.actueel};${direct.find((r) => r.code === 'gm0344')?.geverifieerd}`, 'CSV carries the same numbers');

  t.equal((await app.inject({ url: '/api/v1/inzichten/dekking', headers: cast.collega })).statusCode, 403);
});

t.test('coverage is rate limited per signed-in person, with 429 problem+json and Retry-After', async (t) => {
  const testApp = await buildTestApp(t, { RATE_LIMIT_DEKKING_MAX: '2' });
  const { app } = testApp;
  const cast = await castOf(testApp);
  const call = (headers: Record<string, string>) => app.inject({ url: '/api/v1/inzichten/dekking?type=provincie', headers });
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await call(cast.pmm)).statusCode);
  t.same(statuses, [200, 200, 429], 'the third call within the window is refused');
  const limited = await call(cast.pmm);
  t.match(limited.headers['content-type'], /application\/problem\+json/);
  t.ok(Number(limited.headers['retry-after']) > 0, 'says when to try again');
  t.equal((await call(cast.beheerder)).statusCode, 200, 'another person, from the same address, is not limited by the first');
});
