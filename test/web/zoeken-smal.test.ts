import t from 'tap';
import { insertEntries } from '../../db/seed/bulk-entries.js';
import { listOrganisaties } from '../../src/organisaties/service.js';
import { contractEntries } from '../search/contract-fixture.js';
import { newContext, openPage, signIn, startSite } from './browser.js';

/**
 * The search page on a phone and with many organisations (#14 points 3 and 4): no horizontal scrolling at 320 px in
 * any state (many facet values, long names and compounds, chips, errors, no results), the filters folded above the
 * results so the first result is near the top, and an organisation facet that finds any organisation by name.
 */
t.test('search page at 320 px and with many organisations', { timeout: 110_000 }, async (t) => {
  const site = await startSite(t, { entries: contractEntries });
  const { base, browser } = site;
  // 40 gemeenten with one entry each: more than the 30 the organisation facet shows.
  const gemeenten = (await listOrganisaties(site.database.db, { type: ['gemeente'], pagina: 1, paginaGrootte: 40 })).resultaten;
  const base0 = { soort: 'persoon' as const, afdeling: null, trefwoorden: [], werkgebied: [], telefoon: null, bereikbaarheid: null, overMij: null, zichtbaarheid: 'alle-professionals' as const, escalatiecontact: false };
  await insertEntries(
    site.database.db,
    gemeenten.map((g, i) => ({
      ...base0,
      naam: i === 0 ? 'Maximiliaan Bartholomeus van Oldenbarnevelt-Schimmelpenninck' : `Jurist ${i}`,
      functie: i === 0 ? 'Arbeidsongeschiktheidsverzekeringsdeskundige schuldhulpverleningstrajectbegeleiding' : 'Jurist bezwaar en beroep',
      organisatie: g.code,
      rolniveau: 'specialist' as const,
      expertisegebieden: ['hardheden'].concat(i === 0 ? ['schulden'] : []),
      email: i === 0 ? 'maximiliaan.bartholomeus.vanoldenbarnevelt-schimmelpenninck@arbeidsongeschiktheidsverzekering.example.nl' : `jurist${i}@example.nl`,
    })),
  );
  const last = gemeenten[gemeenten.length - 1]!;

  t.test('no horizontal scrolling at 320 px in any state; filters fold above the results', async (t) => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await newContext(browser, { width: 320, javaScriptEnabled });
      const page = await context.newPage();
      await signIn(page, base, { sub: `smal-${javaScriptEnabled}`, organisatie: 'gm0599' });
      const states = [
        ['many facet values', '/?zoekterm=jurist'],
        ['long names and compounds', '/?zoekterm=Oldenbarnevelt'],
        ['chips of active filters', `/?zoekterm=&organisatie=${gemeenten[0]!.code}&organisatie=gm0599&rolniveau=specialist&organisatieType=gemeente`],
        ['searching the organisation facet', `/?zoekterm=jurist&organisatieZoekterm=${encodeURIComponent(last.naam)}`],
        ['a validation error', `/?zoekterm=${'x'.repeat(201)}`],
        ['no results with suggestions', '/?zoekterm=jurist%20xyzzyqwv&organisatie=gm0599'],
      ] as const;
      for (const [state, path] of states) {
        await page.goto(`${base}${path}`);
        if (await page.isVisible('[data-filterpaneel] summary')) await page.click('[data-filterpaneel] summary');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        t.ok(overflow <= 1, `${state} (JavaScript ${javaScriptEnabled ? 'on' : 'off'}, filters open): no horizontal overflow (${overflow} px)`);
      }
      await page.goto(`${base}/?zoekterm=jurist`);
      t.notOk(await page.evaluate(() => (document.querySelector('[data-filterpaneel]') as HTMLDetailsElement).open), 'the filters are folded');
      const top = await page.evaluate(() => document.querySelector('.mr-resultaat')!.getBoundingClientRect().top);
      t.ok(top < 700, `the first result starts near the top (${Math.round(top)} px)`);
      await context.close();
    }
  });

  t.test('wide screens show the filters beside the results, unfolded', async (t) => {
    const { page, context } = await openPage(t, browser);
    await signIn(page, base, { sub: 'breed', organisatie: 'gm0599' });
    await page.goto(`${base}/?zoekterm=jurist`);
    t.ok(await page.isVisible('input[name="organisatie"]'), 'organisation checkboxes are visible without unfolding');
    t.notOk(await page.isVisible('[data-filterpaneel] summary'), 'no disclosure button on a wide screen');
    await context.close();
  });

  t.test('the organisation facet finds any organisation with matches, by typing (and without JavaScript)', async (t) => {
    const { page, context, noViolations } = await openPage(t, browser);
    await signIn(page, base, { sub: 'facet', organisatie: 'gm0599' });
    await page.goto(`${base}/?zoekterm=jurist`);
    t.equal(await page.locator('input[name="organisatie"]').count(), 30, 'the 30 with most matches are listed');
    t.equal(await page.locator(`input[name="organisatie"][value="${last.code}"]`).count(), 0, `${last.naam} is not among them (all have one match; ties go by name)`);
    await page.fill('#organisatieZoekterm', last.naam);
    await page.waitForSelector(`input[name="organisatie"][value="${last.code}"]`);
    t.equal(await page.evaluate(() => document.activeElement?.id), 'organisatieZoekterm', 'focus stays in the field while the list updates');
    t.equal(await page.inputValue('#organisatieZoekterm'), last.naam, 'and so does what was typed');
    await noViolations('organisation facet filtered by name');
    await page.check(`input[name="organisatie"][value="${last.code}"]`);
    await page.waitForFunction(() => document.querySelector('[data-aantal]')?.textContent?.includes('1 collega gevonden'));
    t.pass(`filtered on ${last.naam}`);
    await context.close();

    const noJs = await newContext(browser, { javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await signIn(plain, base, { sub: 'facet-zonder-js', organisatie: 'gm0599' });
    await plain.goto(`${base}/?zoekterm=jurist`);
    await plain.fill('#organisatieZoekterm', last.naam);
    await Promise.all([plain.waitForURL(/organisatieZoekterm=/), plain.click('.mr-facetzoeker button')]);
    t.equal(await plain.locator(`input[name="organisatie"][value="${last.code}"]`).count(), 1, 'without JavaScript the name search lists it after a submit');
    await plain.check(`input[name="organisatie"][value="${last.code}"]`);
    await Promise.all([plain.waitForURL(new RegExp(`organisatie=${last.code}`)), plain.click('button:has-text("Filters toepassen")')]);
    t.match(await plain.textContent('[data-aantal]'), /1 collega gevonden/);
    await noJs.close();
  });
});
