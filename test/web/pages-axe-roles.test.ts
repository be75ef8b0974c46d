import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { expectAccessible, newContext, signIn, startSite } from './browser.js';

/** The pages in real headless Chromium: axe-core (WCAG 2.1 A/AA) as the PMM desk and as beheerder. */
t.test('pages axe', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries: contractEntries });
  t.test('axe-core finds no WCAG 2.1 A/AA violations, as the PMM desk and as beheerder', async (t) => {
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
    await context.close();
  });
});
