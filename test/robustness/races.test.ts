import t from 'tap';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';

/** Issue 16, F7 and F8: writes racing each other end in one winner and clear 409s, never in 500s or two winners. */

t.test('20 people with the same work e-mail claim one entry at once: exactly one 200, the others 409', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ email: 'gedeeld@amsterdam.nl' }) });
  t.equal(created.statusCode, 201);
  const { id } = created.json();
  const claimants = await Promise.all(
    Array.from({ length: 20 }, (_, i) => testApp.auth({ sub: `eiser-${i}`, organisatie: 'gm0363', email: 'gedeeld@amsterdam.nl' })),
  );
  const responses = await Promise.all(claimants.map((headers) => app.inject({ method: 'POST', url: `/api/v1/professionals/${id}/claim`, headers })));
  const statuses = responses.map((r) => r.statusCode).sort();
  t.equal(statuses.filter((s) => s === 200).length, 1, `one winner (${statuses.join(',')})`);
  t.equal(statuses.filter((s) => s === 409).length, 19, 'the others 409');
  for (const response of responses.filter((r) => r.statusCode === 409)) {
    t.match(response.headers['content-type'], /^application\/problem\+json/);
  }
  const winner = claimants[responses.findIndex((r) => r.statusCode === 200)]!;
  const mine = await app.inject({ url: `/api/v1/professionals/${id}`, headers: winner });
  t.equal(mine.json().geclaimd, true);
  const [row] = await database.sql<{ eigenaar: string; versie: number }[]>`SELECT eigenaar_subject AS eigenaar, versie FROM professionals WHERE id = ${id}`;
  const winnerIndex = responses.findIndex((r) => r.statusCode === 200);
  t.equal(row?.eigenaar, `eiser-${winnerIndex}`, 'the owner is the one who got 200');
  t.equal(row?.versie, 2, 'changed once');
  const [audit] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM auditlog WHERE actie = 'professional.geclaimd' AND object_id = ${id}`;
  t.equal(audit?.n, 1, 'one claim in the audit log');
});
