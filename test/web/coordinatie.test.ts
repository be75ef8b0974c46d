import t from 'tap';
import { openPage, signIn, startSite } from './browser.js';

const csv = (rows: string[]) => ['naam,functie,email,rolniveau,expertisegebieden', ...rows].join('\n');

t.test('coordinatie: verify an entry, import with a faulty row (nothing applied), then the fixed file', { timeout: 120_000 }, async (t) => {
  const { database, base, browser } = await startSite(t);
  const { context, page, noViolations } = await openPage(t, browser);

  await signIn(page, base, { sub: 'coord', organisatie: 'gm0599', naam: 'Carla', rollen: ['coordinator'] });
  await page.click('a:has-text("Coördinatie")');
  await page.waitForSelector('h1:has-text("Coördinatie: Rotterdam")');
  await noViolations('coordination page, empty');

  // A team entry through the form.
  await page.fill('#veld-naam', 'Maatwerkplaats Rotterdam');
  await page.fill('#veld-functie', 'Maatwerkplaats');
  await page.fill('#veld-email', 'maatwerkplaats@rotterdam.nl');
  await page.click('summary:has-text("Methoden")');
  await page.check('#expertise-maatwerkplaats');
  await page.click('button:has-text("Toevoegen")');
  await page.waitForURL(/melding=toegevoegd/);
  t.match(await page.textContent('table'), /Maatwerkplaats Rotterdam \(team\)/);

  // Import: one faulty row out of three: the report names it and nothing is applied.
  const faulty = csv(['Piet Jansen,Klantmanager,piet@rotterdam.nl,uitvoering,participatiewet', 'X,Klantmanager,x@rotterdam.nl,uitvoering,participatiewet', 'Anna de Vries,Consulent,anna@rotterdam.nl,specialist,schulden']);
  await page.fill('#csv', faulty);
  await page.click('button:has-text("Importeren")');
  await page.waitForSelector('#importrapport');
  t.match(await page.textContent('#importrapport'), /niets geïmporteerd: 1 regel bevat fouten/);
  t.match(await page.textContent('#importrapport ul'), /Regel 3, naam: Naam moet minstens 2 tekens hebben/);
  await noViolations('import report with errors');
  const [before] = await database.sql`SELECT count(*)::int AS n FROM professionals WHERE organisatie_code = 'gm0599'`;
  t.equal(before?.n, 1, 'nothing applied');

  const fixed = faulty.replace('X,Klantmanager', 'Xander Bos,Klantmanager');
  await page.fill('#csv', fixed);
  await page.click('button:has-text("Controleren (proefrun)")');
  await page.waitForSelector('#importrapport');
  t.match(await page.textContent('#importrapport'), /Proefrun geslaagd\s*Bij importeren worden 3 nieuw/);
  await page.click('button:has-text("Importeren")');
  await page.waitForSelector('#importrapport');
  t.match(await page.textContent('#importrapport'), /Geïmporteerd: 3 nieuw, 0 bijgewerkt/);
  const [after] = await database.sql`SELECT count(*)::int AS n FROM professionals WHERE organisatie_code = 'gm0599'`;
  t.equal(after?.n, 4, 'the fixed file applied fully');

  // Verify one entry with one click; deactivate another.
  await page.goto(`${base}/coordinatie?organisatie=gm0599&verificatie=ontbreekt`);
  t.match(await page.textContent('caption'), /4 vermeldingen/);
  await page.click('button:has-text("Verifiëren Anna de Vries")');
  await page.waitForURL(/melding=geverifieerd/);
  await page.goto(`${base}/coordinatie?organisatie=gm0599&verificatie=ontbreekt`);
  t.match(await page.textContent('caption'), /3 vermeldingen/, 'verified: no longer in the unverified list');
  await page.goto(`${base}/coordinatie?organisatie=gm0599`);
  await page.click('button:has-text("Deactiveren Piet Jansen")');
  await page.waitForURL(/melding=gedeactiveerd/);
  const [piet] = await database.sql`SELECT status FROM professionals WHERE email = 'piet@rotterdam.nl'`;
  t.equal(piet?.status, 'inactief');
  await noViolations('coordination page with entries');

  // Someone without the role is told so.
  await context.clearCookies();
  await signIn(page, base, { sub: 'gewoon', organisatie: 'gm0599' });
  const response = await page.goto(`${base}/coordinatie`);
  t.equal(response?.status(), 403);
  await noViolations('no access');
  await context.close();
});
