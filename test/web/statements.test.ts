import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { toegankelijkheid } from '../../src/web/toegankelijkheid.js';
import { buildTestApp } from '../helpers/app.js';
import { baseUrl, expectAccessible, launch, newContext, signIn } from './browser.js';
import { screenshot } from '../helpers/screenshot.js';

/**
 * Issue 14, point 17: the accessibility statement follows Digitoegankelijk's model statement (its sections, the
 * current status, the known issues) and stays true; the privacy statement names the controller, the legal basis
 * per purpose, retention, the data protection officer and the complaint route to the Autoriteit Persoonsgegevens,
 * and offers the personal-data export as a download. Who is named comes from the configuration of the deployment.
 */

function testFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? testFiles(full) : full.endsWith('.test.ts') ? [full] : [];
  });
}

t.test('the accessibility statement stays true', async (t) => {
  const tests = testFiles('test').map((file) => readFileSync(file, 'utf8'));
  for (const maatregel of toegankelijkheid.maatregelen) {
    t.ok(tests.some((source) => source.includes(maatregel.bewijs)), `measure backed by a test that runs on every change: "${maatregel.bewijs}"`);
  }
  const ageDays = (Date.now() - Date.parse(toegankelijkheid.herzien)) / 86_400_000;
  t.ok(ageDays >= -1 && ageDays <= 365, `reviewed within the last year (${toegankelijkheid.herzien}); review it and update the known issues`);
  t.ok(toegankelijkheid.opgesteld <= toegankelijkheid.herzien, 'drawn up before it was reviewed');
  // Below A either something known is wrong, or the status rests on the evaluation that is still to be done.
  t.ok(toegankelijkheid.status === 'A' || toegankelijkheid.bekendeBeperkingen.length > 0 || !toegankelijkheid.onderzoek.uitgevoerd, 'a status below A lists what is wrong, or has no evaluation yet');
  t.ok(toegankelijkheid.status > 'B' || toegankelijkheid.onderzoek.uitgevoerd, 'status A or B only with a completed evaluation');
});

