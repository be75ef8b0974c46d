import t from 'tap';
import { buildTestApp } from '../helpers/app.js';
import { baseUrl } from './browser.js';

/** CSRF refusal, the Content-Security-Policy and the ADR headers of the pages. */
t.test('pages headers', { timeout: 110_000 }, async (t) => {
  // No browser needed: these are the server's answers themselves.
  const { app } = await buildTestApp(t);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = baseUrl(app.server.address());
  t.test('forms refuse a request without the CSRF token', async (t) => {
    const withoutToken = await app.inject({ method: 'POST', url: '/inloggen', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'sub=x&organisatie=gm0363' });
    t.equal(withoutToken.statusCode, 403, 'sign-in');
    const page = await app.inject({ url: '/inloggen' });
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const wrongToken = await app.inject({ method: 'POST', url: '/mijn-vermelding/verwijderen', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: '_csrf=vervalst&zeker=ja' });
    t.equal(wrongToken.statusCode, 403, 'a forged token');
  });
  t.test('the pages carry a strict Content-Security-Policy and the ADR headers', async (t) => {
    const response = await fetch(`${base}/inloggen`);
    t.match(response.headers.get('content-security-policy'), /script-src 'self'; style-src 'self'/);
    t.notMatch(response.headers.get('content-security-policy') ?? '', /unsafe-inline/);
    t.equal(response.headers.get('referrer-policy'), 'no-referrer');
    t.equal(response.headers.get('x-frame-options'), 'DENY');
    const html = await response.text();
    t.notMatch(html, /<script>|style="/, 'no inline scripts or styles');
  });
});
