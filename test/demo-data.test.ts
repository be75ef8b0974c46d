import { sql } from 'drizzle-orm';
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

  // Issue 14, point 19: addresses at the organisations' real mail domains, levels that fit the function.
  const rows = await app.db.execute<{ naam: string; functie: string; rolniveau: string; email: string; organisatie: string }>(sql`
    SELECT p.naam, p.functie, p.rolniveau::text AS rolniveau, p.email, o.naam AS organisatie
    FROM professionals p JOIN organisaties o ON o.code = p.organisatie_code`);
  const domainsAt = (organisatie: string) => [...new Set(rows.filter((r) => r.organisatie === organisatie).map((r) => r.email.split('@')[1]))];
  t.same(domainsAt('Uitvoeringsinstituut Werknemersverzekeringen'), ['uwv.nl'], 'UWV people write from uwv.nl');
  t.same(domainsAt('Sociale Verzekeringsbank'), ['svb.nl'], 'SVB people from svb.nl');
  t.same(domainsAt('CAK'), ['hetcak.nl'], 'CAK people from hetcak.nl');
  // Toeslagen belong to Dienst Toeslagen, not the Belastingdienst (a walk found them there).
  const expertiseAt = async (organisatie: string) =>
    (await app.db.execute<{ code: string }>(sql`
      SELECT DISTINCT pe.expertisegebied_code AS code FROM professional_expertisegebieden pe
      JOIN professionals p ON p.id = pe.professional_id JOIN organisaties o ON o.code = p.organisatie_code WHERE o.naam = ${organisatie}`)).map((r) => r.code);
  const toeslagen = ['toeslagen', 'zorgtoeslag', 'huurtoeslag', 'kinderopvangtoeslag', 'kindgebonden-budget'];
  t.same((await expertiseAt('Belastingdienst')).filter((code) => toeslagen.includes(code)), [], 'no toeslagen at the Belastingdienst');
  t.ok((await expertiseAt('Dienst Toeslagen')).filter((code) => toeslagen.includes(code)).length >= 3, 'Dienst Toeslagen knows the toeslagen');
  t.same(domainsAt('Tilburg'), ['tilburg.nl'], 'Tilburg from tilburg.nl');
  t.same(domainsAt('Den Haag'), ['denhaag.nl'], 'Den Haag from denhaag.nl');
  // Routing falls back on an organisation's team entries (step 3): each large national organisation has one, a
  // functional mailbox at its own domain.
  const teams = await app.db.execute<{ organisatie: string; naam: string; email: string }>(sql`
    SELECT o.naam AS organisatie, p.naam, p.email FROM professionals p JOIN organisaties o ON o.code = p.organisatie_code WHERE p.soort = 'team'`);
  const national: [string, string][] = [
    ['Sociale Verzekeringsbank', 'svb.nl'],
    ['Uitvoeringsinstituut Werknemersverzekeringen', 'uwv.nl'],
    ['CAK', 'hetcak.nl'],
    ['Dienst Uitvoering Onderwijs', 'duo.nl'],
    ['Centraal Justitieel Incassobureau', 'cjib.nl'],
    ['Belastingdienst', 'belastingdienst.nl'],
    ['Dienst Toeslagen', 'toeslagen.nl'],
    ['CIZ', 'ciz.nl'],
  ];
  for (const [organisatie, domain] of national) {
    const own = teams.filter((r) => r.organisatie === organisatie);
    t.ok(own.some((r) => r.email.endsWith(`@${domain}`)), `${organisatie} has a team entry at ${domain} (got ${own.map((r) => `${r.naam} <${r.email}>`).join(', ') || 'none'})`);
  }
  t.ok(teams.some((r) => r.naam === 'Team Maatwerk SVB' && r.email === 'maatwerk@svb.nl'), 'SVB: Team Maatwerk SVB, maatwerk@svb.nl');
  const misfits = rows.filter(
    (r) =>
      r.rolniveau === 'bestuur' ||
      (/^(Teamleider|Directeur|Programmamanager)/.test(r.functie) && r.rolniveau !== 'management') ||
      (/^(Consulent|Medewerker|Schuldhulpverlener|Budgetcoach|Klantmanager)/.test(r.functie) && !['uitvoering', 'specialist'].includes(r.rolniveau)),
  );
  t.same(misfits.map((r) => `${r.functie} at ${r.rolniveau}`), [], 'every level fits its function (and nobody is at bestuur)');
  const artsen = rows.filter((r) => /Verzekeringsarts|Arbeidsdeskundige/.test(r.functie));
  t.ok(artsen.length > 0, 'there are verzekeringsartsen and arbeidsdeskundigen');
  t.same([...new Set(artsen.map((r) => r.organisatie))], ['Uitvoeringsinstituut Werknemersverzekeringen'], 'only at UWV');
});
