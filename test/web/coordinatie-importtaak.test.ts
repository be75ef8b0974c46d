import t from 'tap';
import { expectAccessible, newContext, openPage, signIn, startSite } from './browser.js';

/** Issue 16, F9 on the page (issue 14, point 9): a large file becomes an import job with a progress bar. */

const noHorizontalScroll = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

t.test('a large file as a job: progress page, then the report with focus; without JavaScript the page refreshes itself', { timeout: 120_000 }, async (t) => {
  const { database, base, browser } = await startSite(t, { env: { IMPORT_JOB_ROWS: '20' } });
  const { context, page, noViolations } = await openPage(t, browser);
  await signIn(page, base, { sub: 'coord', organisatie: 'gm0599', naam: 'Carla', rollen: ['coordinator'] });
  await page.goto(`${base}/coordinatie`);
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
