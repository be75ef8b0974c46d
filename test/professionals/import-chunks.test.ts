import t from 'tap';
import { IMPORT_CHUNK, importEntries, type ImportFase } from '../../src/professionals/import.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { importFile } from '../helpers/import-csv.js';
import { castOf, people } from '../helpers/people.js';

// An import is read, checked and written in chunks of IMPORT_CHUNK rows inside one transaction (issue 16, F9). These
// files span several chunks, so a fault can come after chunks were written, and a row can match an entry that an
// earlier chunk's lookup did not see.
const url = '/api/v1/organisaties/gm0363/importen';

/** What an import writes besides the entries: if any of it changed, something of a refused file was applied. */
async function footprint({ database }: TestApp) {
  const [row] = await database.sql`
    SELECT (SELECT count(*)::int FROM professionals) AS professionals,
           (SELECT coalesce(sum(versie), 0)::int FROM professionals) AS versies,
           (SELECT count(*)::int FROM professional_expertisegebieden) AS expertise,
           (SELECT count(*)::int FROM auditlog) AS audit,
           (SELECT count(*)::int FROM zoekindex_outbox) AS outbox,
           (SELECT count(*)::int FROM zoekdocumenten) AS documenten`;
  return row;
}

/** `importFile(count)` with some of its lines changed: `edit(line, row)` for data row `row` (1-based). */
function editedFile(count: number, edit: (line: string, row: number) => string) {
  const [header, ...rows] = importFile(count).trimEnd().split('\n');
  return [header, ...rows.map((line, index) => edit(line, index + 1))].join('\n') + '\n';
}

t.test('faults after several chunks were written: every faulty row is reported, and nothing of the file is applied', async (t) => {
  t.ok(IMPORT_CHUNK < 1_100, 'the faults below come after at least two chunks');
  const testApp = await buildTestApp(t);
  const cast = await castOf(testApp);
  const headers = { ...cast.coordinatorAmsterdam, 'content-type': 'text/csv' };
  t.equal((await testApp.app.inject({ method: 'POST', url, headers, payload: importFile(100) })).statusCode, 200);
  const before = await footprint(testApp);

  // Rows 1–100 update nothing, 101–1,200 are new; row 1,150 has a bad address, row 1,190 repeats row 10's.
  const file = editedFile(1_200, (line, row) =>
    row === 1_150 ? line.replace('medewerker1150@amsterdam.nl', 'geen-e-mailadres') : row === 1_190 ? line.replace('medewerker1190@', 'medewerker10@') : line,
  );
  for (const proefrun of [true, false]) {
    const response = await testApp.app.inject({ method: 'POST', url: `${url}?proefrun=${proefrun}`, headers, payload: file });
    t.equal(response.statusCode, 400);
    const report = response.json();
    t.match(report, { proefrun, aangemaakt: 0, bijgewerkt: 0, ongewijzigd: 0, detail: /2 regels bevatten fouten; er is niets geïmporteerd/ });
    t.same(report.fouten, [
      { regel: 1_151, veld: 'email', melding: 'Dit is geen geldig e-mailadres.' },
      { regel: 1_191, veld: 'email', melding: 'Dit e-mailadres staat ook op regel 11.' },
    ]);
    t.same(await footprint(testApp), before, `nothing applied (proefrun=${proefrun}): no entry, expertise, audit row, outbox row or search document`);
  }

  // A file that is not valid CSV after a few chunks (an unclosed quote): the same, with the parser's reason.
  const broken = `${importFile(1_100).trimEnd()}\n"Kapot, afdeling 1,Consulent,kapot@amsterdam.nl\n`;
  const response = await testApp.app.inject({ method: 'POST', url, headers, payload: broken });
  t.equal(response.statusCode, 400);
  t.match(response.json().fouten, [{ regel: 1_102, veld: '(bestand)', melding: /^Het bestand is geen geldige CSV/ }]);
  t.same(await footprint(testApp), before, 'nothing of the broken file applied');
});

