import t from 'tap';
import { buildTestApp } from '../helpers/app.js';
import { importFile } from '../helpers/import-csv.js';
import { castOf } from '../helpers/people.js';

// Large synchronous imports, one file per case so each stays well under tap's per-file timeout on a busy machine
// (import jobs have their own test: import-jobs.test.ts).
const url = '/api/v1/organisaties/gm0363/importen';

t.test('10,000 rows with one bad row: nothing is applied and the row is named by its line in the file', async (t) => {
  const testApp = await buildTestApp(t, { IMPORT_JOB_ROWS: '20000' });
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const headers = { ...cast.coordinatorAmsterdam, 'content-type': 'text/csv' };

  const bad = await app.inject({ method: 'POST', url, headers, payload: importFile(10_000, { badRow: 4_321 }) });
  t.equal(bad.statusCode, 400);
  t.match(bad.headers['content-type'], /^application\/problem\+json/);
  const report = bad.json();
  t.match(report, { aangemaakt: 0, bijgewerkt: 0, ongewijzigd: 0, detail: /1 regel bevat fouten; er is niets geïmporteerd/ });
  t.same(report.fouten, [{ regel: 4_322, veld: 'email', melding: 'Dit is geen geldig e-mailadres.' }], 'row 4,321 is line 4,322 of the file');
  t.equal(report.invalidParams[0].name, 'regel 4322: email');
  const [row] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM professionals`;
  t.equal(row?.n, 0, 'nothing applied');
});
