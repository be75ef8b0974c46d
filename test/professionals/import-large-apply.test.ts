import t from 'tap';
import { buildTestApp } from '../helpers/app.js';
import { importFile } from '../helpers/import-csv.js';
import { castOf } from '../helpers/people.js';

// Large synchronous imports, one file per case so each stays well under tap's per-file timeout on a busy machine
// (import jobs have their own test: import-jobs.test.ts).
const url = '/api/v1/organisaties/gm0363/importen';

t.test('10,000 rows: a dry run changes nothing, the import applies fully, the same file again leaves all unchanged', async (t) => {
  const testApp = await buildTestApp(t, { IMPORT_JOB_ROWS: '20000' });
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const headers = { ...cast.coordinatorAmsterdam, 'content-type': 'text/csv' };
  const count = async () => (await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM professionals`)[0]?.n;

  const file = importFile(10_000);
  const dry = await app.inject({ method: 'POST', url: `${url}?proefrun=true`, headers, payload: file });
  t.match(dry.json(), { proefrun: true, aangemaakt: 10_000, bijgewerkt: 0, ongewijzigd: 0, fouten: [] });
  t.equal(await count(), 0, 'a dry run changes nothing');

  const applied = await app.inject({ method: 'POST', url, headers, payload: file });
  t.equal(applied.statusCode, 200);
  t.same(applied.json(), { proefrun: false, aangemaakt: 10_000, bijgewerkt: 0, ongewijzigd: 0, fouten: [] });
  t.equal(await count(), 10_000);
  const [sample] = await database.sql`
    SELECT p.naam, p.telefoon, p.trefwoorden, p.werkgebied, array_agg(pe.expertisegebied_code ORDER BY pe.volgorde) AS expertise
    FROM professionals p JOIN professional_expertisegebieden pe ON pe.professional_id = p.id
    WHERE p.email = 'medewerker7@amsterdam.nl' GROUP BY p.id`;
  t.match(sample, { naam: 'Medewerker 7, afdeling 7', telefoon: /^\+3120/, trefwoorden: ['maatwerk', 'inkomen'], werkgebied: ['Noord-Holland'], expertise: ['wmo', 'zorg-ondersteuning'] });
  const [outbox] = await database.sql<{ n: number }[]>`SELECT count(DISTINCT professional_id)::int AS n FROM zoekindex_outbox`;
  t.equal(outbox?.n, 10_000, 'every new entry is queued for search engines');

  const again = await app.inject({ method: 'POST', url, headers, payload: file });
  t.same(again.json(), { proefrun: false, aangemaakt: 0, bijgewerkt: 0, ongewijzigd: 10_000, fouten: [] });
});
