import t from 'tap';
import { openPage, signIn, startSite } from './browser.js';

/** #14 point 18: compressed responses, a favicon, and static assets under versioned URLs kept for a year. */
t.test('static assets and compression in Chromium', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t);
  const { page, context } = await openPage(t, browser);
  const responses = new Map<string, { encoding: string | undefined; cache: string | undefined; status: number; type: string | undefined }>();
  page.on('response', async (response) => {
    const headers = await response.allHeaders();
    responses.set(new URL(response.url()).pathname, { encoding: headers['content-encoding'], cache: headers['cache-control'], status: response.status(), type: headers['content-type'] });
  });
  await signIn(page, base, { sub: 'assets', organisatie: 'gm0599' });
  await page.goto(`${base}/?zoekterm=schuld`);
  await page.waitForLoadState('load');

  const stylesheets = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL((l as HTMLLinkElement).href).pathname));
  t.equal(stylesheets.length, 3);
  for (const path of stylesheets) {
    t.match(path, /^\/static\/[0-9a-f]{12}\/[a-z-]+\.css$/, `${path}: the URL carries the content hash`);
    const seen = responses.get(path);
    t.ok(seen, `${path} was loaded`);
    t.match(seen?.cache, /max-age=31536000.*immutable/, `${path}: kept for a year, immutable`);
  }
  const utrecht = stylesheets.find((p) => p.endsWith('/utrecht.css'))!;
  t.match(responses.get(utrecht)?.encoding, /^(br|gzip)$/, 'the Utrecht stylesheet is compressed');
  t.match(responses.get('/')?.encoding, /^(br|gzip)$/, 'the page is compressed');
  const script = await page.getAttribute('script[src*="zoeken.js"]', 'src');
  t.match(script, /^\/static\/[0-9a-f]{12}\/zoeken\.js$/, 'the script too');

  const icon = await page.getAttribute('link[rel="icon"]', 'href');
  t.ok(icon, 'the page names a favicon');
  const favicon = await page.goto(`${base}${icon}`);
  t.equal(favicon?.status(), 200);
  t.match(favicon?.headers()['content-type'], /image\/svg\+xml/);
  const ico = await page.goto(`${base}/favicon.ico`);
  t.equal(ico?.status(), 200, '/favicon.ico answers too (browsers ask for it unprompted)');

  const stale = await fetch(`${base}/static/000000000000/site.css`);
  t.equal(stale.status, 200, 'an old hash still gets the file');
  t.equal(stale.headers.get('cache-control'), 'no-cache', 'but not to keep');
  t.equal((await fetch(`${base}/static/000000000000/bestaat-niet.css`)).status, 404);
  const api = await fetch(`${base}/api/v1/openapi.json`, { headers: { 'accept-encoding': 'gzip' } });
  t.equal(api.headers.get('content-encoding'), 'gzip', 'API answers are compressed as well');
  await context.close();
});
