import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { chooseInCombobox, openPage, signIn, startSite } from './browser.js';

/**
 * The routing page's "Gemeente van de inwoner" is typed by name with the gemeenten as suggestions, not picked from a
 * drop-down of 342: a known name (also one that names a province too) routes, an unclear or unknown one is asked about
 * at the field, with what was typed kept.
 */

const desk = { sub: 'desk', organisatie: 'pmm', naam: 'Petra', rollen: ['pmm'] };

t.test('routing: the gemeente typed by name, with suggestions; unclear and unknown names are asked about', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries: contractEntries });
  const { page, noViolations } = await openPage(t, browser);
  await signIn(page, base, desk);
  await page.goto(`${base}/casusroutering`);

  t.equal(await page.locator('#gemeente').evaluate((el) => el.tagName), 'INPUT', 'a text field, not a drop-down');
  t.ok((await page.locator('#gemeenten option').count()) > 300, 'with every gemeente as a suggestion');

  // Typed by a person: the route finds the gemeente, and the question above the results names it.
  await chooseInCombobox(page, '#organisatie-combobox', 'svb');
  await chooseInCombobox(page, '#domein-combobox', 'participatiewet');
  await page.fill('#gemeente', 'utrecht');
  await Promise.all([page.waitForSelector('#resultaat-kop'), page.click('button:has-text("Contacten zoeken")')]);
  t.match(await page.textContent('#gevraagd'), /Gemeente: Utrecht$/, '"utrecht" is the gemeente (the province is no gemeente)');
  t.equal(await page.inputValue('#gemeente'), 'Utrecht', 'shown by its name');
  t.ok(new URL(page.url()).searchParams.get('gemeente') === 'utrecht', 'the address holds what was typed');

  // "Bergen" is three gemeenten: asked which, at the field and in the summary; what was typed stays.
  const query = new URL(page.url()).searchParams;
  query.set('gemeente', 'Bergen');
  await page.goto(`${base}/casusroutering?${query}`);
  t.match(await page.title(), /^Fout: /);
  const unclear = await page.textContent('#fout-gemeente');
  t.match(unclear, /Bedoel je .*Bergen \(L\).* of .*\? Kies de gemeente uit de lijst\./, `asked which: ${unclear}`);
  t.match(await page.textContent('#foutenoverzicht'), /Gemeente van de inwoner: Bedoel je/);
  t.equal(await page.inputValue('#gemeente'), 'Bergen', 'what was typed is kept');
  t.equal(await page.locator('#resultaat-kop').count(), 0, 'no results for an unclear question');
  await noViolations('routing, unclear gemeente');

  query.set('gemeente', 'Atlantis');
  await page.goto(`${base}/casusroutering?${query}`);
  t.match(await page.textContent('#fout-gemeente'), /'Atlantis' kennen we niet als gemeente\. Typ de naam en kies uit de lijst\./);
  t.equal(await page.getAttribute('#gemeente', 'aria-invalid'), 'true');

  // By its official name or code too, as links and the API have it.
  query.set('gemeente', "'s-Gravenhage");
  await page.goto(`${base}/casusroutering?${query}`);
  t.match(await page.textContent('#gevraagd'), /Gemeente: Den Haag$/, 'the official name');
  query.set('gemeente', 'gm0363');
  await page.goto(`${base}/casusroutering?${query}`);
  t.match(await page.textContent('#gevraagd'), /Gemeente: Amsterdam$/, 'the code');

  await page.setViewportSize({ width: 320, height: 800 });
  t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling at 320 px');
});
