import t from 'tap';
import { newContext, openPage, signIn, startSite } from './browser.js';

/**
 * Issue s7, points 3, 8 and 9: the werkgebied by official names and aliases, Enter in its field adds the place
 * instead of sending the form, a name that is both gemeente and province is asked (with and without JavaScript);
 * "Wie mag je vinden?" fits at 320 px.
 */

t.test('werkgebied: Enter adds the typed place, an ambiguous name is asked, official names are understood', { timeout: 120_000 }, async (t) => {
  const { base, browser, database } = await startSite(t);

  t.test('with JavaScript: Enter adds, does not send', async (t) => {
    const { context, page, noViolations } = await openPage(t, browser);
    await signIn(page, base, { sub: 'wim', organisatie: 'gm0344', naam: 'Wim Werkgebied' });
    await page.goto(`${base}/mijn-vermelding`);
    const url = page.url();
    t.ok(await page.$('#werkgebied-opties option[value="Den Bosch (gemeente)"]:has-text("s-Hertogenbosch")'), 'the official name is offered beside the usual one');

    await page.fill('#veld-werkgebied-nieuw', 'Tilburg');
    await page.press('#veld-werkgebied-nieuw', 'Enter');
    await page.waitForSelector('label:has-text("Tilburg (gemeente)")');
    t.equal(page.url(), url, 'the form was not sent');
    t.equal(await page.locator('#foutenoverzicht').count(), 0, 'no errors about the fields not yet filled');
    t.equal(await page.inputValue('#veld-werkgebied-nieuw'), '', 'the field is empty for the next one');
    t.ok(await page.isChecked('input[name="werkgebied"][value="Tilburg (gemeente)"]'), 'added as a ticked box');
    t.match(await page.textContent('#veld-werkgebied-nieuw-status'), /Tilburg \(gemeente\) toegevoegd/);

    await page.fill('#veld-werkgebied-nieuw', '’s-Hertogenbosch');
    await page.press('#veld-werkgebied-nieuw', 'Enter');
    await page.waitForSelector('label:has-text("Den Bosch (gemeente)")');

    await page.fill('#veld-werkgebied-nieuw', 'utrecht');
    await page.press('#veld-werkgebied-nieuw', 'Enter');
    t.match(await page.textContent('#veld-werkgebied-nieuw-status'), /‘utrecht’ is zowel een gemeente als een provincie; kies ‘Utrecht \(provincie\)’ of ‘Utrecht \(gemeente\)’/, 'neither is chosen');
    t.equal(await page.locator('input[name="werkgebied"][type="checkbox"]').count(), 2, 'nothing added');
    t.equal(page.url(), url);
    await noViolations('werkgebied with places added and an ambiguous name');

    await page.fill('#veld-werkgebied-nieuw', 'Tilbrug');
    await page.press('#veld-werkgebied-nieuw', 'Enter');
    t.match(await page.textContent('#veld-werkgebied-nieuw-status'), /‘Tilbrug’ staat niet in de lijst/);
    await page.fill('#veld-werkgebied-nieuw', '');

    await page.fill('#veld-functie', 'Consulent');
    await page.click('summary:has-text("Beleidsdomeinen")');
    await page.check('#expertise-schulden');
    await page.fill('#veld-email', 'wim@utrecht.nl');
    await Promise.all([page.waitForURL(/melding=opgeslagen/), page.click('button:has-text("Opslaan")')]);
    const [row] = await database.sql<{ werkgebied: string[] }[]>`SELECT werkgebied FROM professionals WHERE email = 'wim@utrecht.nl'`;
    t.same(row?.werkgebied, ['gm0855', 'gm0796']);
    await context.close();
  });

  t.test('without JavaScript, at 320 px: a typed ambiguous name is asked about, an official name accepted', async (t) => {
    const context = await newContext(browser, { javaScriptEnabled: false, width: 320 });
    const page = await context.newPage();
    await signIn(page, base, { sub: 'wim', organisatie: 'gm0344' });
    await page.goto(`${base}/mijn-vermelding`);
    t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scroll at 320 px');
    const visibility = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLabelElement>('#veld-zichtbaarheid label')].map((label) => ({ text: label.textContent, fits: label.getBoundingClientRect().right <= 320 && label.scrollWidth <= label.clientWidth })),
    );
    t.same(visibility.map((v) => v.fits), [true, true, true], `"Wie mag je vinden?" is readable in full: ${JSON.stringify(visibility)}`);
    t.match(visibility[0]?.text, /Alle professionals in het register/);

    await page.fill('#veld-werkgebied-nieuw', 'utrecht');
    await page.click('button:has-text("Opslaan")');
    await page.waitForSelector('#foutenoverzicht');
    t.match(await page.textContent('#fout-werkgebied'), /‘Utrecht’ is zowel een gemeente als een provincie; kies ‘Utrecht \(gemeente\)’ of ‘Utrecht \(provincie\)’\./);

    await page.uncheck('input[name="werkgebied"][value="utrecht"]');
    await page.fill('#veld-werkgebied-nieuw', "'s-Gravenhage");
    await page.check('#zichtbaarheid-eigen-organisatie');
    await Promise.all([page.waitForURL(/melding=opgeslagen/), page.click('button:has-text("Opslaan")')]);
    const [row] = await database.sql<{ werkgebied: string[]; zichtbaarheid: string }[]>`SELECT werkgebied, zichtbaarheid FROM professionals WHERE email = 'wim@utrecht.nl'`;
    t.same(row, { werkgebied: ['gm0855', 'gm0796', 'gm0518'], zichtbaarheid: 'eigen-organisatie' }, 'kept places stay, ’s-Gravenhage is Den Haag');
    await context.close();
  });
});
