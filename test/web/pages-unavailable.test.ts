import t, { type Test } from 'tap';
import { SESSION_COOKIE } from '../../src/web/session.js';
import { buildTestApp } from '../helpers/app.js';
import { baseUrl, expectAccessible, launch, newContext } from './browser.js';
import { appWithoutDatabase, closedPort, silentServer } from '../helpers/unreachable-database.js';
import { screenshot } from '../helpers/screenshot.js';

/**
 * Issue 16, F2 (pages) and F6. With the database down every page answered 303 to /inloggen and cleared the session
 * cookie, so a short outage signed everybody out. Now a page says "tijdelijk niet beschikbaar" (503, Retry-After)
 * and the session stays. And a `terug` the HTTP Location header cannot carry (a control character, "€") was a 500.
 */

const html = { accept: 'text/html,application/xhtml+xml' };

async function expectUnavailablePage(t: Test, response: Awaited<ReturnType<Awaited<ReturnType<typeof buildTestApp>>['app']['inject']>>, name: string) {
  t.equal(response.statusCode, 503, `${name}: 503 (${response.headers.location ?? ''})`);
  t.ok(Number(response.headers['retry-after']) > 0, `${name}: Retry-After`);
  t.match(String(response.headers['content-type']), /^text\/html/, `${name}: a page`);
  t.match(response.body, /Tijdelijk niet beschikbaar/, `${name}: says so in Dutch`);
  t.notOk(response.cookies.some((c) => c.name === SESSION_COOKIE), `${name}: the session cookie is left alone`);
}

const pages = ['/', '/?zoekterm=schuld', '/mijn-vermelding', '/coordinatie', '/casusroutering', '/professionals/00000000-0000-4000-8000-000000000000'];

t.test('database refusing connections: pages are 503 "tijdelijk niet beschikbaar" and keep the session', async (t) => {
  const { app, token } = await appWithoutDatabase(t, await closedPort());
  const cookie = `${SESSION_COOKIE}=${await token()}`;
  for (const url of pages) {
    const started = performance.now();
    await expectUnavailablePage(t, await app.inject({ url, headers: { ...html, cookie } }), url);
    t.ok(performance.now() - started < 3_000, `${url}: at once`);
  }
  const statement = await app.inject({ url: '/toegankelijkheid', headers: { ...html, cookie } });
  t.equal(statement.statusCode, 200, 'a statement needs no database: still readable');
  t.notOk(statement.cookies.some((c) => c.name === SESSION_COOKIE), 'and the session is kept there too');

  // In Chromium: the page a signed-in person sees, accessible, and the cookie still in the browser afterwards.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = baseUrl(app.server.address());
  const browser = await launch(t);
  const context = await newContext(browser);
  await context.addCookies([{ name: SESSION_COOKIE, value: cookie.split('=')[1]!, url: base, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  const response = await page.goto(`${base}/mijn-vermelding`);
  t.equal(response?.status(), 503, 'Chromium: 503');
  t.match(await page.textContent('h1'), 'Tijdelijk niet beschikbaar');
  t.match(await page.textContent('main'), /Je bent niet uitgelogd/, 'says the session is kept');
  t.equal(await page.locator('header a:has-text("Inloggen")').count(), 0, 'and does not offer to sign in');
  t.equal(await page.getAttribute('a:has-text("Opnieuw proberen")', 'href'), '/mijn-vermelding', 'a way to try the same page again');
  await expectAccessible(t, page, 'the unavailable page');
  await screenshot(page, 'inloggen-tijdelijk-niet-beschikbaar.png', { fullPage: true });
  t.ok((await context.cookies(base)).some((c) => c.name === SESSION_COOKIE), 'the browser still holds the session');
  await context.close();
});

t.test('a database that does not answer: the page comes within the connect bound, session kept', async (t) => {
  const { app, token } = await appWithoutDatabase(t, await silentServer(t), { DATABASE_CONNECT_TIMEOUT_MS: '500' });
  const cookie = `${SESSION_COOKIE}=${await token()}`;
  const started = performance.now();
  await expectUnavailablePage(t, await app.inject({ url: '/', headers: { ...html, cookie } }), 'home');
  t.ok(performance.now() - started < 4_000, `answered near the connect timeout (${Math.round(performance.now() - started)} ms)`);
});

t.test('a refused token still signs out: only an unavailable dependency keeps the session', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await app.inject({ url: '/', headers: { ...html, cookie: `${SESSION_COOKIE}=niet.een.token` } });
  t.equal(response.statusCode, 303);
  t.match(response.headers.location, /^\/inloggen\?terug=/);
  t.ok(response.cookies.some((c) => c.name === SESSION_COOKIE && c.value === ''), 'the unusable cookie is cleared');
});

t.test('F6: a `terug` with a control character, "€" or a way off-site is a safe redirect, never a 500', async (t) => {
  const { app } = await buildTestApp(t);
  const form = await app.inject({ url: '/inloggen' });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const cases: [string, RegExp][] = [
    ['/zoeken\u0001', /^\/$/],
    ['/a\u007fb', /^\/$/],
    ['/?zoekterm=€', /^\/\?zoekterm=%E2%82%AC$/],
    ['/?zoekterm=caf\u00e9', /^\/\?zoekterm=caf%C3%A9$/],
    // A form cannot carry a lone surrogate: the browser (and URLSearchParams) sends U+FFFD instead.
    ['/\ud800', /^\/(%EF%BF%BD)?$/],
    ['//evil.example', /^\/$/],
    ['/\t/evil.example', /^\/$/],
    ['https://evil.example', /^\/$/],
  ];
  for (const [terug, expected] of cases) {
    const payload = new URLSearchParams({ _csrf: csrf, terug, sub: 'f6', organisatie: 'gm0363' }).toString();
    const response = await app.inject({ method: 'POST', url: '/inloggen', headers: { ...html, cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload });
    t.equal(response.statusCode, 303, `${JSON.stringify(terug)}: a redirect (${response.body.slice(0, 80)})`);
    t.match(response.headers.location, expected, `${JSON.stringify(terug)}: to ${response.headers.location}`);
  }
  // U+0000 cannot be stored anywhere, so every form refuses it (plugins/storable-input.ts): as a page, not JSON.
  const nul = await app.inject({
    method: 'POST',
    url: '/inloggen',
    headers: { ...html, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, terug: '/\u0000', sub: 'f6', organisatie: 'gm0363' }).toString(),
  });
  t.equal(nul.statusCode, 400, 'U+0000: 400');
  t.match(String(nul.headers['content-type']), /^text\/html/, 'U+0000: a page');
  t.match(nul.body, /terug/, 'naming the field');
  const page = await app.inject({ url: `/inloggen?terug=${encodeURIComponent('/?zoekterm=€\u0001')}` });
  t.equal(page.statusCode, 200, 'the sign-in page with such a terug');
});
