import t from 'tap';
import { newContext, openPage, signIn, startSite } from './browser.js';
import { castOf, people } from '../helpers/people.js';

/** Issue 14, point 10: coordinators edit entries of their organisation on the web, as the API allows. */


t.test('edit an entry of the own organisation on the web; not one of another organisation', { timeout: 120_000 }, async (t) => {
  const site = await startSite(t);
  const { database, base, browser, app } = site;
  const cast = await castOf(site);
  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: { naam: 'Sanne Verhoeven', functie: 'Consulent', rolniveau: 'specialist', expertisegebieden: ['schulden'], email: 'sanne@rotterdam.nl', organisatie: 'gm0599' } });
  t.equal(created.statusCode, 201);
  const first = 'Sanne Verhoeven';
  const { page, noViolations } = await openPage(t, browser);
  await signIn(page, base, { sub: people.coordinatorRotterdam.sub, organisatie: 'gm0599', naam: 'Ruud' });
  await page.goto(`${base}/coordinatie`);
  // Edit an entry of the organisation, as the API allows.
  await page.click(`a:has-text("Bewerken ${first}")`);
  await page.waitForSelector(`h1:has-text("${first} bewerken")`);
  await noViolations('edit page');
  await page.fill('#veld-functie', 'Casusregisseur');
  await page.click('button:has-text("Opslaan")');
  await page.waitForURL(/melding=opgeslagen/);
  const [edited] = await database.sql`SELECT functie, versie FROM professionals WHERE naam = ${first}`;
  t.match(edited, { functie: 'Casusregisseur', versie: 2 });

  // A coordinator of another organisation may not open it.
  const [entry] = await database.sql<{ id: string }[]>`SELECT id FROM professionals WHERE naam = ${first}`;
  const other = await newContext(browser);
  const otherPage = await other.newPage();
  await signIn(otherPage, base, { sub: people.coordinatorAmsterdam.sub, organisatie: 'gm0363' });
  const refused = await otherPage.goto(`${base}/coordinatie/vermelding/${entry!.id}?organisatie=gm0363`);
  t.equal(refused?.status(), 403);
  await other.close();

});
