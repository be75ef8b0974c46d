import t from 'tap';
import type { Page } from 'playwright-core';
import { newContext, signIn, startSite } from './browser.js';
import { screenshot } from '../helpers/screenshot.js';

/**
 * Walk of session 7: at 320 px a drop-down showed its chosen option on one line and cut it off ("Team of functioneel
 * contactp…" under "Soort vermelding"). On every page with drop-downs, with the longest option chosen, its whole text
 * must fit in the control, and the page must not scroll sideways.
 */

/** Chooses each drop-down's longest option; per drop-down the text height it needs and the height it has. */
async function fit(page: Page) {
  // No named functions inside: the test runner's transform would name them with a helper the page lacks.
  return page.$$eval('select:not([multiple])', (elements) =>
    (elements as HTMLSelectElement[])
      .filter((s) => s.getClientRects().length > 0)
      .map((select) => {
        const longest = [...select.options].reduce((a, b) => (b.text.length > a.text.length ? b : a));
        select.value = longest.value;
        const style = getComputedStyle(select);
        const probe = document.createElement('div');
        probe.textContent = longest.text;
        const width = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        Object.assign(probe.style, {
          position: 'absolute', visibility: 'hidden', width: `${width}px`, fontFamily: style.fontFamily, fontSize: style.fontSize,
          fontWeight: style.fontWeight, lineHeight: style.lineHeight, letterSpacing: style.letterSpacing, whiteSpace: 'normal', overflowWrap: 'anywhere',
        });
        document.body.append(probe);
        const needed = probe.getBoundingClientRect().height;
        probe.remove();
        const has = select.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return { id: select.id, text: longest.text, needed, has, right: select.getBoundingClientRect().right };
      }),
  );
}

t.test('drop-downs at 320 px show the whole chosen option', { timeout: 60_000 }, async (t) => {
  const { base, browser } = await startSite(t);
  const context = await newContext(browser, { width: 320 });
  const page = await context.newPage();
  await signIn(page, base, { sub: 'smal-keuze', organisatie: 'gm0599', rollen: ['coordinator', 'pmm'] });
  for (const path of ['/coordinatie', '/', '/casusroutering', '/inzichten', '/organisaties', '/organisaties/gm0599']) {
    await page.goto(`${base}${path}`);
    const selects = await fit(page);
    t.ok(selects.length > 0, `${path}: has drop-downs`);
    for (const s of selects) {
      t.ok(s.has >= s.needed - 1, `${path} #${s.id}: "${s.text}" fits (needs ${Math.round(s.needed)} px, has ${Math.round(s.has)} px)`);
      t.ok(s.right <= 320, `${path} #${s.id}: within the screen`);
    }
    t.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, `${path}: no horizontal scrolling`);
  }
  await page.goto(`${base}/coordinatie`);
  await page.selectOption('#veld-soort', 'team');
  await page.locator('#veld-soort').scrollIntoViewIfNeeded();
  await screenshot(page, 'keuzelijst-soort-320.png', { fullPage: false });
  await context.close();
});
