import t from 'tap';
import { DEV_ISSUER } from '../../src/auth/dev-issuer.js';
import { grantRole, listRoles } from '../../src/roltoewijzingen/service.js';
import { SCIM_ISSUER } from '../../src/scim/tokens.js';
import { entraUser, scimFixture } from './fixture.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

t.test('SCIM lifecycle: create → PUT → PATCH → deactivate → reactivate → delete, with search following each step', async (t) => {
  const f = await scimFixture(t);
  const { app } = f.testApp;

  // Create, as Entra ID does: first look the user up, then POST.
  const lookup = await f.asAmsterdam('GET', `/Users?filter=${encodeURIComponent('userName eq "eva.deboer@amsterdam.nl"')}`);
  t.equal(lookup.statusCode, 200);
  t.match(lookup.headers['content-type'], /^application\/scim\+json/);
  t.match(lookup.json(), { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 0, Resources: [] });

  const created = await f.asAmsterdam('POST', '/Users', entraUser());
  t.equal(created.statusCode, 201, created.body);
  const user = created.json();
  t.match(user, {
    id: /^[0-9a-f-]{36}$/,
    externalId: 'b7c1e0f2-0000-4000-8000-000000000001',
    userName: 'eva.deboer@amsterdam.nl',
    displayName: 'Eva de Boer',
    title: 'Schuldhulpverlener',
    active: true,
    emails: [{ value: 'eva.deboer@amsterdam.nl', type: 'work', primary: true }],
    phoneNumbers: [{ value: '+31201234567', type: 'work' }],
    [ENTERPRISE]: { department: 'Schuldhulp' },
    meta: { resourceType: 'User', version: 'W/"1"', location: `${f.testApp.config.publicUrl}/scim/v2/Users/${user.id}` },
  });
  t.equal(created.headers.location, user.meta.location);
  t.equal(created.headers.etag, 'W/"1"');
  t.match(await f.search('Eva de Boer'), [{ id: user.id, functie: 'Schuldhulpverlener', afdeling: 'Schuldhulp' }], 'findable at once');

  const byEmail = await f.asAmsterdam('GET', `/Users?filter=${encodeURIComponent('emails.value eq "EVA.deboer@amsterdam.nl"')}`);
  t.match(byEmail.json(), { totalResults: 1, Resources: [{ id: user.id }] }, 'emails.value filter, case-insensitive');
  t.match((await f.asAmsterdam('GET', `/Users/${user.id}`)).json(), { id: user.id, userName: 'eva.deboer@amsterdam.nl' });

  // The person claims the entry and writes what only they know; the organisation must never overwrite it.
  const evaPerson = { sub: 'eva', organisatie: 'gm0363', email: 'eva.deboer@amsterdam.nl' };
  const eva = await f.testApp.auth(evaPerson);
  t.equal((await app.inject({ method: 'POST', url: `/api/v1/professionals/${user.id}/claim`, headers: eva })).statusCode, 200);
  const own = await app.inject({
    method: 'PATCH',
    url: `/api/v1/professionals/${user.id}`,
    headers: { ...eva, 'if-match': '"2"' },
    payload: { overMij: 'Ik help bij schulden met meerdere schuldeisers.', trefwoorden: ['budgetbeheer'], expertisegebieden: ['schulden'], zichtbaarheid: 'alle-professionals' },
  });
  t.equal(own.statusCode, 200, own.body);
  await grantRole(f.testApp.database.db, { issuer: DEV_ISSUER, subject: 'eva', rol: 'coordinator', organisatie: 'gm0363' }, { actor: null, herkomst: 'test' });
  const exported = (await app.inject({ url: '/api/v1/mij/gegevens', headers: eva })).json();
  t.match(exported.vermeldingen, [{ id: user.id, provisionering: { gebruikersnaam: 'eva.deboer@amsterdam.nl', externId: 'b7c1e0f2-0000-4000-8000-000000000001' } }], 'the AVG export shows what the SCIM client stored');

  // PUT: the client replaces what it owns.
  const put = await f.asAmsterdam('PUT', `/Users/${user.id}`, entraUser({ title: 'Casusregisseur', displayName: 'Eva de Boer-Jansen' }));
  t.equal(put.statusCode, 200, put.body);
  t.match(put.json(), { title: 'Casusregisseur', displayName: 'Eva de Boer-Jansen', meta: { version: 'W/"4"' } });
  t.match(await f.search('Casusregisseur'), [{ id: user.id, naam: 'Eva de Boer-Jansen' }]);

  // PATCH as Entra ID sends it: capitalised ops, a filtered path, the enterprise extension by URN.
  const patch = await f.asAmsterdam('PATCH', `/Users/${user.id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [
      { op: 'Replace', path: 'phoneNumbers[type eq "work"].value', value: '010 765 4321' },
      { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Wijkteam Noord' },
      { op: 'Add', path: 'title', value: 'Wijkcoach' },
    ],
  });
  t.equal(patch.statusCode, 200, patch.body);
  t.match(patch.json(), { title: 'Wijkcoach', phoneNumbers: [{ value: '+31107654321' }], [ENTERPRISE]: { department: 'Wijkteam Noord' }, meta: { version: 'W/"5"' } });
  t.match(await f.search('Wijkcoach'), [{ id: user.id, afdeling: 'Wijkteam Noord' }]);
  t.same(await f.search('Casusregisseur'), [], 'the old function is no longer found');

  const entry = (await app.inject({ url: `/api/v1/professionals/${user.id}`, headers: eva })).json();
  t.match(entry, { overMij: 'Ik help bij schulden met meerdere schuldeisers.', trefwoorden: ['budgetbeheer'], expertisegebieden: [{ code: 'schulden' }], geclaimd: true }, 'what the person wrote is kept');

  const parts = await f.asAmsterdam('PATCH', `/Users/${user.id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'replace', path: 'name.familyName', value: 'Jansen' }, { op: 'replace', path: 'name.givenName', value: 'Eva' }],
  });
  t.match(parts.json(), { displayName: 'Eva Jansen', meta: { version: 'W/"6"' } }, 'changing only the name parts renames the entry');
  const back = await f.asAmsterdam('PATCH', `/Users/${user.id}`, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', value: { displayName: 'Eva de Boer-Jansen' } }] });
  t.match(back.json(), { displayName: 'Eva de Boer-Jansen', meta: { version: 'W/"7"' } });

  const same = await f.asAmsterdam('PATCH', `/Users/${user.id}`, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'title', value: 'Wijkcoach' }] });
  t.match(same.json(), { meta: { version: 'W/"7"' } }, 'a PATCH that changes nothing writes nothing');

  // Deactivate (Entra ID sends the boolean as a string): not findable, and the person's roles are gone.
  const off = await f.asAmsterdam('PATCH', `/Users/${user.id}`, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] });
  t.equal(off.statusCode, 200, off.body);
  t.equal(off.json().active, false);
  t.same(await f.search('Wijkcoach'), [], 'a deactivated entry is not findable');
  t.same(await listRoles(f.testApp.database.db, null, { organisatie: 'gm0363' }), [], 'the role assignment is revoked');
  t.equal((await app.inject({ url: '/api/v1/mij', headers: await f.testApp.auth(evaPerson) })).json().rollen.length, 0);

  // Reactivate with a path-less replace.
  const on = await f.asAmsterdam('PATCH', `/Users/${user.id}`, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', value: { active: true } }] });
  t.equal(on.json().active, true);
  t.match(await f.search('Wijkcoach'), [{ id: user.id }], 'findable again');

  // The audit log names the SCIM client as actor.
  const audit = await f.testApp.database.sql<{ actie: string; actor_issuer: string; actor_subject: string; herkomst: string }[]>`
    SELECT actie, actor_issuer, actor_subject, herkomst FROM auditlog WHERE object_id IN (${user.id}, ${f.amsterdam.row.id}) OR actie LIKE 'rol.%' ORDER BY id`;
  const byClient = audit.filter((row) => row.actor_issuer === SCIM_ISSUER && row.actor_subject === f.amsterdam.row.id);
  t.same(
    byClient.map((row) => row.actie),
    ['professional.aangemaakt', 'professional.gewijzigd', 'professional.gewijzigd', 'professional.gewijzigd', 'professional.gewijzigd', 'professional.gewijzigd', 'rol.ingetrokken', 'professional.gewijzigd'],
  );
  t.ok(byClient.every((row) => row.herkomst.startsWith('scim:')));

  // Delete: gone from the database and from search.
  const deleted = await f.asAmsterdam('DELETE', `/Users/${user.id}`);
  t.equal(deleted.statusCode, 204);
  t.equal((await f.asAmsterdam('GET', `/Users/${user.id}`)).statusCode, 404);
  t.same(await f.search('Eva'), []);
  const [left] = await f.testApp.database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM professionals WHERE id = ${user.id}`;
  t.equal(left!.n, 0, 'erased from the database');
  const [erasure] = await f.testApp.database.sql<{ actor_subject: string }[]>`SELECT actor_subject FROM auditlog WHERE actie = 'professional.verwijderd' AND object_id = ${user.id}`;
  t.equal(erasure?.actor_subject, f.amsterdam.row.id);
});

t.test('an entry made before provisioning is adopted by its e-mail; list paging with startIndex and count', async (t) => {
  const f = await scimFixture(t);
  const coordinator = await f.testApp.auth({ sub: 'coord', organisatie: 'gm0363' });
  await grantRole(f.testApp.database.db, { issuer: DEV_ISSUER, subject: 'coord', rol: 'coordinator', organisatie: 'gm0363' }, { actor: null, herkomst: 'test' });
  const made = await f.testApp.app.inject({
    method: 'POST',
    url: '/api/v1/professionals',
    headers: coordinator,
    payload: { naam: 'Ali Yilmaz', functie: 'Klantmanager', rolniveau: 'specialist', expertisegebieden: ['participatiewet'], email: 'ali.yilmaz@amsterdam.nl' },
  });
  t.equal(made.statusCode, 201);
  const found = (await f.asAmsterdam('GET', `/Users?filter=${encodeURIComponent('userName eq "Ali.Yilmaz@amsterdam.nl"')}`)).json();
  t.match(found, { totalResults: 1, Resources: [{ id: made.json().id, userName: 'ali.yilmaz@amsterdam.nl', title: 'Klantmanager' }] });
  const put = await f.asAmsterdam('PUT', `/Users/${made.json().id}`, entraUser({ userName: 'AYilmaz@amsterdam.nl', emails: [{ type: 'work', value: 'ali.yilmaz@amsterdam.nl' }], displayName: 'Ali Yilmaz', title: undefined, phoneNumbers: undefined }));
  t.equal(put.statusCode, 200, put.body);
  t.match(put.json(), { userName: 'AYilmaz@amsterdam.nl', title: 'Klantmanager', emails: [{ value: 'ali.yilmaz@amsterdam.nl' }] }, 'a PUT without title keeps the function');
  t.match((await f.asAmsterdam('GET', `/Users?filter=${encodeURIComponent('userName eq "ayilmaz@amsterdam.nl"')}`)).json(), { totalResults: 1 });

  for (const n of [1, 2, 3]) {
    const r = await f.asAmsterdam('POST', '/Users', entraUser({ userName: `p${n}@amsterdam.nl`, emails: undefined, externalId: `x${n}`, displayName: `Persoon ${n}` }));
    t.equal(r.statusCode, 201, r.body);
  }
  const page = (await f.asAmsterdam('GET', '/Users?startIndex=2&count=2')).json();
  t.match(page, { totalResults: 4, startIndex: 2, itemsPerPage: 2 });
  t.same(page.Resources.map((u: { userName: string }) => u.userName), ['p1@amsterdam.nl', 'p2@amsterdam.nl']);
  t.match((await f.asAmsterdam('GET', '/Users?count=0')).json(), { totalResults: 4, itemsPerPage: 0, Resources: [] });
  t.match((await f.asAmsterdam('GET', `/Users?filter=${encodeURIComponent('externalId eq "x3"')}`)).json(), { totalResults: 1, Resources: [{ userName: 'p3@amsterdam.nl' }] });
  t.match((await f.asRotterdam('GET', '/Users')).json(), { totalResults: 0 }, 'another organisation sees none of them');
});
