import type { Page } from 'playwright-core';
import t from 'tap';
import { screenshot } from '../helpers/screenshot.js';
import { contractEntries } from '../search/contract-fixture.js';
import { expectAccessible, newContext, signIn, startSite } from './browser.js';

/**
 * The routing page's domain picker: the same combobox as the organisation picker (type to filter on name and
 * synonyms, arrows, Enter, Escape, chips with a remove button) instead of a Ctrl-click multi-select, and without
 * JavaScript a checkbox list grouped so that a parent domain and its children read together. Both send
 * `expertisegebieden=<code>`; a validation error names the field and its link moves focus to it. Without JavaScript
 * and at 320 px: pmm-domeinen-zonder-js.test.ts.
 */

const desk = { sub: 'desk', organisatie: 'pmm', naam: 'Petra', rollen: ['pmm'] };
const chosenDomains = (page: Page) => page.$$eval('#veld-expertisegebieden .mr-chip input[name="expertisegebieden"]', (nodes) => nodes.map((n) => (n as HTMLInputElement).value));
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id);
const block = (page: Page, name: string) => page.locator('article', { has: page.locator(`h3:text-is("${name}")`) });
const ten = ['schulden', 'inkomen', 'toeslagen', 'belastingen', 'zorgverzekering', 'zorg-ondersteuning', 'werk-sociale-zekerheid', 'volksverzekeringen', 'onderwijs', 'wonen'];

t.test('the domain picker: combobox with the keyboard, chips, errors', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries: contractEntries });

  t.test('with JavaScript, keyboard only: type, arrow, Enter, remove a chip, send', async (t) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, base, desk);
    await page.goto(`${base}/casusroutering`);
    t.notOk(await page.$('select#expertisegebieden'), 'no Ctrl-click multi-select of the taxonomy');
    const combobox = page.locator('#domein-combobox');
    t.equal(await combobox.getAttribute('role'), 'combobox', 'the domains are a combobox');
    t.match(await page.textContent('#veld-expertisegebieden legend'), /Domeinen van de casus \(1 tot 10\)/, 'the field keeps its name');
    t.match(await page.textContent('#hint-expertisegebieden'), /omvat de onderliggende domeinen/, 'the hint says a parent includes its children');

    // Two organisations with the organisation picker, then Tab to the domain field: it comes right after.
    await page.focus('#organisatie-combobox');
    for (const name of ['tilburg', 'uwv']) {
      await page.keyboard.type(name);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    }
    await page.keyboard.press('Tab');
    t.equal(await activeId(page), 'domein-combobox', 'Tab leads from the organisations to the domains');

    await page.keyboard.type('schuld');
    t.equal(await combobox.getAttribute('aria-expanded'), 'true', 'typing opens the list');
    const first = page.locator('#domein-opties [role="option"]').first();
    t.match(await first.textContent(), /^Schulden en schuldhulpverlening/, 'the domain whose name starts with the text comes first');
    t.match(await page.textContent('#veld-expertisegebieden [data-kiezer-status]'), /domeinen gevonden/, 'the number found is announced');
    await page.keyboard.press('ArrowDown');
    t.equal(await combobox.getAttribute('aria-activedescendant'), 'domein-optie-schulden', 'ArrowDown highlights it');
    await page.keyboard.press('Enter');
    t.equal(await combobox.getAttribute('aria-expanded'), 'false', 'Enter chooses and closes');
    t.same(await chosenDomains(page), ['schulden'], 'a chip with a hidden expertisegebieden field');
    t.match(await page.textContent('#veld-expertisegebieden [data-kiezer-status]'), /Schulden en schuldhulpverlening toegevoegd/);

    // A synonym finds its domain (Pw is Participatiewet); Escape closes without choosing.
    await page.keyboard.type('pw');
    t.match(await first.textContent(), /^Participatiewet en bijstand/, 'a synonym finds the domain');
    await page.keyboard.press('Escape');
    t.equal(await combobox.getAttribute('aria-expanded'), 'false', 'Escape closes the list');
    t.same(await chosenDomains(page), ['schulden'], 'and chooses nothing');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    t.same(await chosenDomains(page), ['schulden', 'participatiewet']);
    await expectAccessible(t, page, 'domain picker with chips');

    // Remove a chip with the keyboard: Shift+Tab from the field reaches the last chip's remove button.
    await page.keyboard.press('Shift+Tab');
    t.match(await page.evaluate(() => document.activeElement?.textContent), /Verwijder Participatiewet en bijstand/, 'the remove button names the domain');
    await page.keyboard.press('Enter');
    t.same(await chosenDomains(page), ['schulden'], 'removed');
    t.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.code), 'schulden', 'focus stays in the picker');

    await page.focus('#domein-combobox');
    await page.keyboard.type('wet');
    await page.keyboard.press('ArrowDown');
    await expectAccessible(t, page, 'domain picker with the list open');
    await screenshot(page, 'pmm-domeinen-open.png', { fullPage: true });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    await page.focus('button:has-text("Contacten zoeken")');
    await Promise.all([page.waitForSelector('#resultaat-kop'), page.keyboard.press('Enter')]);
    t.match(page.url(), /organisaties=gm0855&organisaties=zb000117&expertisegebieden=schulden/, 'the form sends the chosen domain as expertisegebieden');
    t.match(await block(page, 'Tilburg').textContent(), /Stap 1 van 4.*Eva de Boer/s, 'Tilburg: the person with the domain');
    t.match(await block(page, 'Uitvoeringsinstituut Werknemersverzekeringen').textContent(), /Stap 1 van 4.*Noor Hendriks/s, 'UWV: a person with a child domain (beslag) counts');
    t.same(await chosenDomains(page), ['schulden'], 'the chip comes back with the result');
    await expectAccessible(t, page, 'routing result with the domain picker');

    // None chosen: the summary names the field, its link moves focus there, the field says what is wrong.
    await page.focus('#veld-expertisegebieden .mr-chip button');
    await page.keyboard.press('Enter');
    await page.focus('button:has-text("Contacten zoeken")');
    await Promise.all([page.waitForSelector('#foutenoverzicht'), page.keyboard.press('Enter')]);
    t.match(await page.textContent('#foutenoverzicht'), /Domeinen van de casus: Kies minstens 1/, 'the summary names the field');
    t.match(await page.textContent('#fout-expertisegebieden'), /Kies minstens 1/, 'and so does the field');
    t.match(await combobox.getAttribute('aria-describedby'), /fout-expertisegebieden/, 'the combobox is described by the error');
    await page.focus('#foutenoverzicht a[href="#veld-expertisegebieden"]');
    await page.keyboard.press('Enter');
    t.equal(await activeId(page), 'veld-expertisegebieden', 'the summary’s link moves focus to the field');
    await expectAccessible(t, page, 'domain picker with a validation error');

    // Ten chosen: the eleventh is refused and the reason announced.
    await page.goto(`${base}/casusroutering?organisaties=gm0855&${ten.map((c) => `expertisegebieden=${c}`).join('&')}`);
    t.equal((await chosenDomains(page)).length, 10);
    await page.focus('#domein-combobox');
    await page.keyboard.type('wmo');
    await page.keyboard.press('Enter');
    t.equal((await chosenDomains(page)).length, 10, 'no eleventh');
    t.match(await page.textContent('#veld-expertisegebieden [data-kiezer-status]'), /Hoogstens 10 domeinen/);
    await context.close();
  });
});
