import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { expectAccessible, newContext, signIn, startSite } from './browser.js';

/** The pages in real headless Chromium: axe-core (WCAG 2.1 A/AA) as PMM desk and beheerder, and the entry, organisation and error pages. */
t.test('pages axe', { timeout: 110_000 }, async (t) => {
  const { app, base, browser } = await startSite(t, { entries: contractEntries });
  t.test('axe-core finds no WCAG 2.1 A/AA violations, as the PMM desk and as beheerder; entry, organisation and not-found pages', async (t) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const check = (label: string) => expectAccessible(t, page, label);
    for (const [who, rollen] of [
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
});
