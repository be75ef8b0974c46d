import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { newContext, signIn, startSite } from './browser.js';

/** The pages in real headless Chromium: use without JavaScript, escaping, search as you type. */
t.test('pages no js', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries: contractEntries });
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
});
