import t from 'tap';
import { openPage, signIn, startSite } from './browser.js';

/**
 * Issue 14, point 9: a file over the import limit was answered with a JSON 413 that left the coordinator on a
 * blank technical page. Now the coordination page comes back with the form and, in the report's place, what the
 * limit is and what to do.
 */

t.test('a file over the limit: the page with the form and a plain explanation, nothing imported', async (t) => {
  const { database, base, browser } = await startSite(t, { env: { IMPORT_BODY_LIMIT: '4096' } });
  const { context, page, noViolations } = await openPage(t, browser);
  await signIn(page, base, { sub: 'coord', organisatie: 'gm0599', naam: 'Carla', rollen: ['coordinator'] });
  await page.goto(`${base}/coordinatie`);

  const rows = ['naam;functie;email;rolniveau;expertisegebieden', ...Array.from({ length: 200 }, (_, i) => `Medewerker ${i};Consulent;m${i}@rotterdam.nl;uitvoering;participatiewet`)];
  await page.setInputFiles('#bestand', { name: 'groot.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/coordinatie/import')), page.click('button:has-text("Importeren")')]);
  t.equal(response.status(), 413, 'still a 413 for programs that look');
  t.match(response.headers()['content-type'], /^text\/html/, 'but a page');
  await page.waitForSelector('#importrapport');
  t.match(await page.textContent('#importrapport'), /Er is niets geïmporteerd\s*Het bestand is groter dan 4 kB, de grens voor één import\. Splits het/);
  t.notMatch(await page.textContent('#importrapport'), /Regel 0/, 'no line number for the file as a whole');
  t.equal(await page.evaluate(() => document.activeElement?.id), 'importrapport', 'focus is on the explanation');
  t.ok(await page.isVisible('#bestand'), 'the form is there to choose a smaller file');
  await noViolations('import refused as too large');
  const [none] = await database.sql`SELECT count(*)::int AS n FROM professionals WHERE organisatie_code = 'gm0599'`;
  t.equal(none?.n, 0, 'nothing applied');
  await context.close();
});
