import t from 'tap';
import type { Page } from 'playwright-core';
import { expectAccessible, newContext, openPage, signIn, startSite } from './browser.js';
import { castOf, people } from '../helpers/people.js';

/** Issue 14, point 11: the werkgebied chosen by name, not by code. */

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

t.test('werkgebied by name: type to filter, chosen ones shown by name, with and without JavaScript', { timeout: 120_000 }, async (t) => {
  const site = await startSite(t);
  const { database, base, browser, app } = site;
  const cast = await castOf(site);
  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: { naam: 'Sanne Verhoeven', functie: 'Consulent', rolniveau: 'specialist', expertisegebieden: ['schulden'], email: 'sanne@rotterdam.nl', organisatie: 'gm0599' } });
  t.equal(created.statusCode, 201);
  const id = created.json().id as string;

  const { page, noViolations } = await openPage(t, browser);
  await signIn(page, base, { sub: people.coordinatorRotterdam.sub, organisatie: 'gm0599' });
  await page.goto(`${base}/coordinatie/vermelding/${id}?organisatie=gm0599`);
  t.equal(await page.getAttribute('#veld-werkgebied-nieuw', 'list'), 'werkgebied-opties');
  t.ok(await page.$('#werkgebied-opties option[value="Tilburg (gemeente)"]'), 'gemeenten are offered by name');
  t.ok(await page.$('#werkgebied-opties option[value="Utrecht (provincie)"]'), 'provinces too');
  t.ok(await page.$('#werkgebied-opties option[value="Utrecht (gemeente)"]'), 'a gemeente and a province of one name are told apart');
  await page.fill('#veld-werkgebied-nieuw', 'Tilburg (gemeente)');
  await page.click('button:has-text("Opslaan")');
  await page.waitForURL(/melding=opgeslagen/);
  let [row] = await database.sql`SELECT werkgebied FROM professionals WHERE id = ${id}`;
  t.same(row?.werkgebied, ['gm0855'], 'stored as the gemeente code');

  await page.goto(`${base}/coordinatie/vermelding/${id}?organisatie=gm0599`);
  t.equal(await page.textContent('label[for="werkgebied-0"]'), 'Tilburg (gemeente)', 'shown by name, not by code');
  await page.fill('#veld-werkgebied-nieuw', 'Atlantis');
  await page.click('button:has-text("Opslaan")');
  await page.waitForSelector('#foutenoverzicht');
  t.match(await page.textContent('#foutenoverzicht'), /Atlantis" is geen bekende provincie of gemeente/);
  await noViolations('werkgebied error');

  // Without JavaScript, at 320 px: add a province by name, untick the gemeente.
  const noJs = await newContext(browser, { javaScriptEnabled: false, width: 320 });
  const plain = await noJs.newPage();
  await signIn(plain, base, { sub: people.coordinatorRotterdam.sub, organisatie: 'gm0599' });
  await plain.goto(`${base}/coordinatie/vermelding/${id}?organisatie=gm0599`);
  t.ok(await noHorizontalScroll(plain), 'no horizontal scroll at 320 px');
  await plain.uncheck('#werkgebied-0');
  await plain.fill('#veld-werkgebied-nieuw', 'zuid-holland');
  await plain.click('button:has-text("Opslaan")');
  await plain.waitForURL(/melding=opgeslagen/);
  [row] = await database.sql`SELECT werkgebied FROM professionals WHERE id = ${id}`;
  t.same(row?.werkgebied, ['Zuid-Holland']);
  await noJs.close();

  // The owner's own form offers the same.
  await page.goto(`${base}/coordinatie?organisatie=gm0599`);
  t.ok(await page.$('#veld-werkgebied-nieuw[list="werkgebied-opties"]'), 'the add-entry form has the werkgebied by name');
  await expectAccessible(t, page, 'coordination page with the werkgebied field');
});
