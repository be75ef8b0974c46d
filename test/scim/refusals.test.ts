import t from 'tap';
import { revokeToken } from '../../src/scim/tokens.js';
import { entraUser, scimFixture } from './fixture.js';

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

t.test('SCIM refusals: tokens, other organisations, invalid values, duplicates, filters, syntax, versions', async (t) => {
  const f = await scimFixture(t);
  const created = await f.asAmsterdam('POST', '/Users', entraUser());
  t.equal(created.statusCode, 201);
  const { id } = created.json();

  t.test('no, unknown or revoked token: 401 with a SCIM error body', async (t) => {
    const none = await f.testApp.app.inject({ url: '/scim/v2/Users' });
    t.equal(none.statusCode, 401);
    t.match(none.headers['content-type'], /^application\/scim\+json/);
    t.match(none.headers['www-authenticate'], /^Bearer/);
    t.match(none.json(), { schemas: [ERROR], status: '401', detail: /SCIM-token/ });
    t.equal((await f.scim('mwr_scim_verzonnen')('GET', '/Users')).statusCode, 401);
    // A user's JWT is not a SCIM token.
    const jwt = await f.testApp.token({ sub: 'iemand', organisatie: 'gm0363' });
    t.equal((await f.scim(jwt)('GET', '/Users')).statusCode, 401);

    await revokeToken(f.testApp.database.db, f.rotterdam.row.id, { actor: null, herkomst: 'test' });
    const revoked = await f.asRotterdam('GET', '/Users');
    t.equal(revoked.statusCode, 401, 'a revoked token is refused on its next request');
    t.match(revoked.json(), { status: '401', detail: /ingetrokken/ });
  });

  t.test("another organisation's token: 404 for every operation, and nothing changes", async (t) => {
    const { createToken } = await import('../../src/scim/tokens.js');
    const utrecht = f.scim((await createToken(f.testApp.database.db, 'gm0344', null, { actor: null, herkomst: 'test' })).token);
    for (const [method, body] of [['GET'], ['PUT', entraUser({ title: 'Gekaapt' })], ['PATCH', { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] }], ['DELETE']] as const) {
      const response = await utrecht(method, `/Users/${id}`, body);
      t.equal(response.statusCode, 404, `${method} is 404`);
      t.match(response.json(), { schemas: [ERROR], status: '404' });
    }
    t.match((await utrecht('GET', `/Users?filter=${encodeURIComponent('userName eq "eva.deboer@amsterdam.nl"')}`)).json(), { totalResults: 0 });
    t.match((await f.asAmsterdam('GET', `/Users/${id}`)).json(), { title: 'Schuldhulpverlener', active: true, meta: { version: 'W/"1"' } });
  });

  t.test('invalid values: 400 invalidValue naming the attribute', async (t) => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['userName missing', { userName: undefined }, /userName/],
      ['private e-mail', { emails: [{ type: 'work', value: 'eva@gmail.com' }] }, /emails\[type eq "work"\]\.value/],
      ['not an e-mail', { userName: 'eva', emails: undefined }, /userName/],
      ['bad phone', { phoneNumbers: [{ type: 'work', value: 'bel me' }] }, /phoneNumbers\[type eq "work"\]\.value/],
      ['name too short', { displayName: 'E', name: undefined }, /displayName/],
      ['no name', { displayName: undefined, name: undefined }, /displayName/],
      ['active not a boolean', { active: 'misschien' }, /active/],
      ['title not text', { title: 42 }, /title/],
      ['department too long', { 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'x'.repeat(101) } }, /department/],
    ];
    for (const [name, overrides, attribute] of cases) {
      const response = await f.asAmsterdam('POST', '/Users', entraUser({ userName: 'nieuw@amsterdam.nl', emails: undefined, ...overrides }));
      t.equal(response.statusCode, 400, name);
      t.match(response.json(), { schemas: [ERROR], status: '400', scimType: 'invalidValue', detail: attribute }, name);
    }
    // Shapes a careless client might send: refused as invalid, never a server error.
    const odd: [string, unknown][] = [
      ['POST', [1, 2]],
      ['POST', 'tekst'],
      ['POST', entraUser({ userName: 'x@amsterdam.nl', emails: 'x@amsterdam.nl' })],
      ['POST', entraUser({ userName: 42 })],
      ['POST', entraUser({ userName: 'y@amsterdam.nl', emails: undefined, displayName: { voornaam: 'Eva' } })],
      ['PATCH', { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'emails', value: 'geen lijst' }] }],
      ['PATCH', { schemas: [PATCH_OP], Operations: [{ op: 'add', value: 'geen object' }] }],
      ['PATCH', { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'name' }, { op: 'replace', path: 'displayName', value: null }] }],
      ['PATCH', { schemas: ['verkeerd'], Operations: [{ op: 'replace', path: 'title', value: 'x' }] }],
      ['PUT', { userName: 'z@amsterdam.nl' }],
    ];
    for (const [method, body] of odd) {
      const response = await f.asAmsterdam(method as 'POST', method === 'POST' ? '/Users' : `/Users/${id}`, body);
      t.equal(response.statusCode, 400, `${method} ${JSON.stringify(body).slice(0, 80)}`);
      t.match(response.json(), { schemas: [ERROR], status: '400', scimType: /^invalid/ });
    }
    const nul = await f.asAmsterdam('POST', '/Users', entraUser({ userName: 'nul@amsterdam.nl', emails: undefined, displayName: 'Eva\u0000' }));
    t.match(nul.json(), { status: '400', scimType: 'invalidValue', detail: /displayName/ }, 'unstorable text is refused as for the API');
  });

  t.test('duplicates: 409 uniqueness, on userName and on the work e-mail', async (t) => {
    const again = await f.asAmsterdam('POST', '/Users', entraUser());
    t.equal(again.statusCode, 409);
    t.match(again.json(), { schemas: [ERROR], status: '409', scimType: 'uniqueness' });
    const sameUserName = await f.asAmsterdam('POST', '/Users', entraUser({ emails: [{ type: 'work', value: 'ander@amsterdam.nl' }] }));
    t.match(sameUserName.json(), { status: '409', scimType: 'uniqueness', detail: /userName/ });
    const sameEmail = await f.asAmsterdam('POST', '/Users', entraUser({ userName: 'EBoer@amsterdam.nl' }));
    t.match(sameEmail.json(), { status: '409', scimType: 'uniqueness', detail: /emails/ });
    const other = (await f.asAmsterdam('POST', '/Users', entraUser({ userName: 'jan@amsterdam.nl', emails: undefined }))).json();
    const renamed = await f.asAmsterdam('PATCH', `/Users/${other.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'userName', value: 'EVA.DEBOER@amsterdam.nl' }] });
    t.match(renamed.json(), { status: '409', scimType: 'uniqueness' }, 'userNames are unique case-insensitively');
  });

  t.test('filters: unsupported and malformed ones are 400 invalidFilter', async (t) => {
    for (const filter of ['userName co "eva"', 'displayName eq "Eva de Boer"', 'userName eq', 'userName eq "a" or userName eq "b"', '(((']) {
      const response = await f.asAmsterdam('GET', `/Users?filter=${encodeURIComponent(filter)}`);
      t.equal(response.statusCode, 400, filter);
      t.match(response.json(), { status: '400', scimType: 'invalidFilter' }, filter);
    }
    t.match((await f.asAmsterdam('GET', `/Users?filter=${encodeURIComponent('emails[value eq "eva.deboer@amsterdam.nl"]')}`)).json(), { totalResults: 1 });
    t.match((await f.asAmsterdam('GET', `/Users?filter=${encodeURIComponent('userName eq "eva.deboer@amsterdam.nl" and externalId eq "ander"')}`)).json(), { totalResults: 0 });
    t.match((await f.asAmsterdam('GET', '/Users?count=veel')).json(), { status: '400', scimType: 'invalidValue' });
  });

  t.test('syntax, mutability, patch paths and versions', async (t) => {
    const badJson = await f.testApp.app.inject({ method: 'POST', url: '/scim/v2/Users', headers: { authorization: `Bearer ${f.amsterdam.token}`, 'content-type': 'application/scim+json' }, payload: '{"userName":' });
    t.equal(badJson.statusCode, 400);
    t.match(badJson.json(), { status: '400', scimType: 'invalidSyntax' });
    const plainJson = await f.testApp.app.inject({ method: 'GET', url: `/scim/v2/Users/${id}`, headers: { authorization: `Bearer ${f.amsterdam.token}`, accept: 'application/json' } });
    t.equal(plainJson.statusCode, 200);

    const readOnly = await f.asAmsterdam('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'id', value: 'x' }] });
    t.match(readOnly.json(), { status: '400', scimType: 'mutability' });
    const noOps = await f.asAmsterdam('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [] });
    t.match(noOps.json(), { status: '400', scimType: 'invalidValue', detail: /Operations/ });
    const badOp = await f.asAmsterdam('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'move', path: 'title', value: 'x' }] });
    t.match(badOp.json(), { status: '400', detail: /op/ });
    const badPath = await f.asAmsterdam('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'emails[type eq', value: 'x' }] });
    t.match(badPath.json(), { status: '400', scimType: 'invalidPath' });
    const removeNoPath = await f.asAmsterdam('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove' }] });
    t.match(removeNoPath.json(), { status: '400', scimType: 'noTarget' });
    const invalidViaPatch = await f.asAmsterdam('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'eva@hotmail.com' }] });
    t.match(invalidViaPatch.json(), { status: '400', scimType: 'invalidValue', detail: /emails/ });
    const removePhone = await f.asAmsterdam('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'phoneNumbers[type eq "work"]' }] });
    t.equal(removePhone.statusCode, 200);
    t.notOk('phoneNumbers' in removePhone.json(), 'remove clears the work phone');

    const stale = await f.asAmsterdam('PUT', `/Users/${id}`, entraUser({ title: 'Oud' }), { 'if-match': 'W/"1"' });
    t.equal(stale.statusCode, 412, 'a stale If-Match is refused');
    t.match(stale.json(), { schemas: [ERROR], status: '412' });
    const current = await f.asAmsterdam('PUT', `/Users/${id}`, entraUser({ title: 'Nieuw' }), { 'if-match': 'W/"2"' });
    t.equal(current.statusCode, 200);
    const notModified = await f.asAmsterdam('GET', `/Users/${id}`, undefined, { 'if-none-match': 'W/"3"' });
    t.equal(notModified.statusCode, 304);

    t.equal((await f.asAmsterdam('GET', '/Users/geen-uuid')).statusCode, 404);
    const unknownRoute = await f.asAmsterdam('GET', '/Groups');
    t.equal(unknownRoute.statusCode, 404);
    t.match(unknownRoute.json(), { schemas: [ERROR], status: '404' });
  });

  t.test('discovery: ServiceProviderConfig, Schemas and ResourceTypes', async (t) => {
    const config = await f.testApp.app.inject({ url: '/scim/v2/ServiceProviderConfig' });
    t.equal(config.statusCode, 200);
    t.match(config.json(), { patch: { supported: true }, filter: { supported: true, maxResults: 200 }, bulk: { supported: false }, etag: { supported: true }, authenticationSchemes: [{ type: 'oauthbearertoken' }] });
    const schemas = (await f.testApp.app.inject({ url: '/scim/v2/Schemas' })).json();
    t.same(schemas.Resources.map((s: { id: string }) => s.id), ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']);
    t.equal((await f.testApp.app.inject({ url: '/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User' })).statusCode, 200);
    t.match((await f.testApp.app.inject({ url: '/scim/v2/ResourceTypes' })).json(), { totalResults: 1, Resources: [{ id: 'User', endpoint: '/Users' }] });
    t.equal((await f.testApp.app.inject({ url: '/scim/v2/ResourceTypes/Group' })).statusCode, 404);
  });
});

t.test('the SCIM endpoint is rate limited like the API, answering a SCIM error with Retry-After', async (t) => {
  const { buildTestApp } = await import('../helpers/app.js');
  const testApp = await buildTestApp(t, { RATE_LIMIT_MAX: '3' });
  const responses = [];
  for (let i = 0; i < 5; i++) responses.push(await testApp.app.inject({ url: '/scim/v2/Users', headers: { authorization: 'Bearer mwr_scim_x' } }));
  t.same(responses.map((r) => r.statusCode), [401, 401, 401, 429, 429]);
  const last = responses.at(-1)!;
  t.match(last.json(), { schemas: [ERROR], status: '429' });
  t.ok(Number(last.headers['retry-after']) >= 1);
});
