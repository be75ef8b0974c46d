import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout } from 'node:timers/promises';
import t, { type Test } from 'tap';
import { buildIssuerRegistry, IssuerKeysUnavailable, UnknownSigningKey } from '../src/auth/issuer-registry.js';
import { trustedIssuerSchema } from '../src/config.js';
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
    // Without `aud` the token could have been meant for any relying party of the same issuer (issue 16, F1).
    ['no audience', idp.sign({ aud: undefined }), /verplicht gegeven|niet voor dit register bestemd/],
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

/** A port where nothing listens: connecting is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

t.test('every key fetch gets its own deadline, also long after start-up', async (t) => {
  const idp = await startIdentityProvider(t);
  const registry = buildIssuerRegistry([trustedIssuerSchema.parse({ issuer: idp.issuer, jwksUrl: idp.jwksUrl, audience: 'maatwerkregister', organisaties: ['*'] })], undefined, { jwksTimeoutMs: 300 });
  // Past the deadline counted from start-up: a deadline fixed at start-up would abort this first fetch.
  await setTimeout(600);
  t.match(await registry.get(idp.issuer)!.keyFor({ kid: 'sleutel-1', alg: 'RS256' }), /BEGIN PUBLIC KEY/, 'the key is fetched');
  await t.rejects(registry.get(idp.issuer)!.keyFor({ kid: 'onbekend', alg: 'RS256' }), UnknownSigningKey, 'a kid the issuer does not publish is the token’s fault');

  // A key set that never answers is given up on after the deadline, instead of holding the request.
  const silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.teardown(() => {
    silent.closeAllConnections();
    return new Promise((resolve) => silent.close(resolve));
  });
  const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/jwks`;
  const hanging = buildIssuerRegistry([trustedIssuerSchema.parse({ issuer: 'https://traag.example', jwksUrl: silentUrl, audience: 'maatwerkregister', organisaties: ['*'] })], undefined, { jwksTimeoutMs: 300 });
  await t.rejects(hanging.get('https://traag.example')!.keyFor({ kid: 'sleutel-1', alg: 'RS256' }), IssuerKeysUnavailable, 'a silent key set is reported unavailable');
});

t.test('an unreachable identity provider is a 503, and does not sign anyone out', async (t) => {
  const idp = await startIdentityProvider(t);
  const trusted = [{ issuer: idp.issuer, jwksUrl: `http://127.0.0.1:${await closedPort()}/.well-known/jwks.json`, audience: 'maatwerkregister', organisaties: ['gm0363'] }];
  const { app } = await buildTestApp(t, { TRUSTED_ISSUERS: JSON.stringify(trusted) });
  const token = idp.sign();

  const api = await app.inject({ url: '/api/v1/mij', headers: { authorization: `Bearer ${token}` } });
  t.equal(api.statusCode, 503, 'the API answers 503');
  t.match(api.headers['content-type'], /^application\/problem\+json/);
  t.equal(api.headers['retry-after'], '60', 'with Retry-After');
  t.match(api.json(), { status: 503, detail: /niet bereikbaar/ }, 'explained in Dutch');

  const page = await app.inject({ url: '/', headers: { accept: 'text/html', cookie: `maatwerk_sessie=${token}` } });
  t.equal(page.statusCode, 503, 'the page answers 503');
  t.match(page.headers['content-type'], /^text\/html/, 'as a page');
  t.match(page.body, /Tijdelijk niet beschikbaar/);
  t.notMatch(String(page.headers['set-cookie'] ?? ''), /maatwerk_sessie=;/, 'the session cookie is kept');
});
