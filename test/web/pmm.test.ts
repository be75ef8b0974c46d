import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { chooseInCombobox, expectAccessible, newContext, openPage, signIn, startSite } from './browser.js';
import { screenshot } from '../helpers/screenshot.js';

/**
 * #14 point 13: routing tells the truth. The case: SVB had findable people and an escalation contact, none
 * with the asked domain, and the desk was told "Geen actuele contactpersoon… Neem contact op met de PMM-desk". Now
 * the page follows the stated order (domain → escalation contact → team → closest person) and says what it found and
 * why; an organisation with nobody is named as a gap, and the desk is not sent to itself.
 */

const svb = (naam: string, extra: Record<string, unknown> = {}) => ({
  ...contractEntries[0]!, naam, functie: 'Medewerker', organisatie: 'zb000143', rolniveau: 'specialist' as const, expertisegebieden: ['aow'],
  zichtbaarheid: 'alle-professionals' as const, email: `${naam.toLowerCase().replace(/\W+/g, '.')}@svb.nl`, escalatiecontact: false, ...extra,
});
const entries = [
  ...contractEntries,
  svb('Anouk Aow'),
  svb('Henk Kinderbijslag', { expertisegebieden: ['kinderbijslag'] }),
  svb('Mirjam Escalatie', { functie: 'Escalatiecontact SVB', rolniveau: 'coordinatie', expertisegebieden: ['volksverzekeringen'], escalatiecontact: true }),
];
const desk = { sub: 'desk', organisatie: 'pmm', naam: 'Petra', rollen: ['pmm'] };

t.test('routing tells the truth: SVB answers with its escalation contact, a gap is named, nobody is sent to the desk itself', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries });
  const { context, page, noViolations } = await openPage(t, browser);

  await signIn(page, base, desk);
  await page.click('a:has-text("Casusroutering")');
  await page.waitForSelector('h1:has-text("Casusroutering")');
  await noViolations('routing form');

  // Keyboard only: choose three organisations, a domain, a level, and send.
  for (const name of ['svb', 'rotterdam', 'groningen']) {
    await chooseInCombobox(page, '#organisatie-combobox', name);
  }
  await chooseInCombobox(page, '#domein-combobox', 'participatiewet');
  await page.selectOption('#gewenstRolniveau', 'coordinatie');
  await page.focus('button:has-text("Contacten zoeken")');
  await Promise.all([page.waitForSelector('#resultaat-kop'), page.keyboard.press('Enter')]);

  const block = (name: string) => page.locator('article', { has: page.locator(`h3:text-is("${name}")`) });
  const svbText = await block('Sociale Verzekeringsbank').textContent();
  t.match(svbText, /Mirjam Escalatie/, 'SVB: its escalation contact');
  t.match(svbText, /Stap 2 van 4: het escalatiecontact/, 'the step of the fallback order is named');
  t.match(svbText, /niemand van de \d+ vindbare personen Participatiewet en bijstand als expertise/, 'and why: how many people were findable, none with the domain');
  t.notMatch(svbText, /Geen actuele contactpersoon/);
  t.match(await block('Rotterdam').textContent(), /Pieter Jansen/, 'Rotterdam: the person with the domain');
  t.match(await block('Rotterdam').textContent(), /Stap 1 van 4/);
  const groningen = await block('Groningen').textContent();
  t.match(groningen, /geen vindbare personen in het register.*Het gat staat bij Inzichten/, 'Groningen: named as a gap');
  t.notMatch(await page.textContent('main'), /Neem contact op met de PMM-desk/, 'the desk is never told to call itself');
  await noViolations('routing result');
  await screenshot(page, 'pmm-routering-resultaat.png', { fullPage: true });

  await page.goto(`${base}/casusroutering?organisaties=gm0599`);
  t.match(await page.textContent('#foutenoverzicht'), /minstens 1/);
  await noViolations('routing with a validation error');

  // A coordinator routing gets the hint to the desk; a professional without role may not route.
  await context.clearCookies();
  await signIn(page, base, { sub: 'coord', organisatie: 'gm0599', rollen: ['coordinator'] });
  await page.goto(`${base}/casusroutering?organisaties=gm0014&expertisegebieden=participatiewet`);
  t.match(await page.textContent('main'), /Neem contact op met de PMM-desk/, 'a coordinator is pointed to the desk');
  await context.clearCookies();
  await signIn(page, base, { sub: 'niemand', organisatie: 'gm0599' });
  t.equal((await page.goto(`${base}/casusroutering`))?.status(), 403);
  t.equal((await page.goto(`${base}/inzichten`))?.status(), 403);
  await context.close();

  // The same result at 320 px and without JavaScript.
  const url = `${base}/casusroutering?organisaties=zb000143&organisaties=gm0599&organisaties=gm0014&expertisegebieden=participatiewet&gewenstRolniveau=coordinatie`;
  for (const [options, shot] of [[{ width: 320 }, 'pmm-routering-320.png'], [{ javaScriptEnabled: false }, 'pmm-routering-zonder-js.png']] as const) {
    const other = await newContext(browser, options);
    const p = await other.newPage();
    await signIn(p, base, desk);
    await p.goto(url);
    t.match(await p.textContent('main'), /Mirjam Escalatie/, `${shot}: same answer`);
    t.equal(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, `${shot}: no horizontal scrolling`);
    if (options.javaScriptEnabled !== false) await expectAccessible(t, p, shot);
    await screenshot(p, shot, { fullPage: true });
    await other.close();
  }
});
