import t from 'tap';
import { openPage, startSite } from './browser.js';

/**
 * Issue 14, point 11: the development sign-in asked for an organisation code (gm0363, zb000117); now a name, an
 * abbreviation or the code, with the browser's type-ahead list, and a name that fits several is asked about.
 */
t.test('development sign-in: the organisation by name, abbreviation or code', async (t) => {
  const { base, browser } = await startSite(t);
  const { page, context, noViolations } = await openPage(t, browser);
  const signInAs = async (organisatie: string, coordinator = false) => {
    await page.goto(`${base}/inloggen`);
    await page.fill('#sub', `wie-${organisatie}`);
    await page.fill('#organisatie', organisatie);
    if (coordinator) await page.check('input[name="rollen"][value="coordinator"]');
    await page.click('button:has-text("Inloggen")');
    await page.waitForLoadState();
  };

  await page.goto(`${base}/inloggen`);
  t.equal(await page.textContent('label[for="organisatie"]'), 'Organisatie', 'asked as an organisation, not a code');
  t.ok(await page.locator('#organisatie-namen option[value="Tilburg"]').count(), 'Tilburg is in the type-ahead list');
  await noViolations('sign-in page');

  // Signed in as coordinator, the coordination page names the organisation the typed text resolved to.
  for (const [typed, naam] of [['Tilburg', 'Tilburg'], ['uwv', 'Uitvoeringsinstituut Werknemersverzekeringen'], ['gm0363', 'Amsterdam']] as const) {
    await signInAs(typed, true);
    t.equal(new URL(page.url()).pathname, '/', `"${typed}": signed in`);
    await page.goto(`${base}/coordinatie`);
    t.match(await page.textContent('h1'), naam, `"${typed}" is ${naam}`);
    await page.click('button:has-text("Uitloggen")');
  }

  await signInAs('Atlantis');
  t.match(await page.textContent('[role="alert"]'), /Er is geen actieve organisatie "Atlantis"\. Typ een deel van de naam en kies uit de lijst\./);
  await signInAs('Gemeente');
  t.match(await page.textContent('[role="alert"]'), /"Gemeente" past bij meer organisaties: .+\. Kies er één uit de lijst\./, 'several: named to choose from');
  t.equal(await page.inputValue('#organisatie'), 'Gemeente', 'what was typed is kept');
  await context.close();
});
