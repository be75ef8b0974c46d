import fc from 'fast-check';
import t from 'tap';
import { searchableFields } from '../../../src/search/fields.js';
import { buildFilter, quote } from '../../../src/search/meilisearch/filter.js';
import { meiliQuery, planQueries, rankingSort, segmentsFromPositions } from '../../../src/search/meilisearch/queries.js';
import { highlightsFrom, queryMatcher } from '../../../src/search/meilisearch/engine.js';
import { checkVersion } from '../../../src/search/meilisearch/version.js';
import { attributesOf, meiliSettings } from '../../../src/search/meilisearch/settings.js';
import { fromHit, timeState, toMeiliDocument } from '../../../src/search/meilisearch/document.js';
import { coalesce, nextAttempt } from '../../../src/search/relay.js';
import { buildSynonymIndex } from '../../../src/search/synonyms.js';
import type { SearchFilters } from '../../../src/search/port.js';

const policy = { bevestigingMaanden: 12, verificatieMaanden: 12, now: new Date('2026-11-24T12:00:00Z') };

/** The filter with every string literal replaced by `?`: its structure. Reads literals as Meilisearch does. */
function skeleton(filter: string): { shape: string; literals: string[] } {
  let shape = '';
  const literals: string[] = [];
  for (let i = 0; i < filter.length; i++) {
    if (filter[i] !== '"') {
      shape += filter[i];
      continue;
    }
    let literal = '';
    for (i++; i < filter.length && filter[i] !== '"'; i++) {
      if (filter[i] === '\\') i++;
      literal += filter[i];
    }
    literals.push(literal);
    shape += '?';
  }
  return { shape, literals };
}

t.test('filters: no input value can change the structure of the expression', async (t) => {
  const value = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', "'", '(', ')', '[', ']', ' OR ', ' AND ', 'NOT ', ',', '=', '\n'), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 20 });
  const values = fc.array(value, { minLength: 1, maxLength: 3 });
  fc.assert(
    fc.property(values, values, values, value, fc.boolean(), (organisaties, expertise, provincies, organisatie, pmm) => {
      const filters: SearchFilters = { organisatie: organisaties, expertisegebied: expertise, provincie: provincies };
      const hostile = skeleton(buildFilter(filters, { organisatie, pmm }, policy));
      const safe = skeleton(
        buildFilter(
          { organisatie: organisaties.map(() => 'x'), expertisegebied: expertise.map(() => 'x'), provincie: provincies.map(() => 'x') },
          { organisatie: 'x', pmm },
          policy,
        ),
      );
      if (hostile.shape !== safe.shape) return false;
      // And every value arrives intact.
      return JSON.stringify(hostile.literals.filter((l) => !['alle-professionals', 'pmm', 'actief'].includes(l))) ===
        JSON.stringify([organisatie, ...organisaties, ...expertise, ...provincies]);
    }),
    { numRuns: 500 },
  );
  t.equal(quote('a"b\\c'), '"a\\"b\\\\c"');
});

t.test('filters: visibility is always there, OR within a key, AND across keys', async (t) => {
  const filter = buildFilter({ organisatie: ['gm0363', 'gm0599'], rolniveau: ['specialist'], geverifieerd: true }, { organisatie: 'gm0014', pmm: false }, policy);
  t.match(filter, /^\(status = "actief" AND bevestigdOpTs > \d+ AND \(zichtbaarheid = "alle-professionals" OR organisatie\.code = "gm0014"\)\)/);
  t.notMatch(filter, /"pmm"/, 'no pmm entries for a non-PMM viewer');
  t.match(filter, /\(organisatie\.code IN \["gm0363", "gm0599"\]\) AND \(rolniveau IN \["specialist"\]\) AND \(geverifieerdOpTs > \d+\)/);
  t.match(buildFilter({}, { organisatie: 'pmm', pmm: true }, policy), /OR zichtbaarheid = "pmm"/);
  const confirmedSince = Number(/bevestigdOpTs > (\d+)/.exec(filter)![1]);
  t.equal(new Date(confirmedSince * 1000).toISOString(), '2025-11-24T12:00:00.000Z', 'findable: confirmed within 12 months');
});

