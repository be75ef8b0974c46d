import t from 'tap';
import { seedDemoData } from '../../db/seed/demo.js';
import { SESSION_COOKIE } from '../../src/web/session.js';
import { buildTestApp } from '../helpers/app.js';

/**
 * Every result says why it matched (search issue, point 4): the matched words are highlighted, and where the match
 * came through a synonym, a broader expertise area or the organisation's official name or abbreviation, the result
 * says so. The search page offers the desired level and labels each result's level.
 */

interface Resultaat {
  naam: string;
  organisatie: { code: string; naam: string };
  treffers: Record<string, { tekst: string; treffer: boolean }[]>;
  uitleg: string[];
}

t.test('why this result, and at which level', async (t) => {
  const { app, auth, token } = await buildTestApp(t);
  await seedDemoData(app.db);
  const headers = await auth({ organisatie: 'gm0363' });
  const search = async (query: Record<string, string>) => {
    const response = await app.inject({ url: '/api/v1/professionals', query: { paginaGrootte: '10', ...query }, headers });
    t.equal(response.statusCode, 200);
    return response.json().resultaten as Resultaat[];
  };
  const marked = (r: Resultaat) => Object.values(r.treffers).some((segments) => segments.some((s) => s.treffer));

  for (const zoekterm of ['schulden UWV', 'Pw', 'schulden', 'uwv ww', 'CJIB', 'inkomen', 'nabestaanden']) {
    const results = await search({ zoekterm });
    t.ok(results.length > 0, `"${zoekterm}" finds entries`);
    const silent = results.filter((r) => !marked(r) && r.uitleg.length === 0).map((r) => `${r.naam} (${r.organisatie.naam})`);
    t.same(silent, [], `"${zoekterm}": every result is highlighted or explained`);
  }

  const uwv = (await search({ zoekterm: 'schulden UWV' })).filter((r) => r.organisatie.code === 'zb000117');
  t.ok(uwv.length > 0, 'UWV entries are found for "schulden UWV"');
  t.ok(
    uwv.every((r) => r.uitleg.some((u) => u.includes('organisatie') && u.includes('UWV'))),
    'a UWV entry says it was found through the organisation (UWV is the abbreviation, the card shows the full name)',
  );
  const broader = await search({ zoekterm: 'inkomen', paginaGrootte: '50' });
  t.ok(
    broader.some((r) => r.uitleg.some((u) => u.startsWith('Gevonden via het bredere expertisegebied'))),
    '"inkomen" explains a match through the broader expertise area an entry falls under',
  );

  const cookie = `${SESSION_COOKIE}=${await token({ organisatie: 'gm0363' })}`;
  const page = await app.inject({ url: '/?zoekterm=schulden+UWV&gewenstRolniveau=coordinatie', headers: { cookie, accept: 'text/html' } });
  t.equal(page.statusCode, 200);
  t.match(page.body, /<select[^>]*name="gewenstRolniveau"/, 'the page offers the desired level');
  t.match(page.body, /<option value="coordinatie" selected/, 'and keeps the chosen one');
  t.match(page.body, /Niveau: (Uitvoering|Specialist|Coördinatie|Management|Bestuur)/, 'each result labels its level');
  t.match(page.body, /Gevonden via de organisatie/, 'the explanation is on the page');
});
