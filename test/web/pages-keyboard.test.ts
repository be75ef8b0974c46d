import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { newContext, signIn, startSite } from './browser.js';

/** The pages in real headless Chromium: keyboard-only use. */
t.test('pages keyboard', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries: contractEntries });
  t.test('keyboard only: search, open a result, sign out; focus is visible', async (t) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, { sub: 'toetsenbord', organisatie: 'gm0599' });
    await page.keyboard.press('Tab');
    t.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Direct naar de inhoud', 'the skip link comes first');
    await page.keyboard.press('Enter');
    t.equal(await page.evaluate(() => document.activeElement?.id), 'inhoud', 'the skip link moves focus to the content');
    // Someone without an entry first passes the invitation to make one (test/web/eerste-inlog.test.ts).
    for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement?.id)) !== 'zoekterm'; i++) await page.keyboard.press('Tab');
    t.equal(await page.evaluate(() => document.activeElement?.id), 'zoekterm', 'then the search field');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    t.not(outline, 'none', 'focus is visible');
    await page.keyboard.type('Specialist');
    await Promise.all([page.waitForURL(/zoekterm=Specialist/), page.keyboard.press('Enter')]);
    // Filter with the keyboard: to the first organisation checkbox, Space applies it at once (with JavaScript).
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'organisatie')) break;
    }
    const organisation = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await Promise.all([page.waitForURL(new RegExp(`organisatie=${organisation}`)), page.keyboard.press('Space')]);
    await page.waitForFunction((code) => document.querySelector<HTMLInputElement>(`input[name="organisatie"][value="${code}"]`)?.checked, organisation);
    t.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name), 'organisatie', 'focus stays on the ticked box while the results update');
    t.pass(`filtered on ${organisation} with the keyboard`);
    await page.goto(`${base}/`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement?.id)) !== 'zoekterm'; i++) await page.keyboard.press('Tab');
    await page.keyboard.type('Joelle');
    await Promise.all([page.waitForURL(/zoekterm=Joelle/), page.keyboard.press('Enter')]);
    t.match(await page.textContent('[data-aantal]'), /1 collega gevonden/);
    // Tab to the first result link and open it.
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.closest('.mr-resultaat') !== null)) break;
    }
    await Promise.all([page.waitForURL(/\/professionals\//), page.keyboard.press('Enter')]);
    t.equal(await page.textContent('h1'), 'Joëlle Bakker');
    // Sign out with the keyboard.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.textContent?.startsWith('Uitloggen'))) break;
    }
    await Promise.all([page.waitForURL(/\/inloggen/), page.keyboard.press('Enter')]);
    t.pass('signed out');
    await context.close();
  });
});