t.test('disjunctive facets: one query per filtered facet, without its own filter', async (t) => {
  const queries = planQueries('professionals', { zoekterm: 'schuld', filters: { organisatie: ['gm0363'], rolniveau: ['specialist'] }, pagina: 2, paginaGrootte: 10 }, { organisatie: 'gm0014', pmm: false }, policy);
  t.equal(queries.length, 3);
  const [main, organisatie, rolniveau] = queries;
  t.match(main, { q: 'schuld', page: 2, hitsPerPage: 10, matchingStrategy: 'all' });
  t.same(main!.sort, ['verificatieGeldig:desc', 'aanwezig:desc', 'bevestigdOpTs:desc'], 'after text: verified, present, freshness');
  t.same(main!.facets, ['organisatie.type', 'expertisePad', 'provincies'], 'unfiltered facets come with the main query');
  t.match(organisatie, { facet: 'organisatie', facets: ['organisatie.code'], hitsPerPage: 0 });
  t.notMatch(organisatie!.filter, /organisatie\.code IN/, 'ignores its own filter');
  t.match(organisatie!.filter, /rolniveau IN \["specialist"\]/, 'keeps the others');
  t.match(rolniveau!.filter, /organisatie\.code IN \["gm0363"\]/);
  t.notMatch(rolniveau!.filter, /rolniveau IN/);
  for (const query of queries) t.match(query.filter, /zichtbaarheid/, 'visibility in every query');
});

t.test('settings come from the shared field definitions and the taxonomy', async (t) => {
  const settings = meiliSettings(buildSynonymIndex([{ code: 'participatiewet', naam: 'Participatiewet en bijstand', synoniemen: ['Pw', 'bijstand'] }]));
  t.same(settings.searchableAttributes.filter((a) => !a.startsWith('stammen') && a !== 'delen'), searchableFields.flatMap(({ field }) => attributesOf[field]), 'same weight order as Postgres');
  t.same(settings.searchableAttributes.slice(0, 3), ['naam', 'expertiseTermen', 'stammenA'], 'each weight class followed by its stems');
  t.same(settings.searchableAttributes.slice(-3), ['overMij', 'stammenD', 'delen'], 'compound parts last');
  t.same(settings.rankingRules.at(-1), 'sort', 'the query sort after text relevance');
  t.ok(settings.stopWords.includes('de') && settings.stopWords.includes('van'));
  t.same(settings.typoTolerance.minWordSizeForTypos, { oneTypo: 5, twoTypos: 9 });
  t.same([...settings.synonyms.pw!].sort(), ['bijstand', 'participatiewet']);
  t.ok(settings.filterableAttributes.includes('zichtbaarheid') && settings.filterableAttributes.includes('bevestigdOpTs'));
  t.ok(settings.pagination.maxTotalHits > 0 && settings.faceting.maxValuesPerFacet > 0);
});

t.test('documents: timestamps as numbers, time-dependent ranking keys as of now, level distances, compound parts', async (t) => {
  const now = new Date('2026-11-24T12:00:00Z');
  const base = { bevestigdOp: '2026-01-01T00:00:00.000Z', geverifieerdOp: null, afwezigTot: '2026-12-31', rolniveau: 'specialist', naam: 'Eva de Boer', functie: 'Schuldhulpverlener', organisatie: { naam: 'Tilburg', officieleNaam: 'Gemeente Tilburg', afkorting: null }, expertiseTermen: [], trefwoorden: [], afdeling: null, werkgebiedNamen: [], overMij: null };
  const document = toMeiliDocument(base as never, now, { verificatieMaanden: 12 });
  t.equal(document.bevestigdOpTs, 1767225600);
  t.equal(document.geverifieerdOpTs, 0);
  t.equal(document.afwezigTotTs, Date.parse('2026-12-31T23:59:59Z') / 1000);
  t.match(document, { verificatieGeldig: 0, aanwezig: 0 });
  t.same(document.rolniveauAfstand, { uitvoering: 1, specialist: 0, coordinatie: 1, management: 2, bestuur: 3 });
  t.ok(document.delen.includes('hulpverlener') && document.delen.includes('verlener') && document.delen.includes('ener'), 'tails of compounds');
  t.notOk(document.delen.includes('schuldhulpverlener') || document.delen.includes('ner'), 'not the word itself, nothing under four letters');
  const verified = toMeiliDocument({ ...base, geverifieerdOp: '2025-12-01T00:00:00.000Z', afwezigTot: '2026-11-23' } as never, now, { verificatieMaanden: 12 });
  t.match(verified, { verificatieGeldig: 1, aanwezig: 1 }, 'verified within 12 months; absence ended yesterday');
  t.match(timeState({ geverifieerdOp: '2025-11-01T00:00:00.000Z', afwezigTot: '2026-11-24' }, now, { verificatieMaanden: 12 }), { verificatieGeldig: 0, aanwezig: 0 }, 'expired; absent through today');
  t.same(Object.keys(fromHit({ ...document, _matchesPosition: {} })).sort(), Object.keys(base).sort(), 'hits lose the index-only fields');
});

t.test('the query Meilisearch gets: words as Postgres reads them, no stop words, no operators', async (t) => {
  t.equal(meiliQuery(undefined), '');
  t.equal(meiliQuery('  '), '');
  t.equal(meiliQuery('"Eva" -Boer de'), 'eva boer', 'quotes and minus are separators, stop words dropped');
  t.equal(meiliQuery('de het van'), null, 'only stop words: nothing');
  t.equal(meiliQuery('Joëlle CAK'), 'joelle cak');
  t.same(rankingSort('coordinatie'), ['verificatieGeldig:desc', 'aanwezig:desc', 'rolniveauAfstand.coordinatie:asc', 'bevestigdOpTs:desc']);
});

