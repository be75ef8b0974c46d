import t from 'tap';
import { InvalidInputError } from '../src/domain-errors.js';
import { DEV_ISSUER } from '../src/auth/dev-issuer.js';
import { grantRole, revokeRole } from '../src/roltoewijzingen/service.js';
import { buildTestApp } from './helpers/app.js';

const cli = { actor: null, herkomst: 'test' };

t.test('GET /api/v1/mij: who the token says you are, your organisation and your roles', async (t) => {
  const { app, auth, database } = await buildTestApp(t);
  const headers = await auth({ sub: 'joelle', organisatie: 'zb000211', naam: 'Joëlle Bakker', email: 'j.bakker@cak.nl' });
  const before = (await app.inject({ url: '/api/v1/mij', headers })).json();
  t.match(before, { subject: 'joelle', uitgever: DEV_ISSUER, naam: 'Joëlle Bakker', email: 'j.bakker@cak.nl', organisatie: { code: 'zb000211', naam: 'CAK' }, rollen: [] });

  await grantRole(database.db, { issuer: DEV_ISSUER, subject: 'joelle', rol: 'coordinator', organisatie: 'zb000211' }, cli);
  await grantRole(database.db, { issuer: DEV_ISSUER, subject: 'joelle', rol: 'pmm' }, cli);
  const after = (await app.inject({ url: '/api/v1/mij', headers })).json();
  t.same(after.rollen, [
    { rol: 'coordinator', organisatie: 'zb000211' },
    { rol: 'pmm', organisatie: null },
  ]);

  await revokeRole(database.db, { issuer: DEV_ISSUER, subject: 'joelle', rol: 'pmm' }, cli);
  t.same((await app.inject({ url: '/api/v1/mij', headers })).json().rollen, [{ rol: 'coordinator', organisatie: 'zb000211' }]);
});

t.test('roles belong to issuer + subject: the same sub from another issuer has none', async (t) => {
  const { database } = await buildTestApp(t);
  await grantRole(database.db, { issuer: 'https://idp.a', subject: 'x', rol: 'beheerder' }, cli);
  const rows = await database.sql`SELECT issuer FROM roltoewijzingen WHERE subject = 'x'`;
  t.same(rows.map((r) => r.issuer), ['https://idp.a']);
});

t.test('role rules: a coordinator needs an existing organisation; register-wide roles take none', async (t) => {
  const { database } = await buildTestApp(t);
  const base = { issuer: DEV_ISSUER, subject: 's' };
  await t.rejects(grantRole(database.db, { ...base, rol: 'coordinator' }, cli), InvalidInputError);
  await t.rejects(grantRole(database.db, { ...base, rol: 'coordinator', organisatie: 'gm9999' }, cli), InvalidInputError);
  await t.rejects(grantRole(database.db, { ...base, rol: 'beheerder', organisatie: 'gm0363' }, cli), InvalidInputError);
  t.equal((await grantRole(database.db, { ...base, rol: 'beheerder' }, cli)).nieuw, true);
  t.equal((await grantRole(database.db, { ...base, rol: 'beheerder' }, cli)).nieuw, false, 'granting twice is a no-op');
  const [row] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM roltoewijzingen WHERE subject = 's'`;
  t.equal(row?.n, 1);
});
