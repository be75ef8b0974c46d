import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { newContext, openPage, signIn, startSite } from './browser.js';

/**
 * What the search page says about its results (#14 points 5, 6 and 7): why a result was found, what to do when
 * nothing was, the way back from an entry to the same search, and a page number past the last page.
 */
t.test('search results in Chromium', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries: contractEntries });

  t.test('why this result: a match in "over mij" is shown and marked; a broader expertise area is explained', async (t) => {
    const { page, context, noViolations } = await openPage(t, browser);
    await signIn(page, base, { sub: 'waarom', organisatie: 'gm0599' });
    await page.goto(`${base}/?zoekterm=hersteloperatie`);
    t.match(await page.textContent('.mr-resultaat h3'), /Fatima El Amrani/);
    t.equal(await page.textContent('.mr-resultaat .mr-fragment mark'), 'hersteloperatie', 'the matching words of "over mij" are shown, marked');
    await noViolations('a result found through "over mij"');
    await page.goto(`${base}/?zoekterm=schuld`);
    t.match(await page.textContent('.mr-resultaat:has-text("Noor Hendriks") .mr-uitleg'), /Gevonden via het bredere expertisegebied Schulden en schuldhulpverlening/, 'a broader area is explained');
    await context.close();
  });

  t.test('no results: a word or filter to drop, with its count; the teams of the organisation; the PMM desk', async (t) => {
    const { page, context, noViolations } = await openPage(t, browser);
    await signIn(page, base, { sub: 'niets', organisatie: 'gm0014' });
    await page.goto(`${base}/?zoekterm=schuld%20xyzzyqwv`);
    t.match(await page.textContent('[data-suggesties]'), /Zonder het woord “xyzzyqwv” — 3 collega's/, 'dropping the unknown word finds three');
    await page.goto(`${base}/?zoekterm=&organisatie=gm0599&rolniveau=bestuur`);
    const suggestions = await page.textContent('[data-suggesties]');
    t.match(suggestions, /Zonder het filter rolniveau: Bestuur — 4 collega's/);
    t.notMatch(suggestions, /organisatie/, 'dropping the organisation finds no one either, so it is not offered');
    t.match(await page.textContent('[data-geen-resultaten]'), /Contactpunten van Rotterdam[\s\S]*Maatwerkplaats Rotterdam/, "the organisation's team entries");
    t.match(await page.textContent('#pmm-route-kop'), /Loopt een casus vast tussen organisaties/, 'the route to the PMM desk');
    await noViolations('no results with suggestions');
    await page.click('[data-suggesties] a:has-text("rolniveau")');
    await page.waitForFunction(() => document.querySelector('[data-aantal]')?.textContent?.includes("4 collega's gevonden"));
    t.notOk(new URL(page.url()).searchParams.has('rolniveau'), 'a suggestion is one click');
    await context.close();
  });

  t.test('"Terug naar zoeken" returns to the same words and filters', async (t) => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await newContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      await signIn(page, base, { sub: `terug-${javaScriptEnabled}`, organisatie: 'gm0599' });
      await page.goto(`${base}/?zoekterm=schuld&organisatie=gm0855`);
      await Promise.all([page.waitForURL(/\/professionals\//), page.click('.mr-resultaat h3 a')]);
      await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.click('a:has-text("Terug naar zoeken")')]);
      const params = new URL(page.url()).searchParams;
      t.equal(params.get('zoekterm'), 'schuld', `JavaScript ${javaScriptEnabled ? 'on' : 'off'}: the words are back`);
      t.equal(params.get('organisatie'), 'gm0855', 'and the filter');
      t.ok(await page.isChecked('input[name="organisatie"][value="gm0855"]'), 'ticked');
      await context.close();
    }
    const { page, context } = await openPage(t, browser);
    await signIn(page, base, { sub: 'terug-typen', organisatie: 'gm0599' });
    await page.goto(`${base}/`);
    await page.type('#zoekterm', 'Tilbu', { delay: 30 });
    await page.waitForFunction(() => document.querySelector('[data-aantal]')?.textContent?.includes('1 collega gevonden'));
    await Promise.all([page.waitForURL(/\/professionals\//), page.click('.mr-resultaat h3 a')]);
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.click('a:has-text("Terug naar zoeken")')]);
    t.equal(new URL(page.url()).searchParams.get('zoekterm'), 'Tilbu', 'also after searching as you type');
    await page.goto(`${base}/professionals/${(await page.getAttribute('.mr-resultaat h3 a', 'href'))!.split('/')[2]!.split('?')[0]}?terug=${encodeURIComponent('zoekterm=x&https://elders.example')}`);
    t.equal(await page.getAttribute('a:has-text("Terug naar zoeken")', 'href'), '/?zoekterm=x', 'the way back only ever leads to the search page');
    await context.close();
  });

  t.test('a page number past the last page shows the last page', async (t) => {
    const { page, context } = await openPage(t, browser);
    await signIn(page, base, { sub: 'bladeren', organisatie: 'gm0014' });
    await page.goto(`${base}/?paginaGrootte=3&pagina=99`);
    t.match(await page.textContent('.mr-paginering'), /Pagina 4 van 4/);
    t.ok((await page.locator('.mr-resultaat').count()) > 0, 'with its results');
    await page.goto(`${base}/?zoekterm=schuld&pagina=7`);
    t.match(await page.textContent('[data-aantal]'), /3 collega's gevonden/);
    t.equal(await page.locator('.mr-resultaat').count(), 3);
    await context.close();
  });
});
