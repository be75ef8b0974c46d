import t from 'tap';
import type { Page } from 'playwright-core';
import { openPage, signIn, startSite } from './browser.js';
import { castOf, people } from '../helpers/people.js';

/** The coordinator's entries table as a new user met it: narrow screens, messages, deactivation, keyboard, sorting. */

const names = ['Anna Akkerman', 'Bram Bos', 'Cees Claassen', 'Dewi Dekker', 'Eva Evers', 'Fleur Franssen', 'Gijs Groen', 'Hanna Hendriks', 'Ivo Ibrahim', 'Joost Jacobs', 'Karin Kok'];
const rowNames = (page: Page) => page.$$eval('#selectie tbody th[scope=row] a', (links) => links.map((a) => a.textContent?.trim()));
const melding = async (page: Page) => (await page.textContent('.mr-melding p'))?.replace(/\s+/g, ' ').trim();
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id);

t.test('coordination table', { timeout: 120_000 }, async (t) => {
  const site = await startSite(t);
  const { base, browser, app, database } = site;
  const cast = await castOf(site);
  // Functions numbered 1 to 11, so sorting shows whether 10 and 11 come after 2.
  const csv = ['naam,functie,email,rolniveau,expertisegebieden', ...names.map((n, i) => `${n},Consulent ${i + 1},m${i}@rotterdam.nl,specialist,schulden`)].join('\n');
  const imported = await app.inject({ method: 'POST', url: '/api/v1/organisaties/gm0599/importen', headers: { ...cast.coordinatorRotterdam, 'content-type': 'text/csv' }, payload: csv });
  t.equal(imported.statusCode, 200);
  const { page, noViolations } = await openPage(t, browser);
  await signIn(page, base, { sub: people.coordinatorRotterdam.sub, organisatie: 'gm0599', naam: 'Ruud' });

  t.test('at 320 px each row is a card: name, function, status and actions without horizontal scrolling', async (t) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${base}/coordinatie?organisatie=gm0599`);
    const row = page.locator('#selectie tbody tr').first();
    for (const name of ['Bewerken', 'Verifiëren', 'Deactiveren']) {
      const box = await row.locator(`:is(a, button):has-text("${name}")`).boundingBox();
      t.ok(box && box.x >= 0 && box.x + box.width <= 320, `${name} of the first row within the 320 px viewport (${box?.x} + ${box?.width})`);
    }
    for (const cell of await row.locator('td, th').all()) {
      const box = await cell.boundingBox();
      t.ok(box && box.x + box.width <= 320, `cell "${(await cell.textContent())?.trim().slice(0, 30)}" within the viewport`);
    }
    const [card, next] = [await row.boundingBox(), await page.locator('#selectie tbody tr').nth(1).boundingBox()];
    const actions = await row.locator('.mr-acties').boundingBox();
    t.ok(card && next && actions && actions.y + actions.height <= card.y + card.height && card.y + card.height <= next.y, 'the actions inside their card, the cards apart');
    t.match(await row.innerText(), /Functie: Consulent 1\s+Status: vindbaar, niet geverifieerd/, 'function and status labelled in the card');
    const scroll = await page.evaluate(() => {
      const box = document.querySelector('.mr-tabel')!;
      return { page: document.documentElement.scrollWidth <= window.innerWidth, table: box.scrollWidth <= box.clientWidth };
    });
    t.same(scroll, { page: true, table: true }, 'no horizontal scroll, neither of the page nor inside the table');
    // Chromium keeps the table's roles for screen readers although the rows are laid out as blocks.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string } }[] };
    const roles = nodes.map((n) => n.role?.value);
    t.equal(roles.filter((r) => r === 'row').length, names.length + 1, 'a row per entry plus the header row in the accessibility tree');
    t.ok(roles.includes('rowheader') && roles.includes('columnheader') && roles.includes('table'), 'table, column and row headers kept');
    await noViolations('entries as cards at 320 px');
    // Just above the width where the cards end, the table fits without scrolling sideways, a row's buttons side by side.
    await page.setViewportSize({ width: 1040, height: 900 });
    t.ok(await page.evaluate(() => document.querySelector('.mr-tabel')!.scrollWidth <= document.querySelector('.mr-tabel')!.clientWidth), 'the table fits at 1040 px');
    const wide = await row.boundingBox();
    t.ok(wide && wide.height < 80, `a table row at 1040 px is at most two lines high (${wide?.height} px)`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    t.equal(await row.evaluate((tr) => getComputedStyle(tr).display), 'table-row', 'a plain table on a wide screen');
    t.notMatch(await row.innerText(), /Functie:/, 'without the labels of the cards');
  });

  t.test('Functie sorts in natural order (2 before 10)', async (t) => {
    await page.goto(`${base}/coordinatie?organisatie=gm0599&sortering=functie`);
    const functions = () => page.$$eval('#selectie tbody tr td:nth-of-type(2)', (cells) => cells.map((c) => (c as HTMLElement).innerText.trim()));
    const expected = names.map((_, i) => `Consulent ${i + 1}`);
    t.same(await functions(), expected, 'ascending');
    await page.click('th a:has-text("Functie")');
    t.same(await functions(), [...expected].reverse(), 'descending');
  });

  t.test('a search without matches says so, with a link that clears the search', async (t) => {
    await page.goto(`${base}/coordinatie?organisatie=gm0599&verificatie=ontbreekt`);
    await page.fill('#zoek-vermeldingen', 'xyzzy');
    await page.click('button:has-text("Zoeken")');
    t.match(await page.textContent('#selectie tbody'), /Geen vermeldingen gevonden met “xyzzy”/);
    await noViolations('a search without matches');
    await page.click('#selectie tbody a:has-text("Zoekterm wissen")');
    t.notOk(new URL(page.url()).searchParams.has('zoekterm'), 'the search term is gone');
    t.equal(new URL(page.url()).searchParams.get('verificatie'), 'ontbreekt', 'the filter stays');
    t.equal((await rowNames(page)).length, names.length);
  });

  t.test('keyboard: a page navigation leads to the sections; the selection buttons stand above the table', async (t) => {
    await page.goto(`${base}/coordinatie?organisatie=gm0599`);
    const tabTo = async (accept: () => Promise<boolean>, limit: number) => {
      for (let i = 1; i <= limit; i++) {
        await page.keyboard.press('Tab');
        if (await accept()) return i;
      }
      return Infinity;
    };
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    const toImport = await tabTo(async () => (await focusedText()) === 'Importeren' && (await page.evaluate(() => document.activeElement?.tagName)) === 'A', 30);
    t.ok(toImport <= 15, `the link "Importeren" within 15 Tabs from the top (${toImport})`);
    if (toImport === Infinity) return;
    await page.keyboard.press('Enter');
    t.equal(await activeId(page), 'import-kop', 'following it focuses the import heading');
    await page.keyboard.press('Tab');
    t.ok(await page.evaluate(() => document.activeElement?.closest('section')?.getAttribute('aria-labelledby') === 'import-kop'), 'the next Tab is in the import form');

    await page.goto(`${base}/coordinatie?organisatie=gm0599`);
    await page.getByRole('link', { name: 'Selectie-acties' }).focus();
    await page.keyboard.press('Enter');
    t.equal(await activeId(page), 'selectie-acties', 'the link focuses the selection actions');
    await page.keyboard.press('Tab');
    t.equal(await focusedText(), 'Selectie verifiëren', 'one Tab to the first selection button');
    t.ok(
      await page.evaluate(() => Boolean(document.querySelector('#selectie-acties')!.compareDocumentPosition(document.querySelector('#selectie table')!) & Node.DOCUMENT_POSITION_FOLLOWING)),
      'the selection actions come before the table',
    );
    await page.goto(`${base}/coordinatie?organisatie=gm0599`);
    const toBulk = await tabTo(async () => (await focusedText()) === 'Selectie verifiëren', 80);
    t.ok(toBulk <= 30, `the selection buttons within 30 Tabs from the top, without the navigation (${toBulk})`);
    await page.getByRole('link', { name: 'Vermelding toevoegen' }).focus();
    await page.keyboard.press('Enter');
    t.equal(await activeId(page), 'team-kop', 'and to the form for a new entry');
  });

  t.test('bulk verify reports already verified entries apart, and names what was done', async (t) => {
    const earlier = new Date(Date.now() - 30 * 86_400_000);
    await database.sql`UPDATE professionals SET geverifieerd_op = ${earlier.toISOString()}::timestamptz WHERE naam IN ('Anna Akkerman', 'Bram Bos', 'Cees Claassen')`;
    await page.goto(`${base}/coordinatie?organisatie=gm0599`);
    for (const name of names.slice(0, 5)) await page.getByLabel(`Selecteer ${name}`, { exact: true }).check();
    await page.click('button:has-text("Selectie verifiëren")');
    await page.waitForURL(/melding=selectie-geverifieerd/);
    t.equal(await melding(page), '2 vermeldingen geverifieerd: Dewi Dekker en Eva Evers; 3 waren al geverifieerd: Anna Akkerman, Bram Bos en Cees Claassen.');
    const [anna] = await database.sql`SELECT geverifieerd_op FROM professionals WHERE naam = 'Anna Akkerman'`;
    t.equal(new Date(anna?.geverifieerd_op as string).getTime(), earlier.getTime(), 'an entry already verified is left as it was');
    await noViolations('bulk verify message');
  });

  t.test('deactivating one row keeps the list as it was and offers an undo', async (t) => {
    const view = `organisatie=gm0599&verificatie=ontbreekt&zoekterm=consulent&sortering=-functie`;
    await page.goto(`${base}/coordinatie?${view}`);
    await page.click('button:has-text("Deactiveren Karin Kok")');
    await page.waitForURL(/melding=gedeactiveerd/);
    const after = new URL(page.url()).searchParams;
    t.same(
      { status: after.getAll('status'), verificatie: after.get('verificatie'), zoekterm: after.get('zoekterm'), sortering: after.get('sortering') },
      { status: [], verificatie: 'ontbreekt', zoekterm: 'consulent', sortering: '-functie' },
      'filter, search and sort kept; not switched to the inactive entries',
    );
    t.equal(await melding(page), 'Karin Kok is gedeactiveerd en niet meer vindbaar.');
    await noViolations('deactivated, with an undo');
    await page.click('.mr-melding button:has-text("Ongedaan maken")');
    await page.waitForURL(/melding=geactiveerd/);
    const [karin] = await database.sql`SELECT status FROM professionals WHERE naam = 'Karin Kok'`;
    t.equal(karin?.status, 'actief', 'the undo activated the entry again');
    t.match(page.url(), /verificatie=ontbreekt&zoekterm=consulent&sortering=-functie/, 'still the same list');

    // Activating from the inactive entries, searched: the inactive view and the search stay.
    await database.sql`UPDATE professionals SET status = 'inactief' WHERE naam IN ('Joost Jacobs', 'Karin Kok')`;
    await page.goto(`${base}/coordinatie?organisatie=gm0599&status=inactief&zoekterm=consulent+1`);
    await page.click('button:has-text("Activeren Karin Kok")');
    await page.waitForURL(/melding=geactiveerd/);
    const back = new URL(page.url()).searchParams;
    t.same({ status: back.getAll('status'), zoekterm: back.get('zoekterm') }, { status: ['inactief'], zoekterm: 'consulent 1' }, 'still the inactive entries with the search');
    t.same(await rowNames(page), ['Joost Jacobs'], 'the activated entry left the inactive view');
  });

  t.test('bulk: the inactive view offers "Selectie activeren"; more than ten are counted, not named', async (t) => {
    await page.goto(`${base}/coordinatie?organisatie=gm0599&status=inactief`);
    t.equal(await page.$('button:has-text("Selectie deactiveren")'), null, 'nothing to deactivate among inactive entries');
    await page.getByLabel('Selecteer Joost Jacobs', { exact: true }).check();
    await page.click('button:has-text("Selectie activeren")');
    await page.waitForURL(/melding=selectie-geactiveerd/);
    t.equal(await melding(page), '1 vermelding geactiveerd: Joost Jacobs.');
    t.match(page.url(), /status=inactief/, 'back to the inactive view');
    const [inactive] = await database.sql`SELECT count(*)::int AS n FROM professionals WHERE status = 'inactief'`;
    t.equal(inactive?.n, 0);

    await page.goto(`${base}/coordinatie?organisatie=gm0599`);
    for (const name of names) await page.getByLabel(`Selecteer ${name}`, { exact: true }).check();
    await page.click('button:has-text("Selectie deactiveren")');
    await page.waitForURL(/melding=selectie-gedeactiveerd/);
    t.equal(await melding(page), '11 vermeldingen gedeactiveerd.', 'counted when more than ten');
    await page.goto(`${base}/coordinatie?organisatie=gm0599&status=inactief`);
    await noViolations('inactive view with the activate button');
  });
});
