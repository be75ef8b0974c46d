import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { expectAccessible, newContext, signIn, startSite } from './browser.js';

/** The pages in real headless Chromium: axe-core (WCAG 2.1 A/AA), signed out, as professional and as coordinator. */
t.test('pages axe', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries: contractEntries });
  t.test('axe-core finds no WCAG 2.1 A/AA violations, signed out, as professional and as coordinator', async (t) => {
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
