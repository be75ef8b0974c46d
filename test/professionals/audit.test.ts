import t from 'tap';
import { verifyAuditChain } from '../../src/audit/service.js';
import { TEST_DATA_DIR } from '../helpers/cluster.js';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';
import { runScript } from '../helpers/processes.js';

t.test('every change appends an audit row with action, object, result, origin, actor and time — and no personal data', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const eva = await testApp.auth({ sub: 'eva', organisatie: 'gm0363' });
  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: eva, payload: entryBody() });
  const id = created.json().id;
  await app.inject({ method: 'PATCH', url: `/api/v1/professionals/${id}`, headers: { ...eva, 'if-match': '"1"' }, payload: { functie: 'Casusregisseur' } });
  await app.inject({ method: 'POST', url: `/api/v1/professionals/${id}/bevestiging`, headers: eva });
  await app.inject({ method: 'POST', url: `/api/v1/professionals/${id}/verificatie`, headers: cast.coordinatorAmsterdam });
  await app.inject({ method: 'POST', url: `/api/v1/professionals/${id}/verificatie`, headers: cast.collega });
  await app.inject({ method: 'DELETE', url: `/api/v1/professionals/${id}`, headers: eva });

  const rows = await database.sql`SELECT * FROM auditlog WHERE object_id = ${id} ORDER BY volgnummer`;
  t.same(
    rows.map((r) => [r.actie, r.resultaat, r.actor_subject]),
    [
      ['professional.aangemaakt', 'gelukt', 'eva'],
      ['professional.gewijzigd', 'gelukt', 'eva'],
      ['professional.bevestigd', 'gelukt', 'eva'],
      ['professional.geverifieerd', 'gelukt', 'coord-ams'],
      ['professional.verifieren', 'geweigerd', 'collega'],
      ['professional.verwijderd', 'gelukt', 'eva'],
    ],
  );
  t.match(rows[1], { object_type: 'professional', herkomst: /^api:[0-9a-f-]{36}$/, details: { velden: ['functie'] } });
  const text = JSON.stringify(rows);
  t.notMatch(text, /Eva de Boer|eva\.deboer@amsterdam\.nl|Casusregisseur|\+3120/, 'identifiers only');

  const roles = await database.sql`SELECT actie FROM auditlog WHERE object_type = 'roltoewijzing'`;
  t.equal(roles.length, 4, 'role grants are audited too');
});

t.test('the chain verifies; the app cannot change or delete audit rows; tampering is detected and the row named', { timeout: 60_000 }, async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  await castOf(testApp);
  const eva = await testApp.auth({ sub: 'eva', organisatie: 'gm0363' });
  for (let i = 0; i < 5; i++) await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: await testApp.auth({ sub: `p${i}`, organisatie: 'gm0363' }), payload: entryBody({ email: `p${i}@amsterdam.nl` }) });
  void eva;

  const intact = await verifyAuditChain(database.db);
  t.equal(intact.broken, null);
  t.equal(intact.rows, 9);

  await t.rejects(database.sql`UPDATE auditlog SET actie = 'iets anders' WHERE volgnummer = 3`, /append-only/, 'UPDATE refused');
  await t.rejects(database.sql`DELETE FROM auditlog WHERE volgnummer = 3`, /append-only/, 'DELETE refused');
  await t.rejects(database.sql`TRUNCATE auditlog`, /append-only/, 'TRUNCATE refused');

  const env = { DATABASE_URL: database.url, DATA_DIR: TEST_DATA_DIR, NODE_ENV: 'test' };
  const ok = await runScript('scripts/audit-verify.ts', [], env);
  t.equal(ok.code, 0);
  t.match(ok.stderr, /audit log intact: 9 rows/);

  // An attacker with superuser rights bypasses the triggers and edits row 6.
  await database.sql.begin(async (sql) => {
    await sql`SET LOCAL session_replication_role = replica`;
    await sql`UPDATE auditlog SET actor_subject = 'iemand-anders' WHERE volgnummer = 6`;
  });
  const broken = await runScript('scripts/audit-verify.ts', [], env);
  t.equal(broken.code, 1);
  t.match(broken.stderr, /audit log BROKEN at row volgnummer 6 .*content does not match its hash/);
  t.match(JSON.parse(broken.stdout), { intact: false, eersteFout: { volgnummer: 6 } });
});

t.test('a removed row is detected as a gap', async (t) => {
  const testApp = await buildTestApp(t);
  const { database } = testApp;
  await castOf(testApp);
  await database.sql.begin(async (sql) => {
    await sql`SET LOCAL session_replication_role = replica`;
    await sql`DELETE FROM auditlog WHERE volgnummer = 2`;
  });
  t.match((await verifyAuditChain(database.db)).broken, { volgnummer: 3, reason: /gap/ });
});

t.test('GET /api/v1/auditlog for beheerders, filterable, newest first', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const cast = await castOf(testApp);
  await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody() });
  const all = (await app.inject({ url: '/api/v1/auditlog', headers: cast.beheerder })).json();
  t.equal(all.totaal, 5);
  t.equal(all.resultaten[0].actie, 'professional.aangemaakt');
  t.ok(all.resultaten[0].volgnummer > all.resultaten[1].volgnummer);
  const filtered = (await app.inject({ url: '/api/v1/auditlog?actie=rol.toegekend&actor=', headers: cast.beheerder })).json();
  t.equal(filtered.totaal, 4);
  const byActor = (await app.inject({ url: '/api/v1/auditlog?actor=coord-ams', headers: cast.beheerder })).json();
  t.same(byActor.resultaten.map((r: { actie: string }) => r.actie), ['professional.aangemaakt']);
  t.equal((await app.inject({ url: '/api/v1/auditlog?van=gisteren', headers: cast.beheerder })).statusCode, 400);
});
