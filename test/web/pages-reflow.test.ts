import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { newContext, signIn, startSite } from './browser.js';

/** The pages in real headless Chromium: no horizontal scrolling at 320 px and at 200% zoom. */
t.test('pages reflow', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries: contractEntries });
  t.test('no horizontal scrolling at 320 px wide (and so at 400% zoom of 1280 px) nor at 200% zoom', async (t) => {
    for (const width of [320, 640]) {
      const context = await newContext(browser, { width });
      const page = await context.newPage();
      await signIn(page, base, { sub: `smal-${width}`, organisatie: 'gm0599', rollen: ['coordinator', 'pmm'] });
      for (const path of ['/?zoekterm=schuld', '/mijn-vermelding', '/coordinatie', '/casusroutering', '/inzichten', '/toegankelijkheid']) {
        await page.goto(`${base}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        t.ok(overflow <= 1, `${path} at ${width} px: no horizontal overflow (${overflow} px)`);
      }
      await context.close();
    }
  });
});
