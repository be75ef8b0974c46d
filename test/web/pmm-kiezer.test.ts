import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { expectAccessible, newContext, signIn, startSite } from './browser.js';
import { screenshot } from '../helpers/screenshot.js';

/**
 * #14 point 12: the routing page's organisation picker is an ARIA combobox with type-to-filter (not a Ctrl-click
 * multi-select of 600 options), keyboard-operable, the chosen organisations as removable chips, the organisations
 * the desk routes to most listed first; and it works without JavaScript as a checkbox list with a search.
 */

const desk = { sub: 'desk', organisatie: 'pmm', naam: 'Petra', rollen: ['pmm'] };
const overflow = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

t.test('the organisation picker: combobox with the keyboard, chips, most routed first, 320 px, and without JavaScript', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries: contractEntries });

  t.test('with JavaScript, keyboard only', async (t) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, desk);
    await page.goto(`${base}/casusroutering`);
    t.notOk(await page.$('select#organisaties'), 'no multi-select of every organisation');
    const combobox = page.locator('#organisatie-combobox');
    t.equal(await combobox.getAttribute('role'), 'combobox');
    t.equal(await combobox.getAttribute('aria-expanded'), 'false');
    t.equal(await page.locator('#hint-organisaties').isVisible(), true);

    // Tab to the field, type to filter.
    await page.focus('#organisatie-combobox');
    await page.keyboard.type('svb');
    t.equal(await combobox.getAttribute('aria-expanded'), 'true', 'typing opens the list');
    const first = page.locator('#organisatie-opties [role="option"]').first();
    t.match(await first.textContent(), /Sociale Verzekeringsbank/, 'the abbreviation finds the organisation, first');
    t.match(await page.textContent('[data-kiezer-status]'), /gevonden/, 'the number found is announced');
    await page.keyboard.press('ArrowDown');
    t.equal(await combobox.getAttribute('aria-activedescendant'), 'optie-zb000143', 'ArrowDown highlights the first option');
    t.equal(await first.getAttribute('aria-selected'), 'true');
    await page.keyboard.press('Enter');
    t.equal(await combobox.getAttribute('aria-expanded'), 'false', 'Enter chooses and closes');
    t.equal(await combobox.inputValue(), '', 'the field is cleared for the next one');
    t.same(await page.$$eval('.mr-chip input[name="organisaties"]', (nodes) => nodes.map((n) => (n as HTMLInputElement).value)), ['zb000143'], 'a chip with a hidden field');
    t.match(await page.textContent('[data-kiezer-status]'), /Sociale Verzekeringsbank toegevoegd/);

    // Part of a name, accents ignored; Escape closes without choosing.
    await page.keyboard.type('rotterd');
    await page.keyboard.press('Escape');
    t.equal(await combobox.getAttribute('aria-expanded'), 'false', 'Escape closes the list');
    t.equal(await page.locator('.mr-chip').count(), 1, 'and chooses nothing');
    await page.keyboard.press('Escape');
    t.equal(await combobox.inputValue(), '', 'a second Escape clears the field');
    await page.keyboard.type('rotterd');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.type('groningen');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    t.same(await page.$$eval('.mr-chip input[name="organisaties"]', (nodes) => nodes.map((n) => (n as HTMLInputElement).value)), ['zb000143', 'gm0599', 'gm0014']);
    await expectAccessible(t, page, 'picker with chips');
    await screenshot(page, 'pmm-kiezer-chips.png', { fullPage: true });

    // Remove a chip with the keyboard; focus stays in the picker.
    await page.focus('.mr-chip button[data-code="gm0599"]');
    t.match(await page.locator('.mr-chip button[data-code="gm0599"]').textContent(), /Verwijder Rotterdam/, 'the remove button names the organisation');
    await page.keyboard.press('Enter');
    t.same(await page.$$eval('.mr-chip input[name="organisaties"]', (nodes) => nodes.map((n) => (n as HTMLInputElement).value)), ['zb000143', 'gm0014'], 'removed');
    t.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.code), 'gm0014', 'focus moves to the next chip');

    // Open the list while it is empty: with the field open and highlighted, axe checks the listbox too.
    await page.focus('#organisatie-combobox');
    await page.keyboard.type('gemeente r');
    await page.keyboard.press('ArrowDown');
    await expectAccessible(t, page, 'picker with the list open');
    await screenshot(page, 'pmm-kiezer-open.png', { fullPage: true });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    await page.focus('#domein-combobox');
    await page.keyboard.type('participatiewet');
    await page.keyboard.press('Enter');
    await Promise.all([page.waitForURL(/casusroutering\?/), page.click('button:has-text("Contacten zoeken")')]);
    t.match(page.url(), /organisaties=zb000143&organisaties=gm0014/, 'the form sends the chosen organisations, in order');
    t.same(await page.$$eval('.mr-chip input[name="organisaties"]', (nodes) => nodes.map((n) => (n as HTMLInputElement).value)), ['zb000143', 'gm0014'], 'chips come back with the result');

    // The organisations routed to most come first when the field is empty.
    await page.goto(`${base}/casusroutering?organisaties=gm0014&expertisegebieden=participatiewet`);
    await page.goto(`${base}/casusroutering`);
    await page.focus('#organisatie-combobox');
    await page.keyboard.press('ArrowDown');
    const listed = await page.$$eval('#organisatie-opties [role="option"]', (nodes) => nodes.map((n) => n.id));
    t.same(listed.slice(0, 2), ['optie-gm0014', 'optie-zb000143'], 'most routed first (Groningen twice, SVB once), then the defaults');
    await context.close();
  });

  t.test('at 320 px: no horizontal scrolling with long names as chips', async (t) => {
    const context = await newContext(browser, { width: 320 });
    const page = await context.newPage();
    await signIn(page, base, desk);
    await page.goto(`${base}/casusroutering?organisaties=zb000143&organisaties=zb000117&organisaties=gm0599&expertisegebieden=participatiewet`);
    t.equal(await overflow(page), 0, 'result page with three chips');
    await page.focus('#organisatie-combobox');
    await page.keyboard.type('instituut');
    t.equal(await overflow(page), 0, 'with the list open');
    const box = (await page.locator('#organisatie-combobox').boundingBox())!;
    await screenshot(page, 'pmm-kiezer-320.png', { fullPage: true, clip: { x: 0, y: Math.max(0, box.y - 420), width: 320, height: 900 } });
    await context.close();
  });

  t.test('without JavaScript: checkboxes, a search that reloads, untick to remove', async (t) => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, base, desk);
    await page.goto(`${base}/casusroutering`);
    t.ok(await page.$('#vaak-zb000117'), 'the frequent organisations as checkboxes (UWV among the defaults)');
    await page.fill('#organisatieZoekterm', 'svb');
    await page.click('button:has-text("Zoek organisatie")');
    await page.waitForSelector('#gevonden-zb000143, #vaak-zb000143');
    t.notOk(await page.$('#resultaat-kop'), 'searching an organisation does not route yet');
    await page.check('#vaak-zb000143');
    await page.fill('#organisatieZoekterm', 'rotterdam');
    await page.click('button:has-text("Zoek organisatie")');
    t.ok(await page.isChecked('#gekozen-zb000143'), 'the choice survives the next search');
    // Rotterdam is listed under "vaak gevraagd" by now (the 320 px test routed to it), else among the found.
    await page.check('input[name="organisaties"][value="gm0599"] >> nth=0');
    await page.check('#domein-participatiewet');
    await page.click('button:has-text("Contacten zoeken")');
    await page.waitForSelector('#resultaat-kop');
    t.same((await page.$$eval('article h3', (nodes) => nodes.map((n) => n.textContent))).sort(), ['Rotterdam', 'Sociale Verzekeringsbank']);
    await page.uncheck('#gekozen-gm0599');
    await page.click('button:has-text("Contacten zoeken")');
    await page.waitForSelector('#resultaat-kop');
    t.same(await page.$$eval('article h3', (nodes) => nodes.map((n) => n.textContent)), ['Sociale Verzekeringsbank'], 'unticked is removed');
    await screenshot(page, 'pmm-kiezer-zonder-js.png', { fullPage: true });
    // axe needs JavaScript in the page: the same page with the picker's script withheld is the no-JavaScript form.
    const url = page.url();
    await context.close();
    const checking = await newContext(browser);
    const axePage = await checking.newPage();
    await signIn(axePage, base, desk);
    await axePage.route('**/kiezer.js', (route) => route.abort());
    await axePage.goto(url);
    t.ok(await axePage.$('#gekozen-zb000143'), 'the checkbox form, as without JavaScript');
    await expectAccessible(t, axePage, 'picker without JavaScript');
    await checking.close();
  });
});