t.test('the statements in Chromium', { timeout: 100_000 }, async (t) => {
  const { app } = await buildTestApp(t, {
    VERWERKINGSVERANTWOORDELIJKE: 'Gemeente Voorbeeldstad',
    VERWERKINGSVERANTWOORDELIJKE_ADRES: 'Postbus 1, 1000 AA Voorbeeldstad',
    VERWERKINGSVERANTWOORDELIJKE_CONTACT: 'privacy@voorbeeldstad.nl',
    FG_NAAM: 'Frieda de Gegevensbeschermer',
    FG_CONTACT: 'fg@voorbeeldstad.nl',
    TOEGANKELIJKHEID_CONTACT: 'https://voorbeeldstad.nl/toegankelijkheid-melden',
    BEVESTIGING_GELDIG_MAANDEN: '9',
    RETENTIE_MAANDEN: '3',
    ZOEKLOG_BEWAAR_DAGEN: '30',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = baseUrl(app.server.address());
  const browser = await launch(t);

  t.test('toegankelijkheid: the sections of the model statement, the status, the known issues, the contact', async (t) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}/toegankelijkheid`);
    const headings = await page.locator('h2').allTextContents();
    t.same(headings, ['Nalevingsstatus', 'Onderzoek', 'Maatregelen', 'Bekende beperkingen', 'Feedback en contact', 'Handhavingsprocedure', 'Opstellen van deze verklaring'], 'the model’s sections');
    const text = (await page.textContent('main'))!.replace(/\s+/g, ' ');
    t.match(text, /Gemeente Voorbeeldstad wil dat iedereen het Maatwerkregister kan gebruiken/, 'the configured organisation');
    t.match(text, /Status C: eerste maatregelen genomen/, 'the current status');
    t.match(text, /WCAG 2\.1 niveau AA/);
    t.ok(text.includes(`Maatwerkregister op ${app.config.publicUrl}`), 'its scope: this deployment’s address');
    t.equal(await page.locator('#bekende-beperkingen ~ section h3').count(), toegankelijkheid.bekendeBeperkingen.length, 'every known issue');
    if (toegankelijkheid.bekendeBeperkingen.length === 0) t.match(text, /We kennen op dit moment geen onderdelen die niet toegankelijk zijn/, 'no known issues: said so, not an empty list');
    for (const beperking of toegankelijkheid.bekendeBeperkingen) {
      t.ok(text.includes(beperking.probleem), `known issue shown: ${beperking.probleem}`);
      const criterium: string | null = beperking.criterium;
      if (criterium) t.ok(text.includes(criterium), `with its success criterion ${String(criterium)}`);
    }
    t.equal(await page.getAttribute('a:has-text("voorbeeldstad.nl/toegankelijkheid-melden")', 'href'), 'https://voorbeeldstad.nl/toegankelijkheid-melden', 'the configured contact');
    t.ok(await page.locator('a[href="https://www.nationaleombudsman.nl"]').count(), 'the enforcement route');
    t.match(text, /opgesteld op 2 december 2026/);
    await expectAccessible(t, page, 'toegankelijkheid');
    await screenshot(page, 'inloggen-toegankelijkheidsverklaring.png', { fullPage: true });
    await page.setViewportSize({ width: 320, height: 800 });
    t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scrolling at 320 px');
    await context.close();
  });

  t.test('privacy: controller, legal basis and retention per purpose, DPO, complaint route; the export as a download', async (t) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}/privacy`);
    const text = (await page.textContent('main'))!.replace(/\s+/g, ' ');
    t.match(text, /Verwerkingsverantwoordelijke is Gemeente Voorbeeldstad, Postbus 1, 1000 AA Voorbeeldstad/, 'the controller');
    const purposes = page.locator('#doelen ~ section');
    t.ok((await purposes.count()) >= 4, 'several purposes');
    for (const purpose of await purposes.all()) {
      const dts = await purpose.locator('dt').allTextContents();
      t.same(dts, ['Gegevens', 'Grondslag', 'Bewaartermijn'], `${await purpose.locator('h3').textContent()}: data, legal basis, retention`);
      t.match(await purpose.locator('dd').nth(1).textContent(), /artikel 6 lid 1 onder [ce] AVG/, 'a legal basis of article 6');
    }
    t.match(text, /Is ze 9 maanden niet bevestigd, dan is ze niet meer vindbaar; 3 maanden later wordt ze verwijderd/, 'retention from the configuration');
    t.match(text, /30 dagen/, 'search log retention from the configuration');
    t.match(text, /Frieda de Gegevensbeschermer: fg@voorbeeldstad\.nl/, 'the data protection officer');
    t.equal(await page.getAttribute('a:has-text("fg@voorbeeldstad.nl")', 'href'), 'mailto:fg@voorbeeldstad.nl');
    t.ok(await page.locator('a[href="https://www.autoriteitpersoonsgegevens.nl"]:has-text("Autoriteit Persoonsgegevens")').count(), 'the complaint route');
    t.ok(await page.locator('a[href="/inloggen?terug=%2Fprivacy"]').count(), 'signed out: sign in to download');
    await expectAccessible(t, page, 'privacy, signed out');

    await signIn(page, base, { sub: 'sanne', organisatie: 'gm0344', naam: 'Sanne Smit' });
    await page.goto(`${base}/privacy`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Download al je gegevens (JSON)")')]);
    t.equal(download.suggestedFilename(), 'maatwerkregister-mijn-gegevens.json', 'a file download');
    const saved = readFileSync((await download.path()), 'utf8');
    t.match(JSON.parse(saved), { persoon: { subject: 'sanne' } }, 'holding what the register keeps about the person');
    await expectAccessible(t, page, 'privacy, signed in');
    await screenshot(page, 'inloggen-privacyverklaring.png', { fullPage: true });
    await page.setViewportSize({ width: 320, height: 800 });
    t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scrolling at 320 px');
    await context.close();
  });
});