t.test('supported server versions', async (t) => {
  t.match(checkVersion('1.50.0'), { supported: true });
  t.match(checkVersion('1.51.3'), { supported: true });
  t.match(checkVersion('1.12.0'), { supported: false, detail: /Meilisearch 1\.12\.0 wordt niet ondersteund \(vereist 1\.50\.0 of nieuwer, lager dan 2\.0\.0\)/ });
  t.match(checkVersion('2.0.0'), { supported: false });
  t.match(checkVersion('nightly'), { supported: false, detail: /onbekende versie/ });
});

t.test('highlights from match positions (UTF-8 byte offsets)', async (t) => {
  t.same(segmentsFromPositions('Eva de Boer', [{ start: 7, length: 4 }]), [{ tekst: 'Eva de ', treffer: false }, { tekst: 'Boer', treffer: true }]);
  t.same(segmentsFromPositions('Joëlle Bakker', [{ start: 0, length: 7 }]), [{ tekst: 'Joëlle', treffer: true }, { tekst: ' Bakker', treffer: false }]);
  t.same(segmentsFromPositions('Zoë Ünal', [{ start: 5, length: 5 }]), [{ tekst: 'Zoë ', treffer: false }, { tekst: 'Ünal', treffer: true }]);
  t.equal(segmentsFromPositions('Eva', []), undefined);
  t.same(segmentsFromPositions('Joëlle Bakker', [{ start: 0, length: 4 }]), [{ tekst: 'Joëlle', treffer: true }, { tekst: ' Bakker', treffer: false }], 'a prefix marks its whole word');
  t.same(segmentsFromPositions('Wmo-consulent', [{ start: 0, length: 3 }, { start: 4, length: 9 }]), [{ tekst: 'Wmo', treffer: true }, { tekst: '-', treffer: false }, { tekst: 'consulent', treffer: true }]);
  const document = { naam: 'Eva', functie: 'x', afdeling: null, organisatie: { naam: 'Tilburg' }, expertisegebieden: [{ code: 'wgs', naam: 'Wgs' }, { code: 'schulden', naam: 'Schulden' }], expertiseTermen: ['Wgs', 'Schulden', 'schuldhulp'], trefwoorden: ['één', 'twee'], overMij: null };
  const treffers = highlightsFrom(document as never, { expertiseTermen: [{ start: 0, length: 8, indices: [1] }, { start: 0, length: 3, indices: [2] }], trefwoorden: [{ start: 0, length: 4, indices: [1] }] });
  t.same(treffers.expertisegebieden, [{ tekst: 'Wgs, ', treffer: false }, { tekst: 'Schulden', treffer: true }], 'expertise names, joined as Postgres shows them');
  t.same(treffers.trefwoorden, [{ tekst: 'één, ', treffer: false }, { tekst: 'twee', treffer: true }]);
});

t.test('relay decisions: coalesce per entry, back off, give up', async (t) => {
  t.same(coalesce([{ id: 1, professionalId: 'a', pogingen: 0 }, { id: 2, professionalId: 'b', pogingen: 0 }, { id: 3, professionalId: 'a', pogingen: 0 }]), ['a', 'b']);
  t.same(nextAttempt(1, 5), { action: 'retry', delayMs: 1000 });
  t.same(nextAttempt(3, 5), { action: 'retry', delayMs: 4000 });
  t.same(nextAttempt(5, 5), { action: 'dead' });
  t.same(nextAttempt(30, 100), { action: 'retry', delayMs: 300_000 }, 'at most five minutes');
});

t.test('reconciliation: missing, superfluous and stale documents', async (t) => {
  const { compareVersions } = await import('../../../src/search/reconcile.js');
  const drift = compareVersions(new Map([['a', 1], ['b', 2], ['c', 3]]), new Map([['a', 1], ['b', 1], ['x', 4]]));
  t.same(drift, { ontbreekt: ['c'], overbodig: ['x'], verouderd: ['b'] });
  t.same(compareVersions(new Map([['a', 1]]), new Map([['a', 1]])), { ontbreekt: [], overbodig: [], verouderd: [] });
});

t.test('the query matcher for highlights and explanations: words, stems, synonyms, prefix, compound parts, typos', async (t) => {
  const matches = queryMatcher(['schulden', 'pw'], ['schuld', 'pw'], new Map([['pw', ['participatiewet', 'bijstand']]]));
  for (const word of ['schulden', 'schuld', 'participatiewet', 'bijstand', 'pwx', 'schuldhulpverlening', 'wanbetalersschulden', 'schulxen']) t.ok(matches(word), word);
  for (const word of ['school', 'wet', 'p', 'sch']) t.notOk(matches(word), word);
});
