import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { expectAccessible, newContext, openPage, signIn, startSite } from './browser.js';
import { screenshot } from '../helpers/screenshot.js';

/**
 * A new desk user's walk through /inzichten: it was one 15,500 px page with every organisation without a contact at
 * once and the overview at the bottom. Now the summary per type comes first and filters to a type, the organisations
 * come in closed groups per type with their count, and an unanswered search links to that search.
 */

const desk = { sub: 'desk', organisatie: 'pmm', naam: 'Petra', rollen: ['pmm'] };

t.test('insights: summary per type first, closed groups per type, unmet searches link to the search', { timeout: 110_000 }, async (t) => {
  const { base, browser, database } = await startSite(t, { entries: contractEntries });
  const { context, page, noViolations } = await openPage(t, browser);
  await signIn(page, base, desk);
  await page.goto(`${base}/?zoekterm=${encodeURIComponent('statushouder huisvesting')}`);
  for (let i = 0; i < 100 && (await database.sql`SELECT 1 FROM zoeklog WHERE aantal = 0`).length < 1; i++) await new Promise((r) => setTimeout(r, 20));

  await page.goto(`${base}/inzichten`);
  await page.waitForSelector('h1:has-text("Inzichten")');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  t.ok(height < 5_000, `the page is short at 1280 px (${height} px)`);
  t.equal(await page.evaluate(() => document.querySelector('main h2')?.id), 'dekking-kop', 'the summary per type is the first section');
  t.ok(
    await page.evaluate(() => {
      const summary = document.querySelector('#dekking-per-soort')!;
      const list = document.querySelector('#zonder-kop')!;
      return Boolean(summary.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING);
    }),
    'the summary table comes before the list of organisations',
  );

  // Groups per type, closed, their count in the summary.
  const groups = page.locator('section[aria-labelledby="zonder-kop"] details');
  t.ok((await groups.count()) > 1, 'one group per type');
  t.equal(await page.locator('section[aria-labelledby="zonder-kop"] details[open]').count(), 0, 'all closed at first');
  t.match(await page.textContent('#groep-gemeente > summary'), /^Gemeente: \d+ van \d+ zonder actueel contact/, 'the count in the summary');
  t.equal(await page.locator('#zonder-gemeente').isVisible(), false, 'the list is not shown until opened');
  await page.click('#groep-gemeente > summary');
  t.equal(await page.locator('#zonder-gemeente').isVisible(), true, 'opening the group shows it');
  await noViolations('insights, summary first, one group open');
  await screenshot(page, 'pmm-inzichten-overzicht.png', { fullPage: false });

  // The unmet search links to that search.
  const unmet = page.locator('section[aria-labelledby="onbeantwoord-kop"] a:text-is("statushouder huisvesting")');
  t.equal(await unmet.getAttribute('href'), '/?zoekterm=statushouder+huisvesting&herkomst=inzichten', 'the search term links to a search for it (marked as coming from here)');

  // A type in the summary narrows the page to it, with its group open.
  await Promise.all([page.waitForURL(/type=provincie/), page.click('#dekking-per-soort a:text-is("Provincie")')]);
  t.equal(await groups.count(), 1, 'one type: one group');
  t.equal(await page.locator('#groep-provincie').getAttribute('open'), '', 'and it is open');
  t.match(await page.textContent('#zonder-kop'), /\(provincie\)/);
  await noViolations('insights, one type');
  await context.close();

  const narrow = await newContext(browser, { width: 320 });
  const p = await narrow.newPage();
  await signIn(p, base, desk);
  await p.goto(`${base}/inzichten`);
  await p.click('#groep-gemeente > summary');
  t.equal(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, '320 px: no horizontal scrolling');
  await expectAccessible(t, p, 'insights at 320 px');
  await screenshot(p, 'pmm-inzichten-overzicht-320.png', { fullPage: false });
  await narrow.close();
});
