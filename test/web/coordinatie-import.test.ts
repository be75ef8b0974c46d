import t from 'tap';
import { expectAccessible, newContext, openPage, signIn, startSite } from './browser.js';

/** Issue 14, point 9 (and issue 16, F9 on the page): importing from a file as a coordinator would. */

const noHorizontalScroll = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

t.test('import from a file: template, allowed values, values as people write them, errors at the top with focus; a large file as a job with progress', { timeout: 120_000 }, async (t) => {
  const { database, base, browser } = await startSite(t, { env: { IMPORT_JOB_ROWS: '20' } });
  const { context, page, noViolations } = await openPage(t, browser);
  await signIn(page, base, { sub: 'coord', organisatie: 'gm0599', naam: 'Carla', rollen: ['coordinator'] });
  await page.goto(`${base}/coordinatie`);

  // The template: a header and two example rows that themselves import cleanly.
  const template = await page.request.get(`${base}/coordinatie/import/sjabloon.csv`);
  t.match(template.headers()['content-disposition'], /attachment; filename="maatwerkregister-importsjabloon.csv"/);
  const templateText = await template.text();
  t.equal(templateText.trim().split(/\r\n/).length, 3, 'header and two example rows');
  await page.setInputFiles('#bestand', { name: 'sjabloon.csv', mimeType: 'text/csv', buffer: Buffer.from(templateText) });
  await page.click('button:has-text("Controleren (proefrun)")');
  await page.waitForSelector('#importrapport');
  t.match(await page.textContent('#importrapport'), /Proefrun geslaagd\s*Bij importeren worden 2 nieuw/, 'the template passes a dry run');

  // The allowed values: levels, visibility and every expertise code with its name.
  await page.click('a:has-text("Toegestane waarden")');
  await page.waitForSelector('h1:has-text("Toegestane waarden")');
  const reference = (await page.textContent('main')) ?? '';
  for (const value of ['uitvoering', 'specialist', 'bestuur', 'alle-professionals', 'eigen-organisatie', 'participatiewet', 'Participatiewet en bijstand', 'maatwerkplaats']) {
    t.ok(reference.includes(value), `the reference lists ${value}`);
  }
  await noViolations('allowed values');

  // A file written as people write it, with one unknown level on line 4: named in plain Dutch, at the top, focused.
  await page.goto(`${base}/coordinatie`);
  const rows = [
    'Naam;Functie;E-mail;Rolniveau;Expertisegebieden',
    'Piet Jansen;Klantmanager;piet@rotterdam.nl;Specialist;Participatiewet',
    'Anna de Vries;Consulent;anna@rotterdam.nl;uitvoering;"Schulden en schuldhulpverlening; Pw"',
    'Xander Bos;Consulent;xander@rotterdam.nl;Expert;bijstand',
  ];
  await page.setInputFiles('#bestand', { name: 'medewerkers.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await page.click('button:has-text("Importeren")');
  await page.waitForSelector('#importrapport');
  t.match(await page.textContent('#importrapport'), /niets geïmporteerd: 1 regel bevat fouten/);
  t.match(await page.textContent('#importrapport'), /Regel 4, rolniveau: 'Expert' bestaat niet; kies uitvoering, specialist, coordinatie, management of bestuur\./);
  t.equal(await page.evaluate(() => document.activeElement?.id), 'importrapport', 'focus is on the report');
  const reportTop = await page.evaluate(() => document.getElementById('importrapport')!.getBoundingClientRect().top);
  t.ok(reportTop >= 0 && reportTop < 900, 'the report is in view');
  await noViolations('import report with errors');
  const [none] = await database.sql`SELECT count(*)::int AS n FROM professionals WHERE organisatie_code = 'gm0599'`;
  t.equal(none?.n, 0, 'nothing applied');

  await page.setInputFiles('#bestand', { name: 'medewerkers.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n').replace(';Expert;', ';Coördinatie;')) });
  await page.click('button:has-text("Importeren")');
  await page.waitForSelector('#importrapport');
  t.match(await page.textContent('#importrapport'), /Geïmporteerd: 3 nieuw/);
  const levels = await database.sql`SELECT email, rolniveau FROM professionals WHERE organisatie_code = 'gm0599' ORDER BY email`;
  t.same(levels.map((r) => `${r.email}:${r.rolniveau}`), ['anna@rotterdam.nl:uitvoering', 'piet@rotterdam.nl:specialist', 'xander@rotterdam.nl:coordinatie']);

  // A file above the threshold becomes a job: a progress page, then the report with focus (JavaScript polling).
  const large = ['naam,functie,email,rolniveau,expertisegebieden', ...Array.from({ length: 60 }, (_, i) => `Medewerker ${i},Consulent,m${i}@rotterdam.nl,specialist,schulden`)].join('\n');
  await page.setInputFiles('#bestand', { name: 'groot.csv', mimeType: 'text/csv', buffer: Buffer.from(large) });
  await page.click('button:has-text("Importeren")');
  await page.waitForURL(/\/coordinatie\/import\/[0-9a-f-]{36}/);
  await page.waitForSelector('#importtaak[data-klaar] #importrapport', { timeout: 30_000 });
  t.match(await page.textContent('#importrapport'), /Geïmporteerd: 60 nieuw/);
  t.equal(await page.evaluate(() => document.activeElement?.id), 'importrapport', 'focus moves to the report when the job is done');
  await noViolations('import job done');
  const jobUrl = page.url();
  await context.close();

  // Without JavaScript: the page refreshes itself (noscript meta refresh) and has a refresh link while running.
  const [job] = await database.sql<{ id: string }[]>`SELECT id FROM importtaken ORDER BY aangemaakt_op DESC LIMIT 1`;
  await database.sql`UPDATE importtaken SET status = 'bezig', fase = 'toepassen', verwerkt = 30, klaar_op = NULL, rapport = NULL WHERE id = ${job!.id}`;
  const noJs = await newContext(browser, { javaScriptEnabled: false, width: 320 });
  const plain = await noJs.newPage();
  await signIn(plain, base, { sub: 'coord', organisatie: 'gm0599', naam: 'Carla', rollen: ['coordinator'] });
  await plain.goto(jobUrl);
  t.equal(await plain.getAttribute('progress#voortgang', 'value'), '50', 'the bar shows the progress (halfway through writing)');
  t.ok(await plain.$('a:has-text("Vernieuwen")'), 'a refresh link');
  t.ok(await noHorizontalScroll(plain), 'no horizontal scroll at 320 px');
  // axe itself needs JavaScript: the same running state is checked with it, at 320 px.
  const withJs = await newContext(browser, { width: 320 });
  const checked = await withJs.newPage();
  await signIn(checked, base, { sub: 'coord', organisatie: 'gm0599', naam: 'Carla', rollen: ['coordinator'] });
  await checked.goto(jobUrl);
  await checked.waitForSelector('progress#voortgang');
  await expectAccessible(t, checked, 'import job running, 320 px');
  await withJs.close();
  await database.sql`UPDATE importtaken SET status = 'klaar', klaar_op = now(), rapport = ${JSON.stringify({ proefrun: false, aangemaakt: 60, bijgewerkt: 0, ongewijzigd: 0, fouten: [] })}::jsonb WHERE id = ${job!.id}`;
  await plain.waitForSelector('#importrapport', { timeout: 15_000 });
  t.match(await plain.textContent('#importrapport'), /Geïmporteerd: 60 nieuw/, 'the refreshed page shows the outcome');
  await plain.goto(`${base}/coordinatie`);
  t.ok(await noHorizontalScroll(plain), 'the coordination page has no horizontal scroll at 320 px');
  await noJs.close();
});
