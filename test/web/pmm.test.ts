import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { openPage, signIn, startSite } from './browser.js';

t.test('PMM pages: case routing and insights, accessible', { timeout: 120_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries: contractEntries });
  const { context, page, noViolations } = await openPage(t, browser);

  await signIn(page, base, { sub: 'desk', organisatie: 'pmm', naam: 'Petra', rollen: ['pmm'] });
  await page.click('a:has-text("Casusroutering")');
  await page.waitForSelector('h1:has-text("Casusroutering")');
  await noViolations('routing form');

  await page.selectOption('#organisaties', ['gm0599', 'zb000143', 'gm0014']);
  await page.selectOption('#expertisegebieden', ['participatiewet', 'aow']);
  await page.selectOption('#gewenstRolniveau', 'uitvoering');
  await page.click('button:has-text("Contacten zoeken")');
  await page.waitForSelector('#resultaat-kop');
  const blocks = await page.$$eval('article h3', (nodes) => nodes.map((n) => n.textContent));
  t.same(blocks.sort(), ['Groningen', 'Rotterdam', 'Sociale Verzekeringsbank'].sort());
  t.match(await page.textContent('main'), /Pieter Jansen/);
  t.match(await page.textContent('main'), /Bas Bos/, 'the pmm-only contact is routed to the desk');
  t.match(await page.textContent('main'), /Geen actuele contactpersoon/);
  await noViolations('routing result');

  await page.goto(`${base}/casusroutering?organisaties=gm0599`);
  t.match(await page.textContent('#foutenoverzicht'), /minstens 1/);
  await noViolations('routing with a validation error');

  await page.click('a:has-text("Inzichten")');
  await page.waitForSelector('h1:has-text("Inzichten")');
  t.match(await page.textContent('main'), /organisaties zonder actueel contact/);
  t.ok(await page.$('svg[role="img"] title'), 'the chart has a title');
  await noViolations('insights');
  const csv = await page.request.get(`${base}/inzichten/dekking.csv?type=gemeente`);
  t.match(await csv.text(), /organisatie;naam;type;provincie/);

  await context.clearCookies();
  await signIn(page, base, { sub: 'niemand', organisatie: 'gm0599' });
  t.equal((await page.goto(`${base}/casusroutering`))?.status(), 403);
  t.equal((await page.goto(`${base}/inzichten`))?.status(), 403);
  await context.close();
});
