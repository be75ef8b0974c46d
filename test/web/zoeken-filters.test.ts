import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { openPage, signIn, startSite } from './browser.js';

/**
 * The search page's filters with JavaScript (#14 points 1 and 2): a tick applies at once (results and URL), active
 * filters are removable chips, back and forward bring back the ticks with their own results, and the count is
 * announced in the live region.
 */
t.test('search filters in Chromium', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries: contractEntries });
  const count = '[data-aantal]';

  t.test('a tick applies at once; chips remove filters; back and forward restore ticks and results', async (t) => {
    const { page, context, noViolations } = await openPage(t, browser);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, base, { sub: 'filters', organisatie: 'gm0014' });
    await page.goto(`${base}/?zoekterm=`);
    t.match(await page.textContent(count), /11 collega's gevonden/);
    t.notOk(await page.isVisible('button:has-text("Filters toepassen")'), 'with JavaScript the apply button is not needed');
    await page.check('input[name="organisatie"][value="gm0599"]');
    await page.waitForFunction(() => location.search.includes('organisatie=gm0599'));
    await page.waitForFunction(() => document.querySelector('[data-aantal]')?.textContent?.includes("4 collega's gevonden"));
    t.pass('ticking Rotterdam filtered the results and the URL without a button');
    t.match(await page.textContent('.mr-chips'), /Filter weghalen: Organisatie Rotterdam×/, "the active filter shows as a chip, named for screen readers");
    await page.check('input[name="rolniveau"][value="uitvoering"]');
    await page.waitForFunction(() => document.querySelector('[data-aantal]')?.textContent?.includes("2 collega's gevonden"));
    t.equal(await page.locator('.mr-chip').count(), 2, 'two chips');
    await noViolations('search page with two active filters');

    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('rolniveau'));
    await page.waitForFunction(() => document.querySelector('[data-aantal]')?.textContent?.includes("4 collega's gevonden"));
    t.ok(await page.isChecked('input[name="organisatie"][value="gm0599"]'), 'back: Rotterdam still ticked');
    t.notOk(await page.isChecked('input[name="rolniveau"][value="uitvoering"]'), 'back: the level tick is gone with its results');
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('[data-aantal]')?.textContent?.includes("2 collega's gevonden"));
    t.ok(await page.isChecked('input[name="rolniveau"][value="uitvoering"]'), 'forward: the level tick is back with its results');

    await page.click('.mr-chip:has-text("Uitvoering")');
    await page.waitForFunction(() => document.querySelector('[data-aantal]')?.textContent?.includes("4 collega's gevonden"));
    t.notOk(new URL(page.url()).searchParams.has('rolniveau'), 'removing a chip removes its filter from the URL');
    await page.click('a:has-text("Wis alle filters")');
    await page.waitForFunction(() => document.querySelector('[data-aantal]')?.textContent?.includes("11 collega's gevonden"));
    t.equal(await page.locator('.mr-chip').count(), 0, '"Wis alle filters" clears every filter');
    t.equal(new URL(page.url()).searchParams.get('zoekterm'), null);
    t.same(errors, [], 'the script threw nothing');
    await context.close();
  });

  t.test('arrow keys through the level drop-down: one search and one step back, not one per key', async (t) => {
    const { page, context } = await openPage(t, browser);
    await signIn(page, base, { sub: 'niveau', organisatie: 'gm0014' });
    await page.goto(`${base}/?zoekterm=schuld`);
    await page.waitForSelector('[data-aantal]');
    const searches: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('gewenstRolniveau=')) searches.push(request.url());
    });
    const historyBefore = await page.evaluate(() => history.length);
    await page.focus('#gewenstRolniveau');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    const chosen = await page.$eval('#gewenstRolniveau', (e) => (e as HTMLSelectElement).value);
    await page.waitForFunction((level) => location.search.includes(`gewenstRolniveau=${level}`), chosen);
    await page.waitForTimeout(600);
    t.equal(searches.length, 1, `one search for the level the keys came to rest on (${chosen})`);
    t.equal(await page.evaluate(() => history.length), historyBefore + 1, 'one history entry');
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('gewenstRolniveau'));
    t.equal(await page.$eval('#gewenstRolniveau', (e) => (e as HTMLSelectElement).value), '', 'back: no level, as before the keys');
    await context.close();
  });

  t.test('without JavaScript the chips and "Filters toepassen" work as links and a form', async (t) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, { sub: 'filters-zonder-js', organisatie: 'gm0014' });
    await page.goto(`${base}/?zoekterm=`);
    await page.check('input[name="organisatie"][value="gm0599"]');
    await Promise.all([page.waitForURL(/organisatie=gm0599/), page.click('button:has-text("Filters toepassen")')]);
    t.match(await page.textContent(count), /4 collega's gevonden/);
    await Promise.all([page.waitForURL((url) => !url.search.includes('organisatie')), page.click('.mr-chip')]);
    t.match(await page.textContent(count), /11 collega's gevonden/, 'the chip is a plain link');
    await context.close();
  });

  t.test('the result count is announced in the live region while typing', async (t) => {
    const { page, context } = await openPage(t, browser);
    await signIn(page, base, { sub: 'live', organisatie: 'gm0599' });
    await page.goto(`${base}/`);
    t.equal((await page.textContent('[data-zoekstatus]'))?.trim(), '', 'silent before typing');
    await page.type('#zoekterm', 'Tilbu', { delay: 30 });
    await page.waitForFunction(() => location.search.includes('zoekterm=Tilbu'));
    await page.waitForFunction(() => document.querySelector('[data-zoekstatus]')?.textContent !== '');
    t.match(await page.textContent('[data-zoekstatus]'), /^1 collega gevonden voor “Tilbu”$/, 'the live region says the new count');
    t.equal(await page.getAttribute('[data-zoekstatus]', 'aria-live'), 'polite');
    await context.close();
  });
});
