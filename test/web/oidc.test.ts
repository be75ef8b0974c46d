import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import t from 'tap';
import { buildTestApp } from '../helpers/app.js';
import { baseUrl, launch, newContext } from './browser.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Sign-in with OpenID Connect (authorization code flow with PKCE) against a real OpenID provider running inside
 * the test: the certified `oidc-provider`, with its development login screens, vouching for Utrecht (gm0344).
 */
t.test('OpenID Connect sign-in: code flow with PKCE, the ID token becomes the session', { timeout: 120_000 }, async (t) => {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const trusted = [{ issuer, jwksUrl: `${issuer}/jwks`, audience: 'maatwerkregister', organisaties: ['gm0344'], naamClaim: 'name' }];
  const testApp = await buildTestApp(t, {
    DEV_LOGIN: 'false',
    TRUSTED_ISSUERS: JSON.stringify(trusted),
    OIDC_ISSUER_URL: issuer,
    OIDC_CLIENT_ID: 'maatwerkregister',
    OIDC_CLIENT_SECRET: 'geheim-voor-de-test',
    PUBLIC_URL: 'http://127.0.0.1:1', // replaced below, once the app listens
  });
  const { app } = testApp;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = baseUrl(app.server.address());
  app.config.oidc!.redirectUri = `${base}/inloggen/terug`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'maatwerkregister', client_secret: 'geheim-voor-de-test', redirect_uris: [`${base}/inloggen/terug`], grant_types: ['authorization_code'], response_types: ['code'] }],
    pkce: { required: () => true },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'sleutel', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['testsleutel'] },
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], profile: ['name', 'organisatie'], email: ['email'] },
    findAccount: async (_ctx: unknown, id: string) => ({ accountId: id, claims: async () => ({ sub: id, name: 'Olga van OIDC', email: 'olga@utrecht.nl', organisatie: 'gm0344' }) }),
    features: { devInteractions: { enabled: true } },
  });
  const providerServer = createServer((request, response) => void provider.callback()(request, response));
  await new Promise<void>((resolve) => providerServer.listen(port, '127.0.0.1', resolve));
  t.teardown(() => new Promise((resolve) => providerServer.close(resolve)));

  const browser = await launch(t);
  const context = await newContext(browser);
  const page = await context.newPage();
  const authorizationRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${issuer}/auth`)) authorizationRequests.push(request.url());
  });
  await page.goto(`${base}/`);
  t.match(page.url(), /\/inloggen\?terug=%2F/, 'signed out: sent to the sign-in page');
  t.equal(await page.$('#sub'), null, 'no development sign-in');
  await page.click('a:has-text("Inloggen via je organisatie")');
  await page.waitForURL(new RegExp(`^${issuer}`));
  const authorization = new URL(authorizationRequests[0] ?? 'http://x');
  t.equal(authorization.searchParams.get('response_type'), 'code', 'authorization code flow');
  t.equal(authorization.searchParams.get('code_challenge_method'), 'S256', 'with PKCE');
  t.match(authorization.searchParams.get('code_challenge'), /^[\w-]{43}$/);
  t.ok(authorization.searchParams.get('state') && authorization.searchParams.get('nonce'), 'state and nonce');
  await page.fill('input[name="login"]', 'olga');
  await page.fill('input[name="password"]', 'wat-dan-ook');
  await page.click('button:has-text("Sign-in")');
  // The provider asks for consent once. Wait for that screen or for the way back, whichever comes (generously: the
  // CI box is busy), and click "Continue" exactly once — a second click would post a finished interaction again.
  const home = `${base}/`;
  const backAtRegister = (url: URL) => url.href.startsWith(home);
  const consent = page.locator('button:has-text("Continue")');
  await Promise.race([consent.waitFor({ timeout: 60_000 }), page.waitForURL(backAtRegister, { timeout: 60_000 })]);
  if (!backAtRegister(new URL(page.url()))) await Promise.all([page.waitForURL(backAtRegister, { timeout: 60_000 }), consent.click()]);
  await page.waitForURL(home, { timeout: 30_000 }).catch(() => undefined);
  // On failure, say where the browser ended and what the page said (e.g. the Dutch sign-in error).
  const ended = page.url();
  const said = ended === home ? '' : ` — ended at ${ended}: ${(await page.textContent('body').catch(() => ''))?.replace(/\s+/g, ' ').slice(0, 400)}`;
  t.equal(ended, home, `back at the register's home page${said}`);
  t.match(await page.textContent('header'), /Uitloggen \(Olga van OIDC\)/, 'signed in with the name from the ID token');

  const cookies = await context.cookies(base);
  const session = cookies.find((c) => c.name === 'maatwerk_sessie');
  t.ok(session?.httpOnly, 'the session cookie is httpOnly');
  t.equal(session?.sameSite, 'Lax');
  const claims = JSON.parse(Buffer.from(session!.value.split('.')[1]!, 'base64url').toString());
  t.match(claims, { iss: issuer, aud: 'maatwerkregister', sub: 'olga', organisatie: 'gm0344' }, 'the session is the verified ID token');

  const mij = await app.inject({ url: '/api/v1/mij', headers: { authorization: `Bearer ${session!.value}` } });
  t.match(mij.json(), { subject: 'olga', organisatie: { code: 'gm0344' } }, 'the same token passes the API’s trusted-issuer checks');

  // A callback with a forged state is refused.
  const forged = await page.goto(`${base}/inloggen/terug?code=abc&state=vervalst`);
  t.equal(forged?.status(), 400);
  await context.close();
});
