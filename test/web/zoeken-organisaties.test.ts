import t from 'tap';
import { contractEntries } from '../search/contract-fixture.js';
import { newContext, openPage, signIn, startSite } from './browser.js';

/** The organisation index and the filters on an organisation's page (#14 point 8), with and without JavaScript. */
t.test('organisation pages in Chromium', { timeout: 110_000 }, async (t) => {
  const { base, browser } = await startSite(t, { entries: contractEntries });

  t.test('/organisaties: search by name, filter by type and province, open one', async (t) => {
    const { page, context, noViolations } = await openPage(t, browser);
    await signIn(page, base, { sub: 'index', organisatie: 'gm0599' });
    await page.click('nav a:has-text("Organisaties")');
    await page.waitForURL(`${base}/organisaties`);
    t.match(await page.textContent('#organisaties-kop'), /\d+ organisaties/);
    await noViolations('organisation index');
    await page.fill('#zoekterm', 'tilb');
    await Promise.all([page.waitForURL(/zoekterm=tilb/), page.click('button:has-text("Organisaties zoeken")')]);
    t.match(await page.textContent('[data-organisaties]'), /Tilburg/, 'found by part of the name');
    await page.goto(`${base}/organisaties`);
    await page.check('#type-zbo');
    await Promise.all([page.waitForURL(/type=zbo/), page.click('button:has-text("Organisaties zoeken")')]);
    const kinds = await page.locator('[data-organisaties] li .mr-hint').allTextContents();
    t.ok(kinds.length > 0 && kinds.every((k) => k.includes('Zelfstandig bestuursorgaan')), `only zbo's are listed (${kinds.length} on the page)`);
    await page.goto(`${base}/organisaties`);
    await page.selectOption('#provincie', 'Noord-Brabant');
    await page.check('#type-gemeente');
    await Promise.all([page.waitForURL(/provincie=Noord-Brabant/), page.click('button:has-text("Organisaties zoeken")')]);
    t.match(await page.textContent('[data-organisaties]'), /Tilburg/);
    t.notMatch(await page.textContent('[data-organisaties]'), /Rotterdam/, 'not a gemeente of another province');
    await Promise.all([page.waitForURL(/\/organisaties\/gm0855/), page.click('[data-organisaties] a:has-text("Tilburg")')]);
    t.match(await page.textContent('main'), /Eva de Boer/);
    await page.goto(`${base}/organisaties?provincie=Atlantis`);
    t.match(await page.textContent('[role="alert"]'), /geen provincie/, 'an unknown province is said, not a 500');
    await noViolations('organisation index with an error');
    await context.close();
  });

  t.test("an organisation's page filters its professionals (without JavaScript too)", async (t) => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, base, { sub: 'org-filter', organisatie: 'gm0014' });
    await page.goto(`${base}/organisaties/gm0599`);
    t.match(await page.textContent('#mensen-kop'), /Professionals \(3\)/);
    await page.selectOption('#rolniveau', 'uitvoering');
    await Promise.all([page.waitForURL(/rolniveau=uitvoering/), page.click('button:has-text("Filteren")')]);
    t.match(await page.textContent('#mensen-kop'), /Professionals \(2\)/);
    const main = await page.textContent('main');
    t.match(main, /Pieter Jansen/);
    t.notMatch(main, /Thijs Geverifieerd/, 'the manager is filtered out');
    t.match(main, /Maatwerkplaats Rotterdam/, 'the team entries stay');
    await page.fill('#zoekterm', 'Wendy');
    await Promise.all([page.waitForURL(/zoekterm=Wendy/), page.click('button:has-text("Filteren")')]);
    t.match(await page.textContent('#mensen-kop'), /Professionals \(1\)/);
    await context.close();
    const { page: checked, context: c2, noViolations } = await openPage(t, browser);
    await signIn(checked, base, { sub: 'org-axe', organisatie: 'gm0014' });
    await checked.goto(`${base}/organisaties/gm0599?rolniveau=uitvoering`);
    await noViolations('a filtered organisation page');
    await c2.close();
  });
});
