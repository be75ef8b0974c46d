import t from 'tap';
import { expectAccessible, newContext, startSite } from './browser.js';
import { castOf, people } from '../helpers/people.js';
import { screenshot } from '../helpers/screenshot.js';

/**
 * Walk of session 7, "Edits lost after signing out elsewhere": a form sent after signing out in another tab landed on
 * the sign-in page without a word, and signing out itself said nothing. Without JavaScript and at 320 px, as the
 * plainest browser sees it.
 */

t.test('signed out in another tab: the sign-out says so, a form sent later says it was not saved, signing in returns to it', { timeout: 90_000 }, async (t) => {
  const site = await startSite(t);
  const { database, base, browser, app } = site;
  const cast = await castOf(site);
  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: { naam: 'Sanne Verhoeven', functie: 'Consulent', rolniveau: 'specialist', expertisegebieden: ['schulden'], email: 'sanne@rotterdam.nl', organisatie: 'gm0599' } });
  t.equal(created.statusCode, 201);
  const id = created.json<{ id: string }>().id;

  const context = await newContext(browser, { javaScriptEnabled: false, width: 320 });
  const form = await context.newPage();
  const signInHere = async () => {
    await form.fill('#sub', people.coordinatorRotterdam.sub);
    await form.fill('#organisatie', 'gm0599');
    await form.click('button:has-text("Inloggen")');
  };
  await form.goto(`${base}/inloggen`);
  await signInHere();
  await form.waitForURL(`${base}/`);
  const editUrl = `${base}/coordinatie/vermelding/${id}?organisatie=gm0599`;
  await form.goto(editUrl);
  const list = await context.newPage();
  await list.goto(`${base}/coordinatie?organisatie=gm0599`);

  // Another tab signs out, and is told so.
  const other = await context.newPage();
  await other.goto(`${base}/`);
  await other.click('button:has-text("Uitloggen")');
  await other.waitForURL(/\/inloggen/);
  t.equal(await other.textContent('h1'), 'Je bent uitgelogd');
  t.match(await other.textContent('[role="status"]'), /Je bent uitgelogd\./);
  t.ok(await other.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'reads at 320 px');
  await screenshot(other, 'inloggen-phone-nojs-uitgelogd.png');

  // A row button on the list: the sign-in page says why, and leads back to the list (not to the POST's URL).
  await list.click('button[formaction^="/coordinatie/verificatie/"]');
  await list.waitForURL(/\/inloggen/);
  const listReturn = new URL(list.url());
  t.equal(listReturn.searchParams.get('terug'), '/coordinatie?organisatie=gm0599');
  t.match(await list.textContent('#sessie-melding'), /niet opgeslagen/);

  // The edit form: not saved, and said so plainly.
  await form.fill('#veld-functie', 'Casusregisseur');
  await form.click('button:has-text("Opslaan")');
  await form.waitForURL(/\/inloggen/);
  t.match(await form.textContent('#sessie-melding'), /Je sessie is verlopen of je bent uitgelogd .*Je wijziging is daarom niet opgeslagen\. Log opnieuw in/);
  t.notMatch(form.url(), /Casusregisseur/, 'nothing typed travels in the URL');
  await screenshot(form, 'inloggen-phone-nojs-niet-opgeslagen.png');
  const [row] = await database.sql`SELECT functie FROM professionals WHERE id = ${id}`;
  t.equal(row!.functie, 'Consulent');

  // Signing in again returns to the same form.
  await signInHere();
  await form.waitForURL(editUrl);
  t.equal(await form.textContent('h1'), 'Sanne Verhoeven bewerken');
  await context.close();

  // Both messages are accessible (axe needs JavaScript, so in a context of its own).
  const axeContext = await newContext(browser);
  const axePage = await axeContext.newPage();
  for (const melding of ['uitgelogd', 'niet-opgeslagen']) {
    await axePage.goto(`${base}/inloggen?melding=${melding}&terug=%2F`);
    await expectAccessible(t, axePage, `sign-in page, ${melding}`);
  }
  await axeContext.close();

  // A session cookie the register no longer accepts (expired, or its key gone): "verlopen", also on a plain page.
  const expired = await app.inject({ method: 'GET', url: '/coordinatie', cookies: { maatwerk_sessie: 'verlopen.token.waarde' } });
  t.equal(expired.statusCode, 303);
  t.equal(expired.headers.location, '/inloggen?terug=%2Fcoordinatie&melding=sessie-verlopen');
  t.match((await app.inject({ method: 'GET', url: '/inloggen?melding=sessie-verlopen' })).body, /Je sessie is verlopen\. Log opnieuw in/);
  // Arriving without a session says nothing, and the URL cannot choose other words.
  t.equal((await app.inject({ method: 'GET', url: '/coordinatie' })).headers.location, '/inloggen?terug=%2Fcoordinatie');
  t.notMatch((await app.inject({ method: 'GET', url: '/inloggen?melding=%3Cb%3Ehallo' })).body, /sessie-melding|hallo/);
});
