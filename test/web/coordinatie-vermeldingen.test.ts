import t from 'tap';
import type { Page } from 'playwright-core';
import { openPage, signIn, startSite } from './browser.js';
import { castOf, people } from '../helpers/people.js';

/** Issue 14, point 10: the coordinator's table of entries, and editing an entry on the web. */

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const rowNames = (page: Page) => page.$$eval('#selectie tbody th[scope=row] a', (links) => links.map((a) => a.textContent?.trim()));

t.test('entries table: pages, search, sort, one-row and bulk actions; verify only where needed', { timeout: 120_000 }, async (t) => {
  const site = await startSite(t);
  const { database, base, browser, app } = site;
  const cast = await castOf(site);
  const names = Array.from({ length: 30 }, (_, i) => `${i % 3 === 0 ? 'Jansen' : 'Bakker'} ${String.fromCharCode(65 + i)}${i}`);
  const csv = ['naam,functie,email,rolniveau,expertisegebieden', ...names.map((n, i) => `${n},Consulent ${i},m${i}@rotterdam.nl,specialist,schulden`)].join('\n');
  const imported = await app.inject({ method: 'POST', url: '/api/v1/organisaties/gm0599/importen', headers: { ...cast.coordinatorRotterdam, 'content-type': 'text/csv' }, payload: csv });
  t.equal(imported.statusCode, 200);

  const { page, noViolations } = await openPage(t, browser);
  await signIn(page, base, { sub: people.coordinatorRotterdam.sub, organisatie: 'gm0599', naam: 'Ruud' });
  await page.goto(`${base}/coordinatie`);
  t.match(await page.textContent('caption'), /30 vermeldingen, pagina 1 van 2/);
  t.equal((await rowNames(page)).length, 25, 'a page of 25');
  await page.click('a:has-text("Volgende pagina")');
  t.equal((await rowNames(page)).length, 5, 'the rest on page 2');

  // Search: words in name, function, department or e-mail; case ignored.
  await page.fill('#zoek-vermeldingen', 'jansen');
  await page.click('button:has-text("Zoeken")');
  t.match(await page.textContent('caption'), /10 vermeldingen met “jansen”/);
  t.ok((await rowNames(page)).every((n) => n?.startsWith('Jansen')), 'only matching entries');

  // Sort by name, descending, from the column header (state told to assistive technology).
  await page.click('th a:has-text("Naam")');
  t.equal(await page.getAttribute('th[aria-sort]', 'aria-sort'), 'descending');
  const sorted = await rowNames(page);
  t.same(sorted, [...sorted].sort((a, b) => b.localeCompare(a, 'nl')), 'descending by name');
  t.match(page.url(), /zoekterm=jansen/, 'the search is kept while sorting');
  await noViolations('entries table, searched and sorted');

  // One row: verify; its button then disappears (validly verified), the list stays as it was.
  const first = sorted[0]!;
  await page.click(`button:has-text("Verifiëren ${first}")`);
  await page.waitForURL(/melding=geverifieerd/);
  t.match(page.url(), /zoekterm=jansen/, 'back to the same search');
  t.equal(await page.$(`button:has-text("Verifiëren ${first}")`), null, 'no Verifiëren for a validly verified entry');
  t.ok(await page.$(`button:has-text("Deactiveren ${first}")`), 'the other action is still there');

  // Bulk, by keyboard: tick two rows with Space, then verify the selection; then deactivate two.
  const [second, third] = [sorted[1]!, sorted[2]!];
  await page.getByLabel(`Selecteer ${second}`, { exact: true }).focus();
  await page.keyboard.press('Space');
  await page.getByLabel(`Selecteer ${third}`, { exact: true }).check();
  await page.click('button:has-text("Selectie verifiëren")');
  await page.waitForURL(/melding=selectie-geverifieerd/);
  t.match(await page.textContent('.mr-melding'), `2 vermeldingen geverifieerd: ${second} en ${third}.`, 'named in the order of the list');
  const verified = await database.sql`SELECT naam FROM professionals WHERE geverifieerd_op IS NOT NULL ORDER BY naam`;
  t.same(verified.map((r) => r.naam).sort(), [first, second, third].sort());
  await page.getByLabel(`Selecteer ${second}`, { exact: true }).check();
  await page.getByLabel(`Selecteer ${third}`, { exact: true }).check();
  await page.click('button:has-text("Selectie deactiveren")');
  await page.waitForURL(/melding=selectie-gedeactiveerd/);
  const inactive = await database.sql`SELECT naam FROM professionals WHERE status = 'inactief' ORDER BY naam`;
  t.same(inactive.map((r) => r.naam).sort(), [second, third].sort());
  // A selection of which one entry was changed meanwhile (by someone else): the other is done, the changed one named.
  const [fourth] = [sorted[3]!];
  await page.getByLabel(`Selecteer ${first}`, { exact: true }).check();
  await page.getByLabel(`Selecteer ${fourth}`, { exact: true }).check();
  await database.sql`UPDATE professionals SET versie = versie + 1 WHERE naam = ${fourth}`;
  await page.click('button:has-text("Selectie deactiveren")');
  await page.waitForURL(/melding=selectie-gedeactiveerd/);
  t.match(await page.textContent('.mr-melding'), new RegExp(`1 vermelding gedeactiveerd: ${first}\\. Niet gelukt bij ${fourth}: die is intussen gewijzigd, of je mag die niet wijzigen\\.`), 'the entry not done is named');
  await noViolations('a selection partly done');
  await page.click('button:has-text("Selectie verifiëren")');
  await page.waitForURL(/melding=geen-selectie/);
  t.match(await page.textContent('.mr-melding'), /Selecteer eerst een of meer vermeldingen/);

  // 320 px: no horizontal scroll on the table page.
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(`${base}/coordinatie?organisatie=gm0599`);
  t.ok(await noHorizontalScroll(page), 'no horizontal scroll at 320 px');
  await noViolations('entries table at 320 px');
});
