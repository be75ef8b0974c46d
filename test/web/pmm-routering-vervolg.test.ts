import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { chooseInCombobox, expectAccessible, newContext, openPage, signIn, startSite } from './browser.js';
import { screenshot } from '../helpers/screenshot.js';

/**
 * A new desk user's walk through /casusroutering: sending the form with nothing chosen says what is missing; after
 * the (long) form the focus lands on the results, which repeat what was asked; each contact's name opens their entry.
 */

const entries = [
  ...contractEntries,
  {
    ...contractEntries[0]!, naam: 'Mirjam Escalatie', functie: 'Escalatiecontact SVB', organisatie: 'zb000143', rolniveau: 'coordinatie' as const,
    expertisegebieden: ['volksverzekeringen'], zichtbaarheid: 'alle-professionals' as const, email: 'mirjam.escalatie@svb.nl', escalatiecontact: true,
  },
];
const desk = { sub: 'desk', organisatie: 'pmm', naam: 'Petra', rollen: ['pmm'] };

t.test('routing: an empty form names both fields, results get the focus and repeat the question, names link to entries', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries });
  const { context, page, noViolations } = await openPage(t, browser);
  await signIn(page, base, desk);
  await page.goto(`${base}/casusroutering`);

  // Nothing chosen, "Contacten zoeken": the error summary names both required fields.
  await Promise.all([page.waitForURL(/zoek=1/), page.click('button:has-text("Contacten zoeken")')]);
  const summary = await page.locator('#foutenoverzicht').textContent({ timeout: 5_000 });
  t.match(summary, /Betrokken organisaties/, 'the organisations are named');
  t.match(summary, /Kies minstens 1 organisatie\./, 'in plain Dutch, not "organisatie(s)"');
  t.match(summary, /Kies minstens 1 domein\./, 'and the domains by their name on the page');
  t.match(await page.title(), /^Fout: /, 'the title says there is an error');
  t.match(summary, /Domeinen van de casus/, 'the domains are named');
  await noViolations('routing, empty form sent');

  // Results: focus on their heading, the question repeated above them.
  await chooseInCombobox(page, '#organisatie-combobox', 'svb');
  await chooseInCombobox(page, '#domein-combobox', 'participatiewet');
  await page.selectOption('#gewenstRolniveau', 'coordinatie');
  await Promise.all([page.waitForSelector('#resultaat-kop'), page.click('button:has-text("Contacten zoeken")')]);
  t.equal(await page.evaluate(() => document.activeElement?.id), 'resultaat-kop', 'focus on "Contacten per organisatie"');
  const asked = await page.textContent('#gevraagd');
  t.match(asked, /^Voor: Sociale Verzekeringsbank · Domeinen: Participatiewet[^·]* · Niveau: \S/, `the question is repeated: ${asked}`);
  await noViolations('routing result with the question');

  // The contact's name links to their entry.
  const link = page.locator('article a:text-is("Mirjam Escalatie")');
  t.match(await link.getAttribute('href'), /^\/professionals\/[0-9a-f-]{36}$/, 'the name links to the entry');
  await Promise.all([page.waitForURL(/\/professionals\//), link.click()]);
  t.match(await page.textContent('h1'), /Mirjam Escalatie/, 'and opens it');
  await context.close();

  // Without JavaScript the focus lands on the results too; at 320 px nothing scrolls sideways.
  const url = `${base}/casusroutering?organisaties=zb000143&organisaties=gm0599&expertisegebieden=participatiewet&zoek=1`;
  for (const [options, shot] of [[{ javaScriptEnabled: false }, 'pmm-routering-focus-zonder-js.png'], [{ width: 320 }, 'pmm-routering-gevraagd-320.png']] as const) {
    const other = await newContext(browser, options);
    const p = await other.newPage();
    await signIn(p, base, desk);
    await p.goto(url);
    t.equal(await p.evaluate(() => document.activeElement?.id), 'resultaat-kop', `${shot}: focus on the results`);
    t.match(await p.textContent('#gevraagd'), /Niveau: geen voorkeur/);
    t.equal(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, `${shot}: no horizontal scrolling`);
    if (options.javaScriptEnabled !== false) await expectAccessible(t, p, shot);
    await screenshot(p, shot, { fullPage: false });
    await other.close();
  }
});
