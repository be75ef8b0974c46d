import t from 'tap';
import { openPage, signIn, startSite } from './browser.js';

/** Issue 14, point 9 (and issue 16, F9 on the page): importing from a file as a coordinator would. */

const noHorizontalScroll = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

t.test('import from a file: template, allowed values, values as people write them, errors at the top with focus', { timeout: 120_000 }, async (t) => {
  const { database, base, browser } = await startSite(t, { env: { IMPORT_JOB_ROWS: '20' } });
  const { context, page, noViolations } = await openPage(t, browser);
  await signIn(page, base, { sub: 'coord', organisatie: 'gm0599', naam: 'Carla', rollen: ['coordinator'] });
  await page.goto(`${base}/coordinatie`);

  // The template: a header and two example rows, valid but for being examples: left in, they are named, not imported.
  const template = await page.request.get(`${base}/coordinatie/import/sjabloon.csv`);
  t.match(template.headers()['content-disposition'], /attachment; filename="maatwerkregister-importsjabloon.csv"/);
  const templateText = await template.text();
  t.equal(templateText.trim().split(/\r\n/).length, 3, 'header and two example rows');
  await page.setInputFiles('#bestand', { name: 'sjabloon.csv', mimeType: 'text/csv', buffer: Buffer.from(templateText) });
  await page.click('button:has-text("Controleren (proefrun)")');
  await page.waitForSelector('#importrapport');
  const templateReport = (await page.textContent('#importrapport')) ?? '';
  t.match(templateReport, /Regel 2, email: Dit is een voorbeeldregel uit het sjabloon\. Verwijder deze regel/, 'the first example row is named');
  t.match(templateReport, /Regel 3, email: Dit is een voorbeeldregel/, 'and the second');
  t.notMatch(templateReport, /Regel [23], (?!email)/, 'nothing else is wrong with them');

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
  await page.setViewportSize({ width: 320, height: 800 });
  t.ok(await noHorizontalScroll(page), 'the report has no horizontal scroll at 320 px');
  await noViolations('import report with errors at 320 px');
  await page.setViewportSize({ width: 1280, height: 900 });
  const [none] = await database.sql`SELECT count(*)::int AS n FROM professionals WHERE organisatie_code = 'gm0599'`;
  t.equal(none?.n, 0, 'nothing applied');

  await page.setInputFiles('#bestand', { name: 'medewerkers.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n').replace(';Expert;', ';Coördinatie;')) });
  await page.click('button:has-text("Importeren")');
  await page.waitForSelector('#importrapport');
  t.match(await page.textContent('#importrapport'), /Geïmporteerd: 3 nieuw/);
  const levels = await database.sql`SELECT email, rolniveau FROM professionals WHERE organisatie_code = 'gm0599' ORDER BY email`;
  t.same(levels.map((r) => `${r.email}:${r.rolniveau}`), ['anna@rotterdam.nl:uitvoering', 'piet@rotterdam.nl:specialist', 'xander@rotterdam.nl:coordinatie']);

  await context.close();
});
