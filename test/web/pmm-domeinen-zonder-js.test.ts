import type { Page } from 'playwright-core';
import t from 'tap';
import { screenshot } from '../helpers/screenshot.js';
import { contractEntries } from '../search/contract-fixture.js';
import { expectAccessible, newContext, signIn, startSite } from './browser.js';

/**
 * The routing page's domain picker without JavaScript (a checkbox list grouped by kind, each parent with its
 * children nested under it) and at 320 px (no horizontal scrolling, with chips and with the list open). With
 * JavaScript and the keyboard: pmm-domeinen.test.ts.
 */

const desk = { sub: 'desk', organisatie: 'pmm', naam: 'Petra', rollen: ['pmm'] };
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const chosenDomains = (page: Page) => page.$$eval('#veld-expertisegebieden .mr-chip input[name="expertisegebieden"]', (nodes) => nodes.map((n) => (n as HTMLInputElement).value));
const block = (page: Page, name: string) => page.locator('article', { has: page.locator(`h3:text-is("${name}")`) });
const ten = ['schulden', 'inkomen', 'toeslagen', 'belastingen', 'zorgverzekering', 'zorg-ondersteuning', 'werk-sociale-zekerheid', 'volksverzekeringen', 'onderwijs', 'wonen'];

t.test('the domain picker without JavaScript and at 320 px: grouped checkboxes, no horizontal scrolling', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries: contractEntries });

  t.test('without JavaScript: grouped checkboxes, a parent with its children, more than ten refused', async (t) => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, base, desk);
    await page.goto(`${base}/casusroutering`);
    t.notOk(await page.$('select#expertisegebieden'), 'no multi-select');
    const parentOf = (code: string) => page.evaluate((c) => (document.getElementById(`domein-${c}`)!.closest('ul')!.closest('li')?.querySelector('input') as HTMLInputElement | null)?.value ?? null, code);
    t.equal(await parentOf('wsnp'), 'schulden', 'a child is listed under its parent');
    t.equal(await parentOf('schulden'), null, 'a parent at the top');
    t.match(await page.textContent('label[for="domein-schulden"]'), /inclusief de 4 domeinen hieronder/, 'the parent says it includes its children');
    t.ok(await page.$('#veld-expertisegebieden fieldset legend:has-text("Methoden")'), 'grouped by kind');

    await page.check('#vaak-zb000117');
    await page.check('#domein-schulden');
    await page.click('button:has-text("Contacten zoeken")');
    await page.waitForSelector('#resultaat-kop');
    t.match(page.url(), /expertisegebieden=schulden/);
    t.match(await block(page, 'Uitvoeringsinstituut Werknemersverzekeringen').textContent(), /Noor Hendriks/, 'routed on the ticked domain');
    t.ok(await page.isChecked('#domein-schulden'), 'the choice is kept');

    for (const code of ten.slice(1).concat('wmo')) await page.check(`#domein-${code}`);
    await page.click('button:has-text("Contacten zoeken")');
    await page.waitForSelector('#foutenoverzicht');
    t.match(await page.textContent('#foutenoverzicht'), /Domeinen van de casus: Hoogstens 10/, 'more than ten: the field is named');
    t.ok(await page.isChecked('#domein-wmo'), 'what was ticked stays ticked');
    const url = page.url();
    await context.close();

    // axe needs JavaScript in the page: the same page with the picker's script withheld is the no-JavaScript form.
    const checking = await newContext(browser);
    const axePage = await checking.newPage();
    await signIn(axePage, base, desk);
    await axePage.route('**/kiezer.js', (route) => route.abort());
    await axePage.goto(url);
    t.ok(await axePage.$('#domein-schulden'), 'the checkbox form, as without JavaScript');
    await expectAccessible(t, axePage, 'domain checkboxes with a validation error');
    await screenshot(axePage, 'pmm-domeinen-zonder-js.png', { fullPage: true });
    await checking.close();
  });

  t.test('at 320 px: no horizontal scrolling, with and without JavaScript', async (t) => {
    const url = `${base}/casusroutering?organisaties=zb000117&expertisegebieden=werk-sociale-zekerheid&expertisegebieden=kinderopvangtoeslag&expertisegebieden=bouwsteen-bestuurlijk`;
    for (const javaScriptEnabled of [true, false]) {
      const context = await newContext(browser, { width: 320, javaScriptEnabled });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await signIn(page, base, desk);
      await page.goto(url);
      t.equal(await overflow(page), 0, `${javaScriptEnabled ? 'chips' : 'checkboxes'} and the result`);
      if (javaScriptEnabled) {
        t.equal((await chosenDomains(page)).length, 3);
        await page.focus('#domein-combobox');
        await page.keyboard.type('wet');
        t.equal(await overflow(page), 0, 'with the list open');
        await expectAccessible(t, page, 'domain picker at 320 px with the list open');
      }
      await context.close();
    }
  });
});
