import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { openPage, signIn, startSite } from './browser.js';

/**
 * Edges of the search page a new-user walk found (session 7): no results left an empty "Filters" heading beside
 * them, and a query over the length limit got "een ongeldige waarde" without saying which or what the limit is.
 */
t.test('search page edges in Chromium', async (t) => {
  const { base, browser } = await startSite(t, { entries: contractEntries });
  const { page, context, noViolations } = await openPage(t, browser);
  await signIn(page, base, { sub: 'randen', organisatie: 'gm0014' });

  await page.goto(`${base}/?zoekterm=xyzzy%20onbestaand`);
  t.match(await page.textContent('[data-aantal]'), /0 collega's gevonden/);
  t.equal(await page.locator('#filters-kop').count(), 0, 'no filter panel over nothing');
  const results = await page.locator('[aria-labelledby="resultaten-kop"]').boundingBox();
  t.ok(results && results.x < 200, 'the results take the width the panel left');
  await noViolations('no results, no filters');

  await page.goto(`${base}/?zoekterm=xyzzy%20onbestaand&rolniveau=bestuur`);
  t.match(await page.textContent('[data-aantal]'), /0 collega's gevonden/);
  t.equal(await page.locator('#filters-kop').count(), 1, 'with an active filter the panel stays, to untick it');

  const response = await page.goto(`${base}/?zoekterm=${'a'.repeat(600)}`);
  t.equal(response?.status(), 400);
  t.match(await page.textContent('[role="alert"]'), /De zoekopdracht klopt niet: Een zoekterm heeft hoogstens 200 tekens\./, 'says what is wrong and the limit');
  t.equal(await page.getAttribute('#zoekterm', 'maxlength'), '200', 'the field stops at the limit');
  await context.close();
});
