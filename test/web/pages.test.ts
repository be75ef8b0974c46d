import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { expectAccessible, newContext, signIn, startSite } from './browser.js';

/** The pages in real headless Chromium: accessibility (axe-core, WCAG 2.1 A/AA), keyboard use, no-JS use, escaping. */
t.test('web pages in Chromium', { timeout: 180_000 }, async (t) => {
  const { app, base, browser } = await startSite(t, { entries: contractEntries });

  t.test('axe-core finds no WCAG 2.1 A/AA violations, signed out and signed in as each role', async (t) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const check = (label: string) => expectAccessible(t, page, label);
    await page.goto(`${base}/inloggen`);
    await check('sign-in page');
    await page.fill('#sub', 'x');
    await page.fill('#organisatie', 'bestaat-niet');
    await page.click('button:has-text("Inloggen")');
    await page.waitForSelector('[role="alert"]');
    await check('sign-in page with a validation error');
    await page.goto(`${base}/toegankelijkheid`);
    await check('accessibility statement');
    await page.goto(`${base}/privacy`);
    await check('privacy statement');

    for (const [who, rollen] of [
      ['professional', []],
      ['coordinator', ['coordinator']],
      ['pmm', ['pmm']],
      ['beheerder', ['beheerder']],
    ] as const) {
      await context.clearCookies();
      await signIn(page, base, { sub: `axe-${who}`, organisatie: 'gm0599', naam: `Test ${who}`, rollen: [...rollen] });
      await page.goto(`${base}/?zoekterm=schuld`);
      await check(`${who}: search page with results`);
      await page.goto(`${base}/?zoekterm=xyzzyqwv`);
      await check(`${who}: search page without results`);
    }
    await page.goto(`${base}/?zoekterm=eva`);
    await page.click('ol.mr-resultaten a');
    await page.waitForSelector('h1');
    await check('an entry page');
    await page.click('main a[href^="/organisaties/"]');
    await page.waitForSelector('h1:has-text("Gemeente Tilburg")');
    t.match(await page.textContent('main'), /Eva de Boer/, 'the organisation page lists its professionals');
    await check('an organisation page');
    const missing = await page.goto(`${base}/bestaat-niet`);
    t.equal(missing?.status(), 404);
    t.match(await page.textContent('h1'), /Pagina niet gevonden/, 'browsers get a page, not JSON');
    await check('the not-found page');
    await context.close();
  });

  t.test('keyboard only: search, open a result, sign out; focus is visible', async (t) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, { sub: 'toetsenbord', organisatie: 'gm0599' });
    await page.keyboard.press('Tab');
    t.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Direct naar de inhoud', 'the skip link comes first');
    await page.keyboard.press('Enter');
    t.equal(await page.evaluate(() => document.activeElement?.id), 'inhoud', 'the skip link moves focus to the content');
    // Someone without an entry first passes the invitation to make one (test/web/eerste-inlog.test.ts).
    for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement?.id)) !== 'zoekterm'; i++) await page.keyboard.press('Tab');
    t.equal(await page.evaluate(() => document.activeElement?.id), 'zoekterm', 'then the search field');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    t.not(outline, 'none', 'focus is visible');
    await page.keyboard.type('Specialist');
    await Promise.all([page.waitForURL(/zoekterm=Specialist/), page.keyboard.press('Enter')]);
    // Filter with the keyboard: to the first organisation checkbox, Space, on to "Filters toepassen", Enter.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'organisatie')) break;
    }
    const organisation = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await page.keyboard.press('Space');
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Filters toepassen')) break;
    }
    await Promise.all([page.waitForURL(new RegExp(`organisatie=${organisation}`)), page.keyboard.press('Enter')]);
    t.pass(`filtered on ${organisation} with the keyboard`);
    await page.goto(`${base}/`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement?.id)) !== 'zoekterm'; i++) await page.keyboard.press('Tab');
    await page.keyboard.type('Joelle');
    await Promise.all([page.waitForURL(/zoekterm=Joelle/), page.keyboard.press('Enter')]);
    t.match(await page.textContent('[data-aantal]'), /1 collega gevonden/);
    // Tab to the first result link and open it.
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.closest('.mr-resultaat') !== null)) break;
    }
    await Promise.all([page.waitForURL(/\/professionals\//), page.keyboard.press('Enter')]);
    t.equal(await page.textContent('h1'), 'Joëlle Bakker');
    // Sign out with the keyboard.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.textContent?.startsWith('Uitloggen'))) break;
    }
    await Promise.all([page.waitForURL(/\/inloggen/), page.keyboard.press('Enter')]);
    t.pass('signed out');
    await context.close();
  });

  t.test('without JavaScript: search, filter and page through plain form submissions', async (t) => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, base, { sub: 'zonder-js', organisatie: 'gm0014' });
    await page.fill('#zoekterm', '');
    await Promise.all([page.waitForURL(/\?/), page.click('button:has-text("Zoeken")')]);
    t.match(await page.textContent('[data-aantal]'), /11 collega's gevonden/);
    await page.check('input[name="organisatie"][value="gm0599"]');
    await Promise.all([page.waitForURL(/organisatie=gm0599/), page.click('button:has-text("Filters toepassen")')]);
    t.match(await page.textContent('[data-aantal]'), /4 collega's gevonden/);
    await page.goto(`${base}/?paginaGrootte=3`);
    t.match(await page.textContent('.mr-paginering'), /Pagina 1 van 4/);
    await Promise.all([page.waitForURL(/pagina=2/), page.click('a:has-text("Volgende pagina")')]);
    t.match(await page.textContent('.mr-paginering'), /Pagina 2 van 4/);
    await context.close();
  });

  t.test('a value with <script> or quotes renders as text everywhere', async (t) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs++;
      await dialog.dismiss();
    });
    await signIn(page, base, { sub: 'xss', organisatie: 'gm0599' });
    await page.goto(`${base}/?zoekterm=bert`);
    const heading = await page.textContent('.mr-resultaat h3');
    t.equal(heading?.trim(), 'Bert <script>alert(1)</script> "Quote"', 'shown as text in results');
    await page.click('.mr-resultaat h3 a');
    await page.waitForSelector('h1');
    t.equal(await page.textContent('h1'), 'Bert <script>alert(1)</script> "Quote"', 'and on the entry page');
    t.match(await page.textContent('main'), /Adviseur & "tester"/);
    t.equal(await page.evaluate(() => document.querySelectorAll('main script').length), 0, 'no script element was created');
    t.equal(dialogs, 0, 'nothing ran');
    await context.close();
  });

  t.test('search as you type updates the results and the URL', async (t) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, { sub: 'typen', organisatie: 'gm0599' });
    await page.goto(`${base}/`);
    await page.type('#zoekterm', 'Tilbu', { delay: 30 });
    await page.waitForFunction(() => location.search.includes('zoekterm=Tilbu'));
    await page.waitForFunction(() => document.querySelector('[data-aantal]')?.textContent?.includes('1 collega gevonden'));
    t.match(await page.textContent('.mr-resultaat h3'), /Eva de Boer/);
    await context.close();
  });

  t.test('no horizontal scrolling at 320 px wide (and so at 400% zoom of 1280 px) nor at 200% zoom', async (t) => {
    for (const width of [320, 640]) {
      const context = await newContext(browser, { width });
      const page = await context.newPage();
      await signIn(page, base, { sub: `smal-${width}`, organisatie: 'gm0599', rollen: ['coordinator', 'pmm'] });
      for (const path of ['/?zoekterm=schuld', '/mijn-vermelding', '/coordinatie', '/casusroutering', '/inzichten', '/toegankelijkheid']) {
        await page.goto(`${base}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        t.ok(overflow <= 1, `${path} at ${width} px: no horizontal overflow (${overflow} px)`);
      }
      await context.close();
    }
  });

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
