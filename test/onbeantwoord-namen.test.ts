import t from 'tap';
import { insertEntries } from '../db/seed/bulk-entries.js';
import { maskNames, NAAM } from '../src/inzichten/name-mask.js';
import { contractEntries } from './search/contract-fixture.js';
import { buildTestApp } from './helpers/app.js';
import { castOf } from './helpers/people.js';

/** #14 point 14: personal names do not show in the unmet-search list; what the register lacks still does. */

t.test('the masking rule', async (t) => {
  const names = new Set(['eva', 'boer', 'jansen', 'visser']);
  const vocabulary = new Set(['tilburg', 'schulden', 'visser']);
  const mask = (query: string) => maskNames(query.split(' '), (w) => names.has(w), vocabulary);
  t.equal(mask('eva de boer'), NAAM, 'a name with its particle is one [naam]');
  t.equal(mask('schulden van jansen'), `schulden ${NAAM}`, 'the particle before a name goes with it');
  t.equal(mask('schulden van tilburg'), 'schulden van tilburg', 'a particle before a place stays');
  t.equal(mask('visser'), 'visser', 'a vocabulary word is never a name');
  t.equal(mask('statushouder 0612345678'), 'statushouder [nummer]', 'long digit runs are masked');
  t.equal(mask('wet 2015'), 'wet 2015', 'short numbers stay');
});

t.test('unmet searches through the API: names masked and merged, the rest kept', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  await insertEntries(database.db, contractEntries);
  const search = (q: string) => app.inject({ url: `/api/v1/professionals?zoekterm=${encodeURIComponent(q)}&organisatie=gm0014`, headers: cast.collega });
  // Names of people in the register, searched where they are not (Groningen has nobody): unmet.
  await search('Pieter Jansen');
  await search('Sanne Visser');
  await search('Joëlle');
  await search('statushouder huisvesting');
  await search('schulden van Bakker');
  // Searches are logged without holding up the answer: wait for the lines to land.
  let logged = await database.sql<{ zoekterm: string }[]>`SELECT zoekterm FROM zoeklog WHERE aantal = 0 ORDER BY id`;
  for (let i = 0; i < 100 && logged.length < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    logged = await database.sql<{ zoekterm: string }[]>`SELECT zoekterm FROM zoeklog WHERE aantal = 0 ORDER BY id`;
  }
  t.same(logged.map((r) => r.zoekterm), ['pieter jansen', 'sanne visser', 'joelle', 'statushouder huisvesting', 'schulden van bakker'], 'the log holds the names (folded)');

  const body = (await app.inject({ url: '/api/v1/inzichten/onbeantwoorde-zoekvragen', headers: cast.pmm })).json();
  const shown = body.resultaten.map((r: { zoekterm: string }) => r.zoekterm);
  t.notMatch(JSON.stringify(body), /pieter|jansen|sanne|visser|joelle|bakker/, 'no name in the answer');
  t.same(body.resultaten[0], { zoekterm: NAAM, filters: { organisatie: ['gm0014'] }, keren: 3, organisaties: 1, laatstGezocht: body.resultaten[0].laatstGezocht }, 'three name searches merge into one [naam] row, first');
  t.ok(shown.includes('statushouder huisvesting'), 'what the register lacks is still shown');
  t.ok(shown.includes(`schulden ${NAAM}`));
  t.equal(body.totaal, 3);
});
