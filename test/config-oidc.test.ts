import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { signInShortfall } from '../src/auth/sign-in-level.js';
import { loadConfig } from '../src/config.js';

/** The NLGov sign-in settings (issue 17, point 5): how the client key is read and checked, and the level rule. */

const issuer = 'https://idp.gemeente.example';
const base = {
  TRUSTED_ISSUERS: JSON.stringify([{ issuer, jwksUrl: `${issuer}/jwks`, audience: 'maatwerkregister', organisaties: ['gm0344'] }]),
  OIDC_ISSUER_URL: issuer,
  OIDC_CLIENT_ID: 'maatwerkregister',
};
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const pem = rsa.export({ type: 'pkcs8', format: 'pem' }) as string;

t.test('client authentication: private_key_jwt from a PEM, a JWK or a file; a secret; none', async (t) => {
  const fromPem = loadConfig({ ...base, OIDC_PRIVATE_KEY: pem, OIDC_PRIVATE_KEY_ID: 'k1' }).oidc!;
  t.match(fromPem.clientAuthentication, { method: 'private_key_jwt', privateKey: { alg: 'RS256', kid: 'k1', pkcs8: /BEGIN PRIVATE KEY/ } });
  const pkcs1 = rsa.export({ type: 'pkcs1', format: 'pem' }) as string;
  t.match(loadConfig({ ...base, OIDC_PRIVATE_KEY: pkcs1.replace(/\n/g, '\\n'), OIDC_PRIVATE_KEY_ID: 'k1', OIDC_PRIVATE_KEY_ALG: 'PS256' }).oidc!.clientAuthentication, { privateKey: { alg: 'PS256' } }, 'PKCS#1 with escaped newlines, as in an env file');
  const jwk = JSON.stringify({ ...rsa.export({ format: 'jwk' }), kid: 'uit-jwk', alg: 'PS256' });
  t.match(loadConfig({ ...base, OIDC_PRIVATE_KEY: jwk }).oidc!.clientAuthentication, { privateKey: { kid: 'uit-jwk', alg: 'PS256' } }, 'kid and alg from the JWK');
  const folder = mkdtempSync(path.join(tmpdir(), 'oidc-sleutel-'));
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  writeFileSync(path.join(folder, 'client.pem'), ec.export({ type: 'pkcs8', format: 'pem' }));
  t.match(loadConfig({ ...base, OIDC_PRIVATE_KEY: path.join(folder, 'client.pem'), OIDC_PRIVATE_KEY_ID: 'ec1' }).oidc!.clientAuthentication, { privateKey: { alg: 'ES256', kid: 'ec1' } }, 'an EC key from a file: ES256');
  t.same(loadConfig({ ...base, OIDC_CLIENT_SECRET: 'geheim' }).oidc!.clientAuthentication, { method: 'client_secret_basic', secret: 'geheim' }, 'a secret alone: client_secret_basic');
  t.same(loadConfig({ ...base, OIDC_CLIENT_SECRET: 'geheim', OIDC_CLIENT_AUTH: 'client_secret_post' }).oidc!.clientAuthentication.method, 'client_secret_post');
  t.same(loadConfig(base).oidc!.clientAuthentication, { method: 'none' }, 'neither: a public client (PKCE only)');
});

t.test('a key that cannot be used is refused at start-up, by name, without its material', async (t) => {
  t.throws(() => loadConfig({ ...base, OIDC_PRIVATE_KEY: pem }), /OIDC_PRIVATE_KEY_ID: required with a PEM key/);
  t.throws(() => loadConfig({ ...base, OIDC_PRIVATE_KEY: '/geen/sleutel.pem', OIDC_PRIVATE_KEY_ID: 'k' }), /OIDC_PRIVATE_KEY: not a PEM key or a JWK, and no file/);
  const error = t.throws(() => loadConfig({ ...base, OIDC_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', OIDC_PRIVATE_KEY_ID: 'k' })) as Error;
  t.match(error.message, /OIDC_PRIVATE_KEY: not a usable private key/);
  const publicJwk = JSON.stringify({ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }), kid: 'pub' });
  t.throws(() => loadConfig({ ...base, OIDC_PRIVATE_KEY: publicJwk }), /the JWK is a public key/);
  t.throws(() => loadConfig({ ...base, OIDC_PRIVATE_KEY: pem, OIDC_PRIVATE_KEY_ID: 'k', OIDC_PRIVATE_KEY_ALG: 'ES256' }), /ES256 does not fit a rsa key/);
  const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  t.throws(() => loadConfig({ ...base, OIDC_PRIVATE_KEY: small, OIDC_PRIVATE_KEY_ID: 'k' }), /at least 2048 bits/);
  t.throws(() => loadConfig({ ...base, OIDC_CLIENT_AUTH: 'private_key_jwt' }), /OIDC_PRIVATE_KEY: required with OIDC_CLIENT_AUTH=private_key_jwt/);
  t.throws(() => loadConfig({ ...base, OIDC_CLIENT_AUTH: 'client_secret_basic' }), /OIDC_CLIENT_SECRET: required/);
});

t.test('acr and amr requirements: read as lists; the rule', async (t) => {
  const oidc = loadConfig({ ...base, OIDC_ACR_VALUES: 'urn:a:substantieel  urn:a:hoog', OIDC_AMR_VALUES: 'mfa,otp' }).oidc!;
  t.same(oidc.acrValues, ['urn:a:substantieel', 'urn:a:hoog']);
  t.same(oidc.amrValues, ['mfa', 'otp']);
  t.same(loadConfig(base).oidc!.acrValues, [], 'none required by default');

  const required = { acrValues: oidc.acrValues, amrValues: oidc.amrValues };
  t.equal(signInShortfall({ acr: 'urn:a:hoog', amr: ['pwd', 'otp'] }, required), null, 'an accepted level and one of the methods');
  t.match(signInShortfall({ acr: 'urn:a:laag', amr: ['mfa'] }, required), { kind: 'acr', got: 'urn:a:laag' }, 'a level not listed');
  t.match(signInShortfall({ amr: ['mfa'] }, required), { kind: 'acr', got: null }, 'no acr at all');
  t.match(signInShortfall({ acr: 'urn:a:hoog', amr: ['pwd'] }, required), { kind: 'amr', got: ['pwd'] }, 'no second factor');
  t.match(signInShortfall({ acr: 'urn:a:hoog', amr: 'mfa' }, required), { kind: 'amr' }, 'amr must be an array');
  t.equal(signInShortfall({}, { acrValues: [], amrValues: [] }), null, 'nothing required: anything goes');
});
