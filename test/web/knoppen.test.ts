import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { openPage, signIn, startSite } from './browser.js';

/**
 * #14 point 15: secondary buttons and selects look like NL Design System (Utrecht) buttons and selects (outlined,
 * a 44 px target), not like plain text; a message after a change names the entry it concerns.
 */
t.test('buttons, selects and messages in Chromium', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries: contractEntries });
  const { page, context, noViolations } = await openPage(t, browser);
  const look = (selector: string) =>
    page.$eval(selector, (element) => {
      const style = getComputedStyle(element);
      return { border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`, height: element.getBoundingClientRect().height, background: style.backgroundColor };
    });
  await signIn(page, base, { sub: 'knoppen', organisatie: 'gm0599', naam: 'Carla Coördinator', rollen: ['coordinator'] });

  await page.goto(`${base}/coordinatie?organisatie=gm0599`);
  for (const label of ['Verifiëren Pieter Jansen', 'Deactiveren Pieter Jansen']) {
    const button = `button:has-text("${label}")`;
    const seen = await look(button);
    t.equal(seen.border, '2px solid rgb(31, 78, 121)', `"${label}" is outlined as a button`);
    t.ok(seen.height >= 44, `"${label}" is a 44 px target (${seen.height})`);
  }
  await page.click('button:has-text("Verifiëren Pieter Jansen")');
  await page.waitForURL(/melding=geverifieerd/);
  t.equal((await page.textContent('[role="status"]'))?.trim(), 'Pieter Jansen is geverifieerd.', 'the message names the entry');
  await page.click('button:has-text("Deactiveren Wendy Afwezig")');
  await page.waitForURL(/melding=gedeactiveerd/);
  t.equal((await page.textContent('[role="status"]'))?.trim(), 'Wendy Afwezig is gedeactiveerd en niet meer vindbaar.');
  await noViolations('coordination page with a message');

  await page.goto(`${base}/?zoekterm=schuld`);
  const select = await look('#gewenstRolniveau');
  t.equal(select.border, '1px solid rgb(107, 114, 128)', 'the level select has the form-field border');
  t.ok(select.height >= 44, `and is a 44 px target (${select.height})`);
  // A drop-down looks like one: its chevron, not a bare box that reads as a text field (new-user walk, session 7).
  const chevron = await page.$eval('#gewenstRolniveau', (e) => ({ image: getComputedStyle(e).backgroundImage, padding: parseFloat(getComputedStyle(e).paddingRight) }));
  t.match(chevron.image, /^url\("data:image\/svg\+xml/, 'the level select shows a chevron');
  t.ok(chevron.padding >= 32, `with room for it beside the text (${chevron.padding} px)`);

  await page.goto(`${base}/mijn-vermelding`);
  const remove = page.locator('button.utrecht-button--secondary-action').first();
  if ((await remove.count()) > 0) t.match(await remove.evaluate((e) => getComputedStyle(e).borderTopStyle), 'solid', 'secondary buttons on other pages are outlined too');
  await context.close();
});
