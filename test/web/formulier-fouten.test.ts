import type { Page } from 'playwright-core';
import t from 'tap';
import { castOf, people } from '../helpers/people.js';
import { newContext, openPage, signIn, startSite } from './browser.js';

/**
 * Issue s7, points 1, 2 and 4: after a form is sent with mistakes, the error summary has the focus (so it is in view
 * and read out first, also without JavaScript), the title starts with "Fout: ", an empty field says to fill it in,
 * and an unknown werkgebied is reported in the same round as the other mistakes.
 */

const rotterdam = Array.from({ length: 25 }, (_, i) => ({
  soort: 'persoon' as const,
  naam: `Medewerker ${String(i + 1).padStart(2, '0')}`,
  functie: 'Klantmanager',
  afdeling: null,
  organisatie: 'gm0599',
  rolniveau: 'uitvoering' as const,
  expertisegebieden: ['participatiewet'],
  trefwoorden: [],
  werkgebied: [],
  email: `medewerker${i + 1}@rotterdam.nl`,
  telefoon: null,
  bereikbaarheid: null,
  overMij: null,
  zichtbaarheid: 'alle-professionals' as const,
  escalatiecontact: false,
}));

/** The summary has the focus and lies inside the viewport. */
async function summaryFocusedInView(page: Page) {
  await page.waitForFunction(() => document.activeElement?.id === 'foutenoverzicht', undefined, { timeout: 5000 }).catch(() => undefined);
  return page.evaluate(() => {
    const summary = document.getElementById('foutenoverzicht')!;
    const box = summary.getBoundingClientRect();
    return { focused: document.activeElement === summary, inView: box.top >= 0 && box.top < window.innerHeight && box.bottom > 0, scrolled: window.scrollY };
  });
}

t.test('form errors: focus on the summary, "Fout:" in the title, all errors in one round', { timeout: 120_000 }, async (t) => {
  const site = await startSite(t, { entries: rotterdam });
  const { base, browser, database } = site;
  await castOf(site);

  t.test('mijn vermelding: empty fields and an unknown werkgebied together, the summary focused', async (t) => {
    const { context, page, noViolations } = await openPage(t, browser);
    await signIn(page, base, { sub: 'nieuw', organisatie: 'gm0344' });
    await page.goto(`${base}/mijn-vermelding`);
    t.notMatch(await page.title(), /^Fout/, 'no error before sending');
    await page.fill('#veld-werkgebied-nieuw', 'Tilbrug');
    await page.click('button:has-text("Opslaan")');
    await page.waitForSelector('#foutenoverzicht');
    t.match(await page.title(), /^Fout: Mijn vermelding · Maatwerkregister$/);
    t.match(await summaryFocusedInView(page), { focused: true, inView: true }, 'the summary has the focus');
    const summary = (await page.textContent('#foutenoverzicht'))!;
    t.match(summary, /Naam: Vul de naam in\./, 'an empty name: fill it in, not "too short"');
    t.match(summary, /Functie: Vul de functie in\./);
    t.match(summary, /Werk-e-mailadres: Vul het werk-e-mailadres in\./);
    t.match(summary, /Werkgebied: "Tilbrug" is geen bekende provincie of gemeente/, 'the werkgebied in the same round');
    t.notMatch(summary, /minstens 2 tekens/);
    t.equal(await page.getAttribute('#foutenoverzicht', 'role'), 'alert');
    t.equal(await page.getAttribute('#foutenoverzicht', 'aria-labelledby'), 'fouten-kop');
    await noViolations('mijn vermelding with errors in one round');
    await context.close();
  });

  t.test('a coordinator edits an entry, without JavaScript: autofocus alone puts the summary in focus', async (t) => {
    const [entry] = await database.sql<{ id: string }[]>`SELECT id FROM professionals WHERE naam = 'Medewerker 01'`;
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, base, { sub: people.coordinatorRotterdam.sub, organisatie: 'gm0599' });
    await page.goto(`${base}/coordinatie/vermelding/${entry!.id}?organisatie=gm0599`);
    await page.fill('#veld-functie', '');
    await page.click('button:has-text("Opslaan")');
    await page.waitForSelector('#foutenoverzicht');
    t.match(await page.title(), /^Fout: Medewerker 01 bewerken/);
    t.match(await summaryFocusedInView(page), { focused: true, inView: true });
    t.match(await page.textContent('#foutenoverzicht'), /Functie: Vul de functie in\./);
    await context.close();
  });

  t.test('adding an entry on /coordinatie: the summary far down the page is scrolled into view and focused', async (t) => {
    const { context, page, noViolations } = await openPage(t, browser);
    await signIn(page, base, { sub: people.coordinatorRotterdam.sub, organisatie: 'gm0599' });
    await page.goto(`${base}/coordinatie?organisatie=gm0599`);
    await page.fill('#veld-naam', 'X');
    await page.click('button:has-text("Toevoegen")');
    await page.waitForSelector('#foutenoverzicht');
    t.match(await page.title(), /^Fout: Coördinatie /);
    const state = await summaryFocusedInView(page);
    t.match(state, { focused: true, inView: true }, 'in view and focused');
    t.ok(state.scrolled > 1000, `the page scrolled down to it (${state.scrolled} px)`);
    t.match(await page.textContent('#foutenoverzicht'), /Naam: Naam moet minstens 2 tekens hebben\..*Functie: Vul de functie in\./s);
    await noViolations('coordination page with errors in the add form');
    await context.close();
  });
});
