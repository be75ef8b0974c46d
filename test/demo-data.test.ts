import t from 'tap';
import { seedDemoData } from '../db/seed/demo.js';
import { buildTestApp } from './helpers/app.js';

/** What someone trying a fresh install types first must find someone, at a plausible organisation. */
t.test('demo data: the searches people try first find the right colleague in the top three', async (t) => {
  const { app, auth } = await buildTestApp(t);
  const added = await seedDemoData(app.db);
  t.ok(added >= 600, `a few hundred entries (${added})`);
  t.equal(await seedDemoData(app.db), 0, 'only into an empty register');

  const headers = await auth({ organisatie: 'gm0363' });
  const search = async (zoekterm: string) => {
    const response = await app.inject({ url: '/api/v1/professionals', query: { zoekterm, paginaGrootte: '3' }, headers });
    t.equal(response.statusCode, 200, zoekterm);
    return response.json().resultaten as { naam: string; organisatie: { code: string; naam: string } }[];
  };
  const expectations: [string, string, RegExp][] = [
    ['schuldhulp tilburg', 'Ellen Verbeek', /^Tilburg$/],
    ['Joelle CAK', 'Joëlle Bakker', /^CAK$/],
    ['zorgpremie achterstand', 'Joëlle Bakker', /^CAK$/],
    ['Pw bijstand rotterdam', 'Youssef Amrani', /^Rotterdam$/],
  ];
  for (const [query, naam, organisatie] of expectations) {
    const top = await search(query);
    const hit = top.find((r) => r.naam === naam);
    t.ok(hit, `"${query}": ${naam} in the top three (got ${top.map((r) => r.naam).join(', ') || 'nobody'})`);
    t.match(hit?.organisatie.naam, organisatie, `"${query}": at ${organisatie.source}`);
  }

  // The generated people sit at organisations that do the work: UWV people know about the WW.
  const ww = await search('ww');
  t.ok(ww.length > 0 && ww.every((r) => /Werknemersverzekeringen/.test(r.organisatie.naam)), `"ww" finds UWV people (got ${ww.map((r) => r.organisatie.naam).join(', ')})`);
});
