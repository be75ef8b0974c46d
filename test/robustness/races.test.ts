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

t.test('a CSV import racing a create of the same e-mail: 409 saying what happened, nothing imported', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const other = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ email: 'ander@amsterdam.nl' }) });
  t.equal(other.statusCode, 201);
  // Deterministic race: another session gives an entry the import's e-mail address and commits only after the
  // import has read the existing entries and is inserting (it then waits on the unique index).
  let commit!: () => void;
  const committed = new Promise<void>((resolve) => (commit = resolve));
  let changed!: () => void;
  const isChanged = new Promise<void>((resolve) => (changed = resolve));
  const racer = database.sql.begin(async (tx) => {
    await tx`UPDATE professionals SET email = 'nieuw@amsterdam.nl' WHERE id = ${other.json().id}`;
    changed();
    await committed;
  });
  await isChanged;
  const csv = 'naam,functie,email,rolniveau,expertisegebieden\nPiet Jansen,Consulent,piet@amsterdam.nl,specialist,schulden\nNina Nieuw,Consulent,nieuw@amsterdam.nl,specialist,schulden\n';
  const importing = app.inject({ method: 'POST', url: '/api/v1/organisaties/gm0363/importen', headers: { ...cast.coordinatorAmsterdam, 'content-type': 'text/csv' }, payload: csv });
  // Give the import time to reach its insert, which then waits for the racer's transaction.
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const [waiting] = await database.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ~* '^[[:space:]]*insert into "?professionals"? '`;
    if ((waiting?.n ?? 0) > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  commit();
  await racer;
  const response = await importing;
  t.equal(response.statusCode, 409, `409 (${response.body})`);
  t.match(response.headers['content-type'], /^application\/problem\+json/);
  t.match(response.json().detail, /e-mailadres/);
  const [count] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM professionals WHERE email = 'piet@amsterdam.nl'`;
  t.equal(count?.n, 0, 'all or nothing: no row of the import applied');
});
