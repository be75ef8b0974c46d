import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { expectAccessible, newContext, openPage, signIn, startSite } from './browser.js';
import { screenshot } from '../helpers/screenshot.js';

/**
 * #14 point 14: the insights page puts the unmet searches near the top (after the short summary per type), without
 * personal names; the organisations without a contact come grouped by type and can be sorted (by name or province),
 * also without JavaScript.
 */

const desk = { sub: 'desk', organisatie: 'pmm', naam: 'Petra', rollen: ['pmm'] };

t.test('insights: unmet searches near the top and without names, organisations without contact grouped and sortable', { timeout: 110_000 }, async (t) => {
  const { base, browser, database } = await startSite(t, { entries: contractEntries });
  const { context, page, noViolations } = await openPage(t, browser);
  await signIn(page, base, desk);
  // Someone looks for a colleague by name where they are not, and for something the register lacks.
  for (const q of ['Pieter Jansen', 'Sanne Visser', 'statushouder huisvesting']) await page.goto(`${base}/?zoekterm=${encodeURIComponent(q)}&organisatie=gm0014`);
  for (let i = 0; i < 100 && (await database.sql`SELECT 1 FROM zoeklog WHERE aantal = 0`).length < 3; i++) await new Promise((r) => setTimeout(r, 20));

  await page.goto(`${base}/inzichten`);
  await page.waitForSelector('h1:has-text("Inzichten")');
  const headings = await page.$$eval('main h2', (nodes) => nodes.map((n) => n.id));
  t.same(headings, ['dekking-kop', 'onbeantwoord-kop', 'zonder-kop'], 'the summary per type, then the unmet searches, then the organisations');
  const unmet = await page.textContent('section[aria-labelledby="onbeantwoord-kop"]');
  t.match(unmet, /statushouder huisvesting/, 'what the register lacks is shown');
  t.match(unmet, /\[naam\]/, 'a name search is shown as [naam]');
  t.notMatch(unmet!.toLowerCase(), /pieter|jansen|sanne|visser/, 'no personal name among the unmet searches');

  // Grouped by type: one (closed) group per type, each with its count.
  const captions = await page.$$eval('section[aria-labelledby="zonder-kop"] summary', (nodes) => nodes.map((n) => n.textContent ?? ''));
  t.ok(captions.some((c) => /^Gemeente: \d+ van \d+ zonder actueel contact/.test(c)), 'a group for the gemeenten');
  t.ok(captions.some((c) => /^Provincie:/.test(c)), 'a group for the provinces');
  const gemeenten = page.locator('#zonder-gemeente');
  const byName = await gemeenten.locator('tbody th').allTextContents();
  t.same(byName, [...byName].sort((a, b) => a.localeCompare(b, 'nl')), 'sorted by name at first');
  t.equal(await gemeenten.locator('th[aria-sort="ascending"]').textContent().then((s) => s?.trim().startsWith('Organisatie')), true);
  await noViolations('insights');
  await screenshot(page, 'pmm-inzichten.png', { fullPage: false });

  await page.click('#groep-gemeente > summary');
  await page.click('#zonder-gemeente th >> text=Provincie');
  await page.waitForURL(/sorteer=provincie/);
  const provinces = await page.locator('#zonder-gemeente tbody td').allTextContents();
  t.same(provinces, [...provinces].sort((a, b) => a.localeCompare(b, 'nl')), 'sorted by province');
  t.ok((await page.locator('#zonder-gemeente th[aria-sort="ascending"]').textContent())?.includes('Provincie'), 'the header says so');
  t.equal(await page.locator('#zonder-gemeente').isVisible(), true, 'the sorted group stays open');
  await page.selectOption('#type', 'provincie');
  await page.click('button:has-text("Tonen")');
  await page.waitForURL(/type=provincie/);
  t.match(page.url(), /sorteer=provincie/, 'the type filter keeps the sort');
  t.equal(await page.locator('section[aria-labelledby="zonder-kop"] table').count(), 1, 'one type: one group');
  await noViolations('insights, filtered and sorted');
  await context.close();

  for (const [options, shot] of [[{ width: 320 }, 'pmm-inzichten-320.png'], [{ javaScriptEnabled: false }, 'pmm-inzichten-zonder-js.png']] as const) {
    const other = await newContext(browser, options);
    const p = await other.newPage();
    await signIn(p, base, desk);
    await p.goto(`${base}/inzichten`);
    await p.click('#groep-gemeente > summary');
    await p.click('#zonder-gemeente th >> text=Provincie');
    await p.waitForURL(/sorteer=provincie/);
    t.equal(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, `${shot}: no horizontal scrolling`);
    if (options.javaScriptEnabled !== false) await expectAccessible(t, p, shot);
    await screenshot(p, shot, { fullPage: false });
    await other.close();
  }
});