t.test('rows across chunks are matched to existing entries by e-mail; a dry run reports the same counts and writes nothing', async (t) => {
  const testApp = await buildTestApp(t);
  const cast = await castOf(testApp);
  const headers = { ...cast.coordinatorAmsterdam, 'content-type': 'text/csv' };
  t.equal((await testApp.app.inject({ method: 'POST', url, headers, payload: importFile(600) })).statusCode, 200);
  const before = await footprint(testApp);

  // Rows 1–300 as they are, 301–600 with another function (across the first chunk boundary), 601–1,200 new.
  const file = editedFile(1_200, (line, row) => (row > 300 && row <= 600 ? line.replace(',Consulent,', ',Teamleider,') : line));
  const dry = await testApp.app.inject({ method: 'POST', url: `${url}?proefrun=true`, headers, payload: file });
  t.same(dry.json(), { proefrun: true, aangemaakt: 600, bijgewerkt: 300, ongewijzigd: 300, fouten: [] });
  t.same(await footprint(testApp), before, 'a dry run writes nothing');

  const applied = await testApp.app.inject({ method: 'POST', url, headers, payload: file });
  t.same(applied.json(), { proefrun: false, aangemaakt: 600, bijgewerkt: 300, ongewijzigd: 300, fouten: [] });
  const rows = await testApp.database.sql<{ email: string; functie: string; versie: number }[]>`
    SELECT email, functie, versie FROM professionals WHERE email IN ('medewerker300@amsterdam.nl', 'medewerker301@amsterdam.nl', 'medewerker600@amsterdam.nl', 'medewerker601@amsterdam.nl') ORDER BY email`;
  t.same(rows, [
    { email: 'medewerker300@amsterdam.nl', functie: 'Consulent', versie: 1 },
    { email: 'medewerker301@amsterdam.nl', functie: 'Teamleider', versie: 2 },
    { email: 'medewerker600@amsterdam.nl', functie: 'Teamleider', versie: 2 },
    { email: 'medewerker601@amsterdam.nl', functie: 'Consulent', versie: 1 },
  ]);
  t.match(await footprint(testApp), { professionals: 1_200, versies: 1_500, outbox: before!.outbox + 900 }, 'new and changed entries queued for search engines');
});

t.test('memory does not grow with the file: reading never runs more than one chunk ahead of writing', async (t) => {
  const testApp = await buildTestApp(t);
  await castOf(testApp);
  const principal = { issuer: 'http://127.0.0.1', subject: people.coordinatorAmsterdam.sub, organisatie: 'gm0363', naam: null, email: null, rollen: [{ rol: 'coordinator' as const, organisatie: 'gm0363' }] };
  const context = { db: testApp.database.db, principal, audit: { actor: principal, herkomst: 'test' }, termijnen: testApp.config.termijnen };
  const rows = 4 * IMPORT_CHUNK;
  const events: { fase: ImportFase; verwerkt: number }[] = [];
  const report = await importEntries(context, 'gm0363', importFile(rows), false, { onProgress: (fase, verwerkt) => void events.push({ fase, verwerkt }) });
  t.match(report, { aangemaakt: rows, fouten: [] });

  // The rows read but not yet written are what the import holds: at most one chunk, however long the file.
  let written = 0;
  let ahead = 0;
  for (const { fase, verwerkt } of events) {
    if (fase === 'toepassen') written = verwerkt;
    if (fase === 'controleren') ahead = Math.max(ahead, verwerkt - written);
  }
  t.ok(ahead <= IMPORT_CHUNK, `rows read ahead of the last chunk written: at most ${ahead}, chunk ${IMPORT_CHUNK}`);
  t.same(events.filter((e) => e.fase === 'toepassen').map((e) => e.verwerkt), [1, 2, 3, 4].map((n) => n * IMPORT_CHUNK), 'one write per chunk');
  t.ok(events.every((e, i) => i === 0 || e.verwerkt >= events[i - 1]!.verwerkt), 'progress never goes back, though the stages take turns');
  t.equal(events.at(-1)?.verwerkt, rows);
});

t.test('a file that is no valid CSV from its second line: reported as such, though the parser fails before the first row is asked for', async (t) => {
  // The parser reads the first slice while the import opens its transaction; its error must reach the report, not
  // the process (an 'error' event nobody listened to stopped the service; found by test/robustness/fuzz.test.ts).
  const testApp = await buildTestApp(t);
  const cast = await castOf(testApp);
  const headers = { ...cast.coordinatorAmsterdam, 'content-type': 'text/csv' };
  for (const payload of ['naam,functie,email,rolniveau,expertisegebieden\n"Piet"Jansen,Consulent,piet@amsterdam.nl,specialist,schulden\n', 'kleur\n"a"b\n']) {
    const response = await testApp.app.inject({ method: 'POST', url, headers, payload });
    t.equal(response.statusCode, 400);
    t.match(response.json().fouten, [{ regel: 2, veld: '(bestand)', melding: /^Het bestand is geen geldige CSV: Invalid Closing Quote/ }]);
  }
  t.equal((await footprint(testApp))?.professionals, 0);
});
