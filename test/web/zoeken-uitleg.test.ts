import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { openPage, signIn, startSite } from './browser.js';

/**
 * Walk of session 7 (Journey 1 points 4 and 5, Journey 4): the province counts add up to more than the results with
 * no word why; the list without a query looked random; and following an unmet search from /inzichten logged it as
 * one more unmet search.
 */

const desk = { sub: 'desk-uitleg', organisatie: 'pmm', naam: 'Petra', rollen: ['pmm'] };

t.test('search explains its counts and its order; a re-run from the insights is not an unmet search', { timeout: 60_000 }, async (t) => {
  const { base, browser, database, app } = await startSite(t, { entries: contractEntries });
  const { page } = await openPage(t, browser);
  // Everything is server-rendered: a missing element fails at once rather than after the default half minute.
  page.setDefaultTimeout(5_000);
  await signIn(page, base, desk);

  t.test('the province facet says why its counts add up to more than the results', async (t) => {
    await page.goto(`${base}/`);
    const total = Number((await page.textContent('[data-aantal]'))!.match(/\d+/)![0]);
    const counts = await page.$$eval('input[name="provincie"] + label .mr-aantal', (nodes) => nodes.map((n) => Number((n.textContent ?? '').replace(/\D/g, ''))));
    t.ok(counts.reduce((a, b) => a + b, 0) > total, 'national entries count in every province (the reason for the note)');
    const fieldset = page.locator('fieldset:has(input[name="provincie"])');
    const note = await fieldset.locator('#provincie-uitleg').textContent();
    t.match(note, /landelijke organisatie\s+zonder werkgebied in alle provincies/, 'the note under the facet says so');
    t.equal(await fieldset.getAttribute('aria-describedby'), 'provincie-uitleg', 'and the group is described by it');
  });

  t.test('without a query the page says what the list is, in which order, and how to search', async (t) => {
    await page.goto(`${base}/`);
    const hint = await page.textContent('[data-zonder-zoekwoord]');
    t.match(hint, /Typ een onderwerp, wet, naam of\s+organisatie/, 'a hint to type');
    t.match(hint, /geverifieerde collega's eerst/, 'the order, explained');
    // The explanation is the order: of the findable entries only Thijs is verified.
    t.equal(await page.textContent('.mr-resultaat h3'), 'Thijs Geverifieerd', 'and it is true: the verified entry comes first');
    await page.goto(`${base}/?zoekterm=schulden`);
    t.equal(await page.locator('[data-zonder-zoekwoord]').count(), 0, 'not shown once words are typed');
  });

  t.test('following an unmet search from /inzichten does not count it again', async (t) => {
    const unmet = async () => {
      await app.searchLog.flush();
      return (await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM zoeklog WHERE aantal = 0`)[0]!.n;
    };
    await page.goto(`${base}/?zoekterm=${encodeURIComponent('xyzzy onvindbaar')}`);
    t.equal(await unmet(), 1, 'a search that finds no one is logged');
    await page.goto(`${base}/inzichten`);
    const row = page.locator('section[aria-labelledby="onbeantwoord-kop"] tr:has(a:text-is("xyzzy onvindbaar"))');
    t.equal((await row.locator('td').nth(1).textContent())?.trim(), '1', 'asked once');
    await Promise.all([page.waitForURL(/zoekterm=xyzzy/), row.locator('a').click()]);
    t.match(await page.textContent('[data-aantal]'), /0 collega's gevonden/, 'the link shows the search');
    t.equal(await unmet(), 1, 'following it is not logged as another unmet search');
    await page.goto(`${base}/inzichten`);
    t.equal((await row.locator('td').nth(1).textContent())?.trim(), '1', 'the insights still say once');

    // What the user then changes is their own search again: the marker is not carried on.
    await page.goBack();
    await page.fill('#zoekterm', 'xyzzy anders');
    await page.waitForFunction(() => document.querySelector('[data-aantal]')?.textContent?.includes('xyzzy anders'));
    t.notMatch(page.url(), /herkomst/, 'the changed search has no marker');
    t.equal(await unmet(), 2, 'and is logged');
  });
});
