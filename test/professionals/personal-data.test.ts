import t from 'tap';
import { applyRetention } from '../../src/professionals/retention.js';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';

t.test('a person sees and exports everything the register holds about them', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const cast = await castOf(testApp);
  await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ email: 'eva.deboer@amsterdam.nl' }) });
  const eva = await testApp.auth({ sub: 'eva', organisatie: 'gm0363', email: 'Eva.DeBoer@amsterdam.nl', naam: 'Eva de Boer' });

  const before = await app.inject({ url: '/api/v1/mij/gegevens', headers: eva });
  t.equal(before.statusCode, 200);
  t.match(before.headers['content-disposition'], /attachment; filename=/);
  t.match(before.json(), { persoon: { subject: 'eva', organisatie: 'gm0363' }, vermeldingen: [{ email: 'eva.deboer@amsterdam.nl', eigen: false }], rollen: [] });
  t.match(before.json().auditregels, [{ actie: 'professional.aangemaakt', actor: { subject: 'coord-ams' } }], 'the audit rows about the entry');

  const id = before.json().vermeldingen[0].id;
  await app.inject({ method: 'POST', url: `/api/v1/professionals/${id}/claim`, headers: eva });
  const after = (await app.inject({ url: '/api/v1/mij/gegevens', headers: eva })).json();
  t.match(after.vermeldingen, [{ id, eigen: true }]);
  t.same(after.auditregels.map((r: { actie: string }) => r.actie), ['professional.geclaimd', 'professional.aangemaakt']);
});

t.test('after a person deletes their entry, no table but the audit log holds their name or e-mail', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const eva = await testApp.auth({ sub: 'eva', organisatie: 'gm0363' });
  const name = 'Evangelina Zonderhoek';
  const email = 'evangelina.zonderhoek@amsterdam.nl';
  const { id } = (await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: eva, payload: entryBody({ naam: name, email, trefwoorden: ['Zonderhoek-methode'] }) })).json();
  await app.inject({ method: 'PATCH', url: `/api/v1/professionals/${id}`, headers: { ...eva, 'if-match': '"1"' }, payload: { naam: `${name} II` } });

  const tablesHolding = async () => {
    const tables = await database.sql<{ table_name: string }[]>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
    const found: string[] = [];
    for (const { table_name: table } of tables) {
      const [hit] = await database.sql.unsafe(`SELECT count(*)::int AS n FROM "${table}" t WHERE row_to_json(t)::text ILIKE '%zonderhoek%'`);
      if ((hit?.n ?? 0) > 0) found.push(table);
    }
    return found;
  };
  t.same(await tablesHolding(), ['persoonlijke_zoekwoorden', 'professionals', 'zoekdocument_weergave', 'zoekdocumenten', 'zoeklexemen'], 'before: the entry, its search documents and its words');

  const deleted = await app.inject({ method: 'DELETE', url: `/api/v1/professionals/${id}`, headers: eva });
  t.equal(deleted.statusCode, 204);
  t.same(await tablesHolding(), [], 'after: nowhere, the audit log included');
  t.equal((await app.inject({ url: `/api/v1/professionals/${id}`, headers: eva })).statusCode, 404);
  const [queued] = await database.sql`SELECT count(*)::int AS n FROM zoekindex_outbox WHERE professional_id = ${id}`;
  t.ok((queued?.n ?? 0) >= 3, 'the removal is queued for search engines');
  const [fact] = await database.sql`SELECT actie, details FROM auditlog WHERE object_id = ${id} AND actie = 'professional.verwijderd'`;
  t.match(fact, { details: { organisatie: 'gm0363', door: 'eigenaar' } }, 'the audit keeps the fact');
});

t.test('retention deletes entries not confirmed for confirmation + retention period, and audits it', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database, config } = testApp;
  const cast = await castOf(testApp);
  const make = async (email: string) => (await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ email }) })).json().id;
  const fresh = await make('vers@amsterdam.nl');
  const expired = await make('verlopen@amsterdam.nl');
  const gone = await make('weg@amsterdam.nl');
  await database.sql`UPDATE professionals SET bevestigd_op = now() - interval '13 months' WHERE id = ${expired}`;
  await database.sql`UPDATE professionals SET bevestigd_op = now() - interval '19 months' WHERE id = ${gone}`;

  const audit = { actor: null, herkomst: 'retentie' };
  t.same(await applyRetention(database.db, config.termijnen, audit, { proefrun: true }), { verwijderd: 1, grens: 18 });
  t.same(await applyRetention(database.db, config.termijnen, audit), { verwijderd: 1, grens: 18 });
  const left = await database.sql`SELECT id FROM professionals ORDER BY email`;
  t.same(left.map((r) => r.id).sort(), [fresh, expired].sort(), 'expired but within retention stays (invisible); past retention is deleted');
  const [row] = await database.sql`SELECT herkomst, details FROM auditlog WHERE object_id = ${gone} AND actie = 'professional.verwijderd'`;
  t.match(row, { herkomst: 'retentie', details: { reden: 'retentie' } });
});
