import { generateKeyPairSync } from 'node:crypto';
import t, { type Test } from 'tap';
import { buildTestApp } from './helpers/app.js';
import { startIdentityProvider } from './helpers/identity-provider.js';

async function setup(t: Test, env: Record<string, string> = {}) {
  const idp = await startIdentityProvider(t);
  const trusted = [{ issuer: idp.issuer, jwksUrl: idp.jwksUrl, audience: 'maatwerkregister', organisaties: ['gm0363', 'gm0599'] }];
  const testApp = await buildTestApp(t, { TRUSTED_ISSUERS: JSON.stringify(trusted), ...env });
  const get = (token?: string) =>
    testApp.app.inject({ url: '/api/v1/mij', headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  return { ...testApp, idp, get };
}

t.test('a token from a trusted issuer, for an organisation it may vouch for, is accepted', async (t) => {
  const { idp, get } = await setup(t);
  const response = await get(idp.sign());
  t.equal(response.statusCode, 200);
  t.match(response.json(), { subject: 'medewerker-42', uitgever: idp.issuer, naam: 'Sanne de Vries', organisatie: { code: 'gm0363', naam: 'Amsterdam' } });
  await get(idp.sign({ sub: 'ander' }));
  t.equal(idp.jwksRequests, 1, 'the JWKS is fetched once and cached');
});

t.test('refused with 401 problem+json: no token, foreign issuer, wrong audience, expired, organisation not vouched for', async (t) => {
  const { idp, get } = await setup(t);
  const { privateKey: strangerKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cases: [string, string | undefined, RegExp][] = [
    ['no token', undefined, /Aanmelden is nodig/],
    ['not a JWT', 'abc.def', /onleesbaar/],
    ['issuer not on the list', idp.sign({}, { iss: 'https://kwaadwillend.example' }), /niet vertrouwd/],
    ['wrong audience', idp.sign({}, { aud: 'ander-systeem' }), /niet voor dit register bestemd/],
    ['expired', idp.sign({}, { expiresIn: -60_000 }), /verlopen/],
    ['organisation the issuer may not vouch for', idp.sign({ organisatie: 'zb000117' }), /mag niet instaan/],
    ['no organisation claim', idp.sign({ organisatie: undefined }), /noemt geen organisatie/],
    ['signed with another key', idp.sign({}, { key: strangerKey }), /handtekening|sleutel|ongeldig/],
  ];
  for (const [name, token, detail] of cases) {
    const response = await get(token);
    t.equal(response.statusCode, 401, name);
    t.match(response.headers['content-type'], /^application\/problem\+json/, `${name}: problem+json`);
    t.match(response.headers['www-authenticate'], /^Bearer/, `${name}: WWW-Authenticate`);
    t.match(response.json(), { status: 401, title: 'Niet aangemeld', detail }, `${name}: explained`);
  }
});

t.test('an organisation unknown to the register is refused; an inactive one is forbidden', async (t) => {
  const { auth, app } = await setup(t);
  const unknown = await app.inject({ url: '/api/v1/mij', headers: await auth({ organisatie: 'gm9999' }) });
  t.equal(unknown.statusCode, 401);
  t.match(unknown.json().detail, /niet bekend/);
  // The former ministry of EZK (actief=False in the register export) is kept, but inactive.
  const inactive = await app.inject({ url: '/api/v1/mij', headers: await auth({ organisatie: 'hv_41004458' }) });
  t.equal(inactive.statusCode, 403);
});

t.test('the development issuer works locally and does not exist in production', async (t) => {
  const local = await buildTestApp(t);
  t.equal((await local.app.inject({ url: '/api/v1/mij', headers: await local.auth() })).statusCode, 200);

  const production = await setup(t, { NODE_ENV: 'production' });
  const devToken = await local.token();
  const refused = await production.get(devToken);
  t.equal(refused.statusCode, 401);
  t.match(refused.json().detail, /niet vertrouwd/);
});
