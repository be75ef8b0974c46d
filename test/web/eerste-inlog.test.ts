import type { Page } from 'playwright-core';
import t from 'tap';
import { castOf, entryBody } from '../helpers/people.js';
import { openPage, startSite } from './browser.js';
import { screenshot } from '../helpers/screenshot.js';

/**
 * Issue 14, point 16: the first sign-in of someone without an entry. The home page invites them to claim the entry
 * their coordinator made (same organisation, same work e-mail: the claim rule) or else to make one; once they have
 * an entry, the invitation is gone.
 */

async function signInWithEmail(page: Page, base: string, who: { sub: string; naam: string; email?: string; organisatie: string }) {
  await page.goto(`${base}/inloggen`);
  await page.fill('#sub', who.sub);
  await page.fill('#naam', who.naam);
  if (who.email) await page.fill('#email', who.email);
  await page.fill('#organisatie', who.organisatie);
  await Promise.all([page.waitForURL(`${base}/`), page.click('button:has-text("Inloggen")')]);
}

t.test('first sign-in without an entry: an invitation to claim or to create', { timeout: 100_000 }, async (t) => {
  const site = await startSite(t);
  const { app, base, browser } = site;
  const cast = await castOf(site);
  const made = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ naam: 'Eva de Boer', email: 'eva.deboer@amsterdam.nl' }) });
  t.equal(made.statusCode, 201, 'the coordinator made an entry for Eva');

  t.test('the coordinator made one: claim it from the home page', async (t) => {
    const { context, page, noViolations } = await openPage(t, browser);
    await signInWithEmail(page, base, { sub: 'eva', naam: 'Eva de Boer', email: 'eva.deboer@amsterdam.nl', organisatie: 'gm0363' });
    const invitation = page.locator('section[aria-labelledby="uitnodiging-titel"]');
    t.match(await invitation.textContent(), /Er staat al een vermelding voor je klaar.*Eva de Boer, Schuldhulpverlener bij Amsterdam/s, 'names the entry made for her');
    await noViolations('home with the claim invitation');
    await screenshot(page, 'inloggen-eerste-keer-overnemen.png', { fullPage: true });
    await Promise.all([page.waitForURL(/\/mijn-vermelding\?melding=geclaimd/), page.click('button:has-text("Deze vermelding overnemen")')]);
    t.match(await page.textContent('[role="status"]'), /nu van jou/, 'claimed');
    const [row] = await site.database.sql`SELECT eigenaar_subject FROM professionals WHERE id = ${made.json().id}`;
    t.equal(row?.eigenaar_subject, 'eva', 'she owns it now');
    await page.goto(`${base}/`);
    t.equal(await invitation.count(), 0, 'with an entry of her own, no invitation');
    await context.close();
  });

  t.test('nothing to claim: an invitation to make an entry, at 320 px too', async (t) => {
    const { context, page, noViolations } = await openPage(t, browser);
    await page.setViewportSize({ width: 320, height: 800 });
    await signInWithEmail(page, base, { sub: 'nieuw', naam: 'Nina Nieuw', email: 'nina@amsterdam.nl', organisatie: 'gm0363' });
    const invitation = page.locator('section[aria-labelledby="uitnodiging-titel"]');
    t.match(await invitation.textContent(), /Je staat nog niet in het register/);
    t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scrolling at 320 px');
    await noViolations('home with the invitation to make an entry');
    await screenshot(page, 'inloggen-eerste-keer-mobiel.png', { fullPage: true });
    await page.goto(`${base}/?zoekterm=schuld`);
    t.equal(await invitation.count(), 0, 'not over search results: only on the empty home page');
    await page.goto(`${base}/`);
    await Promise.all([page.waitForURL(`${base}/mijn-vermelding`), page.click('a:has-text("Maak je vermelding")')]);
    t.ok(await page.locator('h2:has-text("Vermelding maken")').count(), 'to the form');
    await context.close();
  });

  t.test('someone else with the same organisation but another e-mail is not offered Eva’s entry', async (t) => {
    const { context, page } = await openPage(t, browser);
    await signInWithEmail(page, base, { sub: 'ander', naam: 'Ander', email: 'ander@amsterdam.nl', organisatie: 'gm0363' });
    const invitation = page.locator('section[aria-labelledby="uitnodiging-titel"]');
    t.match(await invitation.textContent(), /Je staat nog niet in het register/, 'invited to make one');
    t.notMatch(await invitation.textContent(), /Eva de Boer/, 'not to take over Eva’s');
    await context.close();
  });
});
