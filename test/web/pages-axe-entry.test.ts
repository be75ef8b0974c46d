import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { expectAccessible, newContext, signIn, startSite } from './browser.js';

/** The pages in real headless Chromium: axe-core (WCAG 2.1 A/AA) on an entry, an organisation and the not-found page. */
t.test('pages axe entry', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries: contractEntries });
  t.test('axe-core finds no WCAG 2.1 A/AA violations on an entry, an organisation and the not-found page', async (t) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const check = (label: string) => expectAccessible(t, page, label);
    await signIn(page, base, { sub: 'axe-entry', organisatie: 'gm0599' });
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
