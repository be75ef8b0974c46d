import type { Page } from 'playwright-core';
import t from 'tap';
import { todayInNetherlands } from '../../src/professionals/afwezigheid.js';
import { displayDate } from '../../src/web/format.js';
import { castOf, entryBody } from '../helpers/people.js';
import { openPage, startSite } from './browser.js';

/**
 * Issue s7, points 5, 6 and 7: an entry made by the coordinator is offered to take over instead of a form that can
 * never be saved; an absence before today is refused and the current one shown in the status; the phone number is
 * shown back as people write it.
 */

async function signInWithEmail(page: Page, base: string, who: { sub: string; naam: string; email: string; organisatie: string }) {
  await page.goto(`${base}/inloggen`);
  await page.fill('#sub', who.sub);
  await page.fill('#naam', who.naam);
  await page.fill('#email', who.email);
  await page.fill('#organisatie', who.organisatie);
  await Promise.all([page.waitForURL(`${base}/`), page.click('button:has-text("Inloggen")')]);
}

const inDays = (days: number) => todayInNetherlands(new Date(Date.now() + days * 86_400_000));

t.test('mijn vermelding: take over an entry, absence, phone number as written', { timeout: 120_000 }, async (t) => {
  const site = await startSite(t);
  const { app, base, browser, database } = site;
  const cast = await castOf(site);
  const made = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ naam: 'Eva de Boer', email: 'eva.deboer@amsterdam.nl', telefoon: '020 123 4567' }) });
  t.equal(made.statusCode, 201);
  const { context, page, noViolations } = await openPage(t, browser);
  await signInWithEmail(page, base, { sub: 'eva', naam: 'Eva de Boer', email: 'eva.deboer@amsterdam.nl', organisatie: 'gm0363' });

  // An entry with her e-mail waits: take it over; no empty form beside it that could never be saved.
  await page.goto(`${base}/mijn-vermelding`);
  t.match(await page.textContent('section[aria-labelledby="claim-kop"]'), /Er staat al een vermelding met jouw e-mailadres; neem die over/);
  t.equal(await page.locator('form[action="/mijn-vermelding"]').count(), 0, 'no form to make another entry');
  t.equal(await page.locator('h2:has-text("Vermelding maken")').count(), 0);
  await noViolations('an entry to take over, without the create form');
  await Promise.all([page.waitForURL(/melding=geclaimd/), page.click('button:has-text("Dit ben ik: zelf bijhouden")')]);

  // The phone number as she would write it, saved again in the same stored form.
  t.equal(await page.inputValue('#veld-telefoon'), '020 123 4567', 'national format, as the hint says');
  const [before] = await database.sql<{ telefoon: string }[]>`SELECT telefoon FROM professionals WHERE id = ${made.json().id}`;
  t.equal(before?.telefoon, '+31201234567');

  // An absence before today is refused, in Dutch, beside the field.
  await page.fill('#veld-afwezigTot', '2020-01-01');
  await page.click('button:has-text("Opslaan")');
  await page.waitForSelector('#foutenoverzicht');
  t.match(await page.textContent('#fout-afwezigTot'), /Deze datum is al voorbij; kies vandaag of een latere dag/);
  t.match(await page.title(), /^Fout: /);
  await noViolations('an absence in the past refused');
  const [refused] = await database.sql<{ afwezig_tot: string | null }[]>`SELECT afwezig_tot::text FROM professionals WHERE id = ${made.json().id}`;
  t.equal(refused?.afwezig_tot, null, 'nothing saved');

  // A current absence is saved and shown in the status.
  const later = inDays(10);
  await page.fill('#veld-afwezigTot', later);
  await Promise.all([page.waitForURL(/melding=opgeslagen/), page.click('button:has-text("Opslaan")')]);
  const status = (await page.textContent('section[aria-labelledby="status-kop"]'))!;
  t.match(status, new RegExp(`Je bent afwezig tot en met ${displayDate(later)}`), 'the absence in the status');
  const [saved] = await database.sql<{ telefoon: string; afwezig_tot: string }[]>`SELECT telefoon, afwezig_tot::text FROM professionals WHERE id = ${made.json().id}`;
  t.same(saved, { telefoon: '+31201234567', afwezig_tot: later }, 'the phone number stored as before');

  // An absence that is over: not in the status, not offered back in the form, so saving works.
  await database.sql`UPDATE professionals SET afwezig_tot = '2020-01-01' WHERE id = ${made.json().id}`;
  await page.goto(`${base}/mijn-vermelding`);
  t.notMatch(await page.textContent('section[aria-labelledby="status-kop"]'), /afwezig/);
  t.equal(await page.inputValue('#veld-afwezigTot'), '', 'an ended absence is not offered back');
  await page.fill('#veld-functie', 'Casusregisseur');
  await Promise.all([page.waitForURL(/melding=opgeslagen/), page.click('button:has-text("Opslaan")')]);
  await context.close();
});
