import type { Page } from 'playwright-core';
import t from 'tap';
import { buildTestApp } from '../helpers/app.js';
import { clientKeyPair, freePort, LOA, startOidcProvider } from '../helpers/oidc-provider.js';
import { baseUrl, expectAccessible, launch, newContext } from './browser.js';
import { screenshot } from '../helpers/screenshot.js';

/**
 * Issue 17, point 5: the OpenID Connect sign-in after Logius' NLGov profile, in Chromium against a real
 * `oidc-provider`. The register authenticates to the token endpoint with `private_key_jwt` (its private key from
 * configuration, with a `kid`), asks for the configured `acr_values`, and refuses a sign-in below that level or
 * without a second factor (BIO 5.17) with a Dutch page and no session. (The client-secret sign-in is
 * `test/web/oidc.test.ts`.)
 */

const SESSION = 'maatwerk_sessie';

t.test('NLGov sign-in: private_key_jwt, acr and amr required', { timeout: 110_000 }, async (t) => {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const keys = clientKeyPair('register-2026-12');
  const testApp = await buildTestApp(t, {
    DEV_LOGIN: 'false',
    TRUSTED_ISSUERS: JSON.stringify([{ issuer, jwksUrl: `${issuer}/jwks`, audience: 'maatwerkregister', organisaties: ['gm0344'], naamClaim: 'name' }]),
    OIDC_ISSUER_URL: issuer,
    OIDC_CLIENT_ID: 'maatwerkregister',
    OIDC_PRIVATE_KEY: keys.privateKeyPem,
    OIDC_PRIVATE_KEY_ID: keys.kid,
    OIDC_ACR_VALUES: `${LOA.substantieel} ${LOA.hoog}`,
    OIDC_AMR_VALUES: 'mfa',
  });
  const { app } = testApp;
  t.equal(app.config.oidc?.clientAuthentication.method, 'private_key_jwt', 'a private key configured: private_key_jwt');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = baseUrl(app.server.address());
  app.config.oidc!.redirectUri = `${base}/inloggen/terug`;
  const idp = await startOidcProvider(
    t,
    [
      {
        client_id: 'maatwerkregister',
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'RS256',
        jwks: keys.jwks,
        redirect_uris: [`${base}/inloggen/terug`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    port,
  );
  const browser = await launch(t);

  /** Through the register's sign-in page to the provider's login screen, and back. */
  async function signInAt(page: Page, options: { niveau: keyof typeof LOA; tweedeStap: boolean; from?: 'start' | 'here' }) {
    if (options.from !== 'here') {
      await page.goto(`${base}/inloggen?terug=%2F`);
      await page.click('a:has-text("Inloggen via je organisatie")');
    }
    await page.waitForURL(new RegExp(`^${issuer}/interactie/`), { timeout: 30_000 });
    await page.fill('#login', 'olga');
    await page.check(`#niveau-${options.niveau}`);
    if (options.tweedeStap) await page.check('#tweedeStap');
    await Promise.all([page.waitForURL((url) => url.href.startsWith(base), { timeout: 30_000 }), page.click('button:has-text("Inloggen")')]);
    await page.waitForLoadState('load');
  }
  const sessionOf = async (page: Page) => (await page.context().cookies(base)).find((c) => c.name === SESSION);

  t.test('a sign-in at the required level with a second factor: signed in, the client authenticated by private_key_jwt', async (t) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const authorizations: URL[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${issuer}/auth`)) authorizations.push(new URL(request.url()));
    });
    await signInAt(page, { niveau: 'substantieel', tweedeStap: true });
    t.equal(page.url(), `${base}/`, `back at the home page (${(await page.textContent('main'))?.replace(/\s+/g, ' ').slice(0, 200)})`);
    t.match(await page.textContent('header'), /Uitloggen \(Olga van OIDC\)/, 'signed in');
    const authorization = authorizations[0]!;
    t.equal(authorization.searchParams.get('acr_values'), `${LOA.substantieel} ${LOA.hoog}`, 'the required levels are asked for');
    t.equal(authorization.searchParams.get('code_challenge_method'), 'S256', 'PKCE');
    t.ok(authorization.searchParams.get('state') && authorization.searchParams.get('nonce'), 'state and nonce');

    const token = idp.tokenRequests.at(-1)!;
    t.equal(token.authorization, undefined, 'no client secret in an Authorization header');
    t.equal(token.body.get('client_assertion_type'), 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', 'a signed client assertion');
    t.notOk(token.body.has('client_secret'));
    const [header, payload] = token.body.get('client_assertion')!.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    t.match(header, { alg: 'RS256', kid: 'register-2026-12' }, 'signed with the configured key, named by its kid');
    t.match(payload, { iss: 'maatwerkregister', sub: 'maatwerkregister', jti: String }, 'the assertion names the client');

    const session = await sessionOf(page);
    const claims = JSON.parse(Buffer.from(session!.value.split('.')[1]!, 'base64url').toString());
    t.match(claims, { acr: LOA.substantieel, amr: ['pwd', 'otp', 'mfa'], organisatie: 'gm0344' }, 'the session is the ID token, at the level asked');
    await context.close();
  });

  t.test('a sign-in below the required level: a Dutch refusal, no session; signing in again at the level works', async (t) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAt(page, { niveau: 'laag', tweedeStap: true });
    t.match(page.url(), `${base}/inloggen/terug`, 'stays on the way back');
    t.match(await page.textContent('h1'), 'Je inlogmethode is niet sterk genoeg');
    t.match(await page.textContent('[role="alert"]'), /betrouwbaarheidsniveau eIDAS laag.*minstens eIDAS substantieel of eIDAS hoog/s, 'says what came and what is asked');
    t.equal(await sessionOf(page), undefined, 'no session cookie');
    await expectAccessible(t, page, 'the refusal page');
    await screenshot(page, 'inloggen-niveau-te-laag.png', { fullPage: true });
    const other = await context.newPage();
    await other.goto(`${base}/`);
    t.match(other.url(), /\/inloggen\?terug=/, 'not signed in');
    await other.close();

    const again = page.waitForRequest((request) => request.url().startsWith(`${issuer}/auth`));
    await page.click('a:has-text("Opnieuw inloggen via je organisatie")');
    t.equal(new URL((await again).url()).searchParams.get('prompt'), 'login', 'the provider is asked to authenticate anew, not to reuse its session');
    await signInAt(page, { niveau: 'hoog', tweedeStap: true, from: 'here' });
    t.equal(page.url(), `${base}/`, 'a new sign-in (prompt=login) at a higher level is accepted');
    t.ok(await sessionOf(page), 'now with a session');
    await context.close();
  });

  t.test('a sign-in without a second factor: refused for the missing step, BIO 5.17', async (t) => {
    const context = await newContext(browser, { width: 320 });
    const page = await context.newPage();
    await signInAt(page, { niveau: 'hoog', tweedeStap: false });
    t.match(await page.textContent('[role="alert"]'), /aangemeld zonder tweede stap/, 'names the missing second step');
    t.equal(await sessionOf(page), undefined, 'no session cookie');
    t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scrolling at 320 px');
    await expectAccessible(t, page, 'the second-factor refusal');
    await screenshot(page, 'inloggen-tweede-stap-mobiel.png', { fullPage: true });
    await context.close();
  });
});
