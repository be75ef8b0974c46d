import t from 'tap';
import { newContext, openPage, signIn, startSite } from './browser.js';
import { castOf, people } from '../helpers/people.js';
import { screenshot } from '../helpers/screenshot.js';

/**
 * Walk of session 7, journey 3 point 10: a save that comes after someone else's said "formulier: … (je stuurde
 * versie 1)" and a second Opslaan then overwrote the other change unseen. Now the page says it in plain Dutch, shows
 * per field what is stored beside what was typed, keeps what was typed, and saves on top only when asked again.
 */

const noSideways = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

t.test('coordination edit page: two tabs, the later save shows the difference and overwrites only when asked', { timeout: 90_000 }, async (t) => {
  const site = await startSite(t);
  const { database, base, browser, app } = site;
  const cast = await castOf(site);
  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: { naam: 'Sanne Verhoeven', functie: 'Consulent', rolniveau: 'specialist', expertisegebieden: ['schulden'], email: 'sanne@rotterdam.nl', organisatie: 'gm0599' } });
  t.equal(created.statusCode, 201);
  const id = created.json<{ id: string }>().id;

  const { context, page: tabA, noViolations } = await openPage(t, browser);
  await signIn(tabA, base, { sub: people.coordinatorRotterdam.sub, organisatie: 'gm0599', naam: 'Ruud' });
  const editUrl = `${base}/coordinatie/vermelding/${id}?organisatie=gm0599`;
  const tabB = await context.newPage();
  await tabA.goto(editUrl);
  await tabB.goto(editUrl);
  const list = await context.newPage();
  await list.goto(`${base}/coordinatie?organisatie=gm0599`);

  await tabA.fill('#veld-functie', 'Casusregisseur');
  await tabA.click('button:has-text("Opslaan")');
  await tabA.waitForURL(/melding=opgeslagen/);

  await tabB.fill('#veld-afdeling', 'Schuldhulp');
  const [response] = await Promise.all([tabB.waitForResponse((r) => r.request().method() === 'POST'), tabB.click('button:has-text("Opslaan")')]);
  t.equal(response.status(), 409, 'the late save is refused');
  const melding = (await tabB.textContent('#wijzigingsconflict')) ?? '';
  t.match(melding, /Iemand anders heeft deze vermelding gewijzigd nadat jij haar opende/);
  t.match(melding, /Je wijzigingen zijn nog niet opgeslagen/);
  t.notMatch(melding, /formulier:|versie/i, 'no raw field label, no version number');
  const rows = await tabB.$$eval('.mr-verschil', (els) => els.map((el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
  t.same(rows, ['Functie Nu opgeslagen: Casusregisseur Jouw invoer: Consulent', 'Afdeling Nu opgeslagen: (leeg) Jouw invoer: Schuldhulp'], 'only the fields that differ, stored beside typed');
  t.equal(await tabB.inputValue('#veld-afdeling'), 'Schuldhulp', 'what was typed stays in the form');
  t.equal(await tabB.getAttribute('a:has-text("De huidige vermelding laden")', 'href'), `/coordinatie/vermelding/${id}?organisatie=gm0599`);
  t.equal(await tabB.evaluate(() => document.activeElement?.id), 'wijzigingsconflict', 'the message takes the focus');
  await noViolations('edit conflict');
  const [still] = await database.sql`SELECT functie, afdeling, versie FROM professionals WHERE id = ${id}`;
  t.match(still, { functie: 'Casusregisseur', afdeling: null, versie: 2 }, 'nothing overwritten yet');

  // At 320 px nothing scrolls sideways.
  await tabB.setViewportSize({ width: 320, height: 800 });
  t.ok(await noSideways(tabB), 'the conflict reads at 320 px');

  // Saving again is the deliberate choice, on top of the version just shown.
  await tabB.click('button:has-text("Mijn invoer toch opslaan")');
  await tabB.waitForURL(/melding=opgeslagen/);
  const [saved] = await database.sql`SELECT functie, afdeling, versie FROM professionals WHERE id = ${id}`;
  t.match(saved, { functie: 'Consulent', afdeling: 'Schuldhulp', versie: 3 });

  // A row button on a list opened before those saves: said beside the list, not as an error page with versions.
  await list.click('button[formaction^="/coordinatie/status/"]');
  await list.waitForURL(/melding=intussen-gewijzigd/);
  t.match(await list.textContent('.mr-melding'), /Sanne Verhoeven is intussen door iemand anders gewijzigd; er is niets veranderd\./);
  const [status] = await database.sql`SELECT status FROM professionals WHERE id = ${id}`;
  t.equal(status!.status, 'actief');
  await context.close();
});

t.test('Mijn vermelding without JavaScript at 320 px: a coordinator changed it meanwhile; reload shows theirs', { timeout: 90_000 }, async (t) => {
  const site = await startSite(t);
  const { base, browser, app } = site;
  const cast = await castOf(site);
  const owner = await site.auth({ sub: 'eva', organisatie: 'gm0363', naam: 'Eva de Boer' });
  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: owner, payload: { naam: 'Eva de Boer', functie: 'Consulent', rolniveau: 'specialist', expertisegebieden: ['schulden'], email: 'eva@amsterdam.nl' } });
  t.equal(created.statusCode, 201);
  const id = created.json<{ id: string }>().id;

  const context = await newContext(browser, { javaScriptEnabled: false, width: 320 });
  const page = await context.newPage();
  await signIn(page, base, { sub: 'eva', organisatie: 'gm0363', naam: 'Eva de Boer' });
  await page.goto(`${base}/mijn-vermelding`);
  const patched = await app.inject({ method: 'PATCH', url: `/api/v1/professionals/${id}`, headers: { ...cast.coordinatorAmsterdam, 'if-match': '"1"' }, payload: { rolniveau: 'coordinatie' } });
  t.equal(patched.statusCode, 200);

  await page.fill('#veld-telefoon', '020 123 4567');
  await page.click('button:has-text("Opslaan")');
  await page.waitForSelector('#wijzigingsconflict');
  const rows = await page.$$eval('.mr-verschil', (els) => els.map((el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
  t.same(rows, ['Rolniveau Nu opgeslagen: Coördinatie Jouw invoer: Specialist', 'Telefoonnummer Nu opgeslagen: (leeg) Jouw invoer: 020 123 4567']);
  t.notMatch(await page.textContent('main'), /formulier:|je stuurde versie/);
  t.ok(await noSideways(page), 'reads at 320 px');
  await screenshot(page, 'mv-phone-nojs-wijzigingsconflict.png', { fullPage: false });

  // The API still answers a stale If-Match with its 412 problem.
  const stale = await app.inject({ method: 'PATCH', url: `/api/v1/professionals/${id}`, headers: { ...owner, 'if-match': '"1"' }, payload: { functie: 'Adviseur' } });
  t.match(stale.json(), { status: 412, detail: /intussen gewijzigd/ });

  await page.click('a:has-text("De huidige vermelding laden")');
  await page.waitForSelector('h2:has-text("Gegevens wijzigen")');
  t.equal(await page.locator('#wijzigingsconflict').count(), 0);
  t.equal(await page.inputValue('#veld-rolniveau'), 'coordinatie', 'the coordinator’s change is shown');
  t.equal(await page.inputValue('#veld-telefoon'), '', 'what was typed is dropped, as the link said');
  await context.close();
});
