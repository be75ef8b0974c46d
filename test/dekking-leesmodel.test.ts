import t from 'tap';
import { insertEntries, organisationsForSynthesis } from '../db/seed/bulk-entries.js';
import { synthesise } from '../db/seed/synthetic.js';
import { coverageCounts } from '../src/inzichten/coverage-read-model.js';
import { buildTestApp } from './helpers/app.js';
import { castOf, entryBody } from './helpers/people.js';

/**
 * Coverage's read model (#16 F12): the counts kept by the writing transactions equal a count made afresh — after
 * creates, edits, deactivations, deletions and concurrent writes — and stay exact as time passes and confirmations
 * lapse between rebuilds.
 */

const month = 30 * 24 * 3600 * 1000;
const hour = 3600 * 1000;

t.test('the kept counts equal a fresh count, after writes and as confirmations lapse', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const termijnen = app.config.termijnen;
  const organisations = (await organisationsForSynthesis(database.db)).filter((o) => o.code === 'gm0363' || o.type === 'zbo').slice(0, 30);
  const now = Date.now();
  const yearAgo = new Date(now);
  yearAgo.setUTCMonth(yearAgo.getUTCMonth() - 12);
  const entries = synthesise(200, organisations, 5).map((entry, i) => ({
    ...entry,
    status: i % 11 === 0 ? ('inactief' as const) : ('actief' as const),
    // Some confirmations lapse within the next day: the read must correct for them without a rebuild.
    bevestigdOp: new Date(i % 4 === 0 ? yearAgo.getTime() + (i % 20) * hour + 60_000 : now - (i % 10) * month),
    geverifieerdOp: i % 3 === 0 ? new Date(yearAgo.getTime() + (i % 30) * hour + 60_000) : null,
  }));
  await insertEntries(database.db, entries);

  const direct = async (at: Date) => {
    const since = new Date(at);
    since.setUTCMonth(since.getUTCMonth() - termijnen.bevestigingMaanden);
    const verifiedSince = new Date(at);
    verifiedSince.setUTCMonth(verifiedSince.getUTCMonth() - termijnen.verificatieMaanden);
    const rows = await database.sql<{ organisatie_code: string; code: string; actueel: number; geverifieerd: number }[]>`
      SELECT d.organisatie_code, k.code, count(*)::int AS actueel, count(*) FILTER (WHERE d.geverifieerd_op > ${verifiedSince.toISOString()}::timestamptz)::int AS geverifieerd
      FROM zoekdocumenten d, LATERAL (SELECT '' AS code UNION SELECT unnest(d.expertise_pad)) k
      WHERE d.status = 'actief' AND d.bevestigd_op > ${since.toISOString()}::timestamptz
      GROUP BY d.organisatie_code, k.code`;
    return new Map(rows.map((r) => [`${r.organisatie_code}/${r.code}`, `${r.actueel}/${r.geverifieerd}`]));
  };
  const kept = async (at: Date) =>
    new Map((await coverageCounts(app.db, termijnen, at)).filter((c) => c.actueel !== 0 || c.geverifieerd !== 0).map((c) => [`${c.organisatieCode}/${c.expertisegebiedCode}`, `${c.actueel}/${c.geverifieerd}`]));
  const agree = async (at: Date, what: string) => t.same(Object.fromEntries(await kept(at)), Object.fromEntries(await direct(at)), what);

  await agree(new Date(now), 'built on first use: equal to a direct count over the documents');

  // Writes through the API: a create, an edit of the domains, a deactivation, a deletion.
  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ email: 'nieuw@amsterdam.nl', expertisegebieden: ['wmo'] }) });
  t.equal(created.statusCode, 201);
  const id = created.json().id;
  const edited = await app.inject({ method: 'PATCH', url: `/api/v1/professionals/${id}`, headers: { ...cast.coordinatorAmsterdam, 'if-match': '"1"' }, payload: { expertisegebieden: ['schulden', 'jeugdwet'] } });
  t.equal(edited.statusCode, 200);
  const [other] = await database.sql<{ id: string; versie: number }[]>`SELECT id, versie FROM professionals WHERE organisatie_code = 'gm0363' AND status = 'actief' AND id <> ${id} LIMIT 1`;
  const deactivated = await app.inject({ method: 'PATCH', url: `/api/v1/professionals/${other!.id}`, headers: { ...cast.coordinatorAmsterdam, 'if-match': `"${other!.versie}"` }, payload: { status: 'inactief' } });
  t.equal(deactivated.statusCode, 200);
  await agree(new Date(), 'after a create, an edit and a deactivation');
  t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/professionals/${id}`, headers: cast.coordinatorAmsterdam })).statusCode, 204);
  await agree(new Date(), 'after a deletion');

  // Concurrent writes to one organisation: no deadlock, no lost delta.
  const many = await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ email: `tegelijk${i}@amsterdam.nl`, expertisegebieden: ['schulden'] }) }),
    ),
  );
  t.same(many.map((r) => r.statusCode), Array(8).fill(201), 'eight creates at once');
  await agree(new Date(), 'after concurrent creates');

  // Time passes: confirmations and verifications lapse, no write happens; the stored cut-offs are kept (< 1 day).
  const [before] = await database.sql<{ berekend_op: Date }[]>`SELECT berekend_op FROM dekking_peil`;
  await agree(new Date(now + 22 * hour), '22 hours on: the lapsed ones no longer count');
  const [after] = await database.sql<{ berekend_op: Date }[]>`SELECT berekend_op FROM dekking_peil`;
  t.same(after!.berekend_op, before!.berekend_op, 'answered by correction, not by a rebuild');
  const total = async (at: Date) => [...(await direct(at)).entries()].filter(([k]) => k.endsWith('/')).reduce((n, [, v]) => n + Number(v.split('/')[0]), 0);
  t.ok((await total(new Date(now + 22 * hour))) < (await total(new Date())), 'the fixture has lapses in that window');
  await agree(new Date(now + 3 * month), 'three months on: rebuilt, and equal');
});
