import t from 'tap';
import { insertEntries } from '../../db/seed/bulk-entries.js';
import { listOrganisaties } from '../../src/organisaties/service.js';
import { buildTestApp } from '../helpers/app.js';

/**
 * The organisation facet through the API: the 30 most frequent by default, every organisation with matches that
 * looks like `organisatieZoekterm` when asked, with its real count; `organisatiesMetTreffers` says how many there are.
 */
t.test('organisation facet: top 30, or found by name', async (t) => {
  const { app, database, auth } = await buildTestApp(t);
  const gemeenten = (await listOrganisaties(database.db, { type: ['gemeente'], pagina: 1, paginaGrootte: 35 })).resultaten;
  const entry = { soort: 'persoon' as const, afdeling: null, trefwoorden: [], werkgebied: [], telefoon: null, bereikbaarheid: null, overMij: null, zichtbaarheid: 'alle-professionals' as const, escalatiecontact: false, functie: 'Jurist', rolniveau: 'specialist' as const, expertisegebieden: ['hardheden'] };
  await insertEntries(database.db, gemeenten.map((g, i) => ({ ...entry, naam: `Jurist ${i}`, organisatie: g.code, email: `jurist${i}@example.nl` })));
  const headers = await auth();
  const plain = (await app.inject({ url: '/api/v1/professionals?zoekterm=jurist', headers })).json();
  t.equal(plain.facetten.organisatie.length, 30, 'the 30 most frequent');
  t.equal(plain.organisatiesMetTreffers, 35, 'of 35 organisations with matches');
  const last = gemeenten[34]!;
  t.notOk(plain.facetten.organisatie.some((v: { waarde: string }) => v.waarde === last.code), `${last.naam} is not among them`);
  const named = (await app.inject({ url: `/api/v1/professionals?zoekterm=jurist&organisatieZoekterm=${encodeURIComponent(last.naam)}`, headers })).json();
  const found = named.facetten.organisatie.find((v: { waarde: string }) => v.waarde === last.code);
  t.same(found, { waarde: last.code, naam: last.naam, aantal: 1 }, 'found by name, with its count');
  t.equal(named.totaal, 35, 'the name box does not filter the results');
  const none = (await app.inject({ url: '/api/v1/professionals?zoekterm=jurist&organisatieZoekterm=Atlantis', headers })).json();
  t.same(none.facetten.organisatie, [], 'no organisation of that name has matches');
  const tooLong = await app.inject({ url: `/api/v1/professionals?organisatieZoekterm=${'x'.repeat(101)}`, headers });
  t.equal(tooLong.statusCode, 400, 'a name longer than 100 characters is invalid input');
});
