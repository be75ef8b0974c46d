import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { ConfigError, loadConfig } from '../src/config.js';

const issuer = { issuer: 'https://idp.example.nl', jwksUrl: 'https://idp.example.nl/jwks', audience: 'maatwerkregister', organisaties: ['gm0363'] };

t.test('defaults make a working development configuration', async (t) => {
  const config = loadConfig({});
  t.equal(config.port, 3000);
  t.equal(config.host, '127.0.0.1');
  t.equal(config.env, 'development');
  t.equal(config.databaseUrl, undefined, 'no DATABASE_URL: the embedded database is used');
  t.ok(config.devLogin, 'development issuer on outside production');
  t.match(config.dataDir, /\.data$/);
  t.same(config.trustedIssuers, []);
});

t.test('an invalid value stops start-up with a message naming the variable', async (t) => {
  for (const [name, value] of [
    ['PORT', 'abc'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://x'],
    ['RATE_LIMIT_MAX', '0'],
  ] as const) {
    const error = t.throws(() => loadConfig({ [name]: value })) as unknown as ConfigError;
    t.ok(error instanceof ConfigError, `${name} rejected`);
    t.match(error.message, new RegExp(`${name}: `), `message names ${name}`);
  }
});

t.test('TRUSTED_ISSUERS is read from JSON or from a file, and validated', async (t) => {
  t.equal(loadConfig({ TRUSTED_ISSUERS: JSON.stringify([issuer]) }).trustedIssuers[0]?.organisatieClaim, 'organisatie', 'claim defaults');
  const dir = mkdtempSync(path.join(tmpdir(), 'mr-config-'));
  const file = path.join(dir, 'issuers.json');
  writeFileSync(file, JSON.stringify([issuer]));
  t.equal(loadConfig({ TRUSTED_ISSUERS: file }).trustedIssuers[0]?.issuer, issuer.issuer);

  t.throws(() => loadConfig({ TRUSTED_ISSUERS: '/does/not/exist.json' }), /TRUSTED_ISSUERS: not JSON, and no file/);
  t.throws(() => loadConfig({ TRUSTED_ISSUERS: '[{' }), /TRUSTED_ISSUERS: not valid JSON/);
  t.throws(() => loadConfig({ TRUSTED_ISSUERS: JSON.stringify([{ ...issuer, audience: undefined }]) }), /TRUSTED_ISSUERS\[0\.audience\]/);
  t.throws(() => loadConfig({ TRUSTED_ISSUERS: JSON.stringify([{ ...issuer, organisaties: [] }]) }), /TRUSTED_ISSUERS\[0\.organisaties\]/);
  t.throws(() => loadConfig({ TRUSTED_ISSUERS: JSON.stringify([issuer, issuer]) }), /listed twice/);
  t.throws(() => loadConfig({ TRUSTED_ISSUERS: JSON.stringify([{ ...issuer, extra: 1 }]) }), /TRUSTED_ISSUERS/, 'unknown keys refused');
});

t.test('production: no development issuer, and an external database is required', async (t) => {
  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/register' };
  t.equal(loadConfig(production).devLogin, false);
  t.equal(loadConfig(production).host, '0.0.0.0');
  t.throws(() => loadConfig({ ...production, DEV_LOGIN: 'true' }), /DEV_LOGIN: the development sign-in cannot be enabled/);
  t.throws(() => loadConfig({ NODE_ENV: 'production' }), /DATABASE_URL: required when NODE_ENV=production/);
});
