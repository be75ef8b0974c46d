import t from 'tap';
import { seedDemoData } from '../../db/seed/demo.js';
import { PostgresSearchEngine } from '../../src/search/postgres/engine.js';
import type { SearchRequest } from '../../src/search/port.js';
import { words } from '../../src/search/text.js';
import { createTestDatabase } from '../helpers/database.js';

/**
 * Search defects a new user met on the demo data (search issue, point 4), each checked where it was found.
 */

const viewer = { organisatie: 'gm0363', pmm: false };
const policy = () => ({ bevestigingMaanden: 12, verificatieMaanden: 12, now: new Date() });

t.test('search defects found on the demo data', async (t) => {
  const database = await createTestDatabase(t);
  await seedDemoData(database.db);
  const engine = new PostgresSearchEngine(database.db, { window: 100_000_000 });
  const search = (request: Partial<SearchRequest>) => engine.search({ filters: {}, pagina: 1, paginaGrootte: 1000, ...request }, viewer, policy());

  t.test('a province filter keeps national contacts: an entry without werkgebied at CAK, UWV or SVB serves every province', async (t) => {
    const national = (await search({ filters: { organisatie: ['zb000117'] } })).hits.filter((h) => h.document.werkgebied.length === 0);
    t.ok(national.length > 0, `UWV has entries without werkgebied (${national.length})`);
    for (const provincie of ['Utrecht', 'Fryslân', 'Limburg']) {
      const found = new Set((await search({ filters: { organisatie: ['zb000117'], provincie: [provincie] } })).hits.map((h) => h.document.id));
      t.ok(
        national.every((h) => found.has(h.document.id)),
        `${provincie}: every UWV entry without werkgebied is found`,
      );
    }
  });

  // Words without typo candidates: a singular's typo matches ("uitkering" → "uitvoering") are not owed to its plural.
  t.test('a plural finds at least what its singular finds, in every field', async (t) => {
    for (const [singular, plural] of [
      ['achterstand', 'achterstanden'],
      ['schuld', 'schulden'],
      ['toeslag', 'toeslagen'],
      ['ondernemer', 'ondernemers'],
    ]) {
      const one = (await search({ zoekterm: singular })).hits.map((h) => h.document.id);
      const many = new Set((await search({ zoekterm: plural })).hits.map((h) => h.document.id));
      t.ok(one.length > 0, `"${singular}" finds entries (${one.length})`);
      const missing = one.filter((id) => !many.has(id));
      t.same(missing, [], `"${plural}" (${many.size}) finds all ${one.length} that "${singular}" finds`);
    }
  });

  t.test('a prefix completing a word in name or expertise outranks one completing a word in free text', async (t) => {
    const result = await search({ zoekterm: 'zorgp', paginaGrootte: 5 });
    t.ok(result.hits.length > 0, 'zorgp finds someone');
    const top = result.hits[0]!.document;
    const strong = words([top.naam, ...top.expertiseTermen].join(' ')).some((w) => w.startsWith('zorgp'));
    t.ok(strong, `first result (${top.naam}, ${top.functie}) completes "zorgp" in name or expertise`);
  });
});
