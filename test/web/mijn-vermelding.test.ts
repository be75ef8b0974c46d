import t from 'tap';
import { openPage, signIn, startSite } from './browser.js';

t.test('mijn vermelding: create, fix errors, edit with the keyboard, confirm, export, delete — accessible throughout', { timeout: 120_000 }, async (t) => {
  const { database, base, browser } = await startSite(t);
  const { context, page, noViolations } = await openPage(t, browser);

  await signIn(page, base, { sub: 'sanne', organisatie: 'gm0344', naam: 'Sanne Smit' });
  await page.click('a:has-text("Mijn vermelding")');
  await page.waitForSelector('h2:has-text("Vermelding maken")');
  await noViolations('empty form');

  // Submit with mistakes: the summary lists them, each field says what is wrong.
  await page.fill('#veld-functie', 'X');
  await page.fill('#veld-email', 'sanne@gmail.com');
  await page.click('button:has-text("Opslaan")');
  await page.waitForSelector('#foutenoverzicht');
  t.match(await page.textContent('#foutenoverzicht'), /Functie: Functie moet minstens 2 tekens hebben/);
  t.match(await page.textContent('#fout-email'), /werk-e-mailadres/);
  t.equal(await page.getAttribute('#veld-functie', 'aria-describedby'), 'fout-functie');
  t.equal(await page.inputValue('#veld-naam'), 'Sanne Smit', 'what was typed is kept');
  await noViolations('form with validation errors');

  await page.fill('#veld-functie', 'Schuldhulpverlener');
  await page.fill('#veld-email', 'sanne.smit@utrecht.nl');
  await page.click('summary:has-text("Beleidsdomeinen")');
  await page.check('#expertise-schulden');
  await page.click('button:has-text("Opslaan")');
  await page.waitForSelector('[role="status"]');
  t.match(await page.textContent('[role="status"]'), /opgeslagen/);
  await noViolations('own entry');
  const [row] = await database.sql`SELECT functie, eigenaar_subject FROM professionals WHERE email = 'sanne.smit@utrecht.nl'`;
  t.match(row, { functie: 'Schuldhulpverlener', eigenaar_subject: 'sanne' });

  // Keyboard only: from the top of the page to the function field, change it, save with Enter.
  await page.goto(`${base}/mijn-vermelding`);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id === 'veld-functie')) break;
  }
  t.equal(await page.evaluate(() => document.activeElement?.id), 'veld-functie', 'reached the field with Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Casusregisseur');
  await Promise.all([page.waitForURL(/melding=opgeslagen/), page.keyboard.press('Enter')]);
  const [edited] = await database.sql`SELECT functie, versie FROM professionals WHERE email = 'sanne.smit@utrecht.nl'`;
  t.match(edited, { functie: 'Casusregisseur', versie: 2 }, 'saved through the keyboard');

  await page.click('button:has-text("Mijn gegevens kloppen nog")');
  await page.waitForURL(/melding=bevestigd/);
  t.match(await page.textContent('[role="status"]'), /bevestigd/);

  const download = await page.request.get(`${base}/mijn-vermelding/gegevens`);
  t.equal(download.status(), 200);
  t.match(await download.json(), { persoon: { subject: 'sanne' }, vermeldingen: [{ functie: 'Casusregisseur', eigen: true }] });

  await page.click('button:has-text("Vermelding verwijderen")');
  await page.waitForSelector('#fout-verwijderen');
  t.match(await page.textContent('#fout-verwijderen'), /Vink aan dat je je vermelding echt wilt verwijderen/, 'the confirmation box is required, said in Dutch by the server');
  await page.check('#veld-verwijderen');
  await page.click('button:has-text("Vermelding verwijderen")');
  await page.waitForURL(/melding=verwijderd/);
  const [gone] = await database.sql`SELECT count(*)::int AS n FROM professionals WHERE email = 'sanne.smit@utrecht.nl'`;
  t.equal(gone?.n, 0, 'deleted');
  await context.close();
});
