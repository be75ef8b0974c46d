import { Writable } from 'node:stream';
import pino from 'pino';
import t from 'tap';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';

/**
 * Issue 16, F4: text PostgreSQL cannot store (U+0000, lone surrogates) and dates outside its range reached the
 * database and came back as 500. Every entry point answers 400 naming the field instead, and nothing is stored.
 */

const NUL = '\u0000';

function namedIn(problem: { invalidParams?: { name: string }[] }, field: string) {
  return (problem.invalidParams ?? []).some((p) => p.name === field || p.name.endsWith(`: ${field}`));
}

t.test('U+0000 and lone surrogates in JSON bodies, query strings and path parameters: 400 naming the field', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const bodies: [Record<string, unknown>, string][] = [
    [{ naam: `Eva${NUL}` }, 'naam'],
    [{ functie: `Consulent${NUL}` }, 'functie'],
    [{ trefwoorden: ['goed', `fout${NUL}`] }, 'trefwoorden.1'],
    [{ overMij: 'Half \ud800 teken' }, 'overMij'],
    [{ email: `eva${NUL}@amsterdam.nl` }, 'email'],
  ];
  for (const [override, field] of bodies) {
    const response = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.beheerder, payload: entryBody(override) });
    t.equal(response.statusCode, 400, `body ${field}: 400`);
    t.match(response.headers['content-type'], /^application\/problem\+json/, `body ${field}: problem+json`);
    t.ok(namedIn(response.json(), field), `body ${field}: named (${response.body})`);
  }
  const urls: [string, string][] = [
    ['/api/v1/professionals?zoekterm=schuld%00', 'zoekterm'],
    ['/api/v1/organisaties?zoekterm=%00', 'zoekterm'],
    ['/api/v1/organisaties/gm%000363', 'code'],
    ['/api/v1/expertisegebieden/schul%00den', 'code'],
    ['/api/v1/auditlog?actor=%00', 'actor'],
  ];
  for (const [url, field] of urls) {
    const response = await app.inject({ url, headers: cast.beheerder });
    t.equal(response.statusCode, 400, `${url}: 400`);
    t.match(response.headers['content-type'], /^application\/problem\+json/, `${url}: problem+json`);
    t.ok(namedIn(response.json(), field), `${url}: ${field} named (${response.body})`);
  }
  const [count] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM professionals`;
  t.equal(count?.n, 0, 'nothing stored');
});

t.test('dates PostgreSQL cannot store (year 0000, beyond 9999): 400 naming the field', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  for (const afwezigTot of ['0000-01-01', '0000-12-31']) {
    const response = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.beheerder, payload: entryBody({ afwezigTot }) });
    t.equal(response.statusCode, 400, `afwezigTot ${afwezigTot}: 400`);
    t.ok(namedIn(response.json(), 'afwezigTot'), `afwezigTot ${afwezigTot}: named (${response.body})`);
  }
  const urls: [string, string][] = [
    ['/api/v1/auditlog?van=0000-01-01T00:00:00Z', 'van'],
    ['/api/v1/auditlog?tot=0001-01-01T00:00:00%2B01:00', 'tot'],
    ['/api/v1/inzichten/onbeantwoorde-zoekvragen?van=0000-06-01T00:00:00Z', 'van'],
    ['/api/v1/inzichten/onbeantwoorde-zoekvragen?tot=9999-12-31T23:59:59-05:00', 'tot'],
  ];
  for (const [url, field] of urls) {
    const response = await app.inject({ url, headers: cast.beheerder });
    t.equal(response.statusCode, 400, `${url}: 400`);
    t.ok(namedIn(response.json(), field), `${url}: ${field} named (${response.body})`);
  }
  const ok = await app.inject({ url: '/api/v1/auditlog?van=2020-01-01T00:00:00Z', headers: cast.beheerder });
  t.equal(ok.statusCode, 200, 'an ordinary date still works');
  const [count] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM professionals`;
  t.equal(count?.n, 0, 'nothing stored');
});

t.test('CSV import: U+0000 in a cell and year 0000 are reported per row and field, nothing imported', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const header = 'naam,functie,email,rolniveau,expertisegebieden,afwezigTot';
  const cases: [string, string][] = [
    [`Eva${NUL} de Boer,Consulent,eva@amsterdam.nl,specialist,schulden,`, 'naam'],
    [`Eva de Boer,Consulent,eva@amsterdam.nl,specialist,schul${NUL}den,`, 'expertisegebieden'],
    ['Eva de Boer,Consulent,eva@amsterdam.nl,specialist,schulden,0000-01-01', 'afwezigTot'],
  ];
  for (const [row, field] of cases) {
    const csv = `${header}\nPiet Jansen,Consulent,piet@amsterdam.nl,specialist,schulden,\n${row}\n`;
    const response = await app.inject({ method: 'POST', url: '/api/v1/organisaties/gm0363/importen', headers: { ...cast.coordinatorAmsterdam, 'content-type': 'text/csv' }, payload: csv });
    t.equal(response.statusCode, 400, `${field}: 400`);
    t.match(response.headers['content-type'], /^application\/problem\+json/);
    t.ok((response.json().fouten ?? []).some((f: { regel: number; veld: string }) => f.regel === 3 && f.veld.startsWith(field)), `${field}: row 3 named (${response.body})`);
  }
  const [count] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM professionals`;
  t.equal(count?.n, 0, 'nothing imported');
});

t.test('token claims PostgreSQL cannot store: 400 naming the claim, not 500', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const cases: [Record<string, string>, string][] = [
    [{ sub: `eva${NUL}` }, 'sub'],
    [{ organisatie: `gm0363${NUL}` }, 'organisatie'],
    [{ naam: `Eva${NUL}` }, 'name'],
    [{ email: `eva${NUL}@amsterdam.nl` }, 'email'],
  ];
  for (const [claims, claim] of cases) {
    const response = await app.inject({ url: '/api/v1/mij', headers: await testApp.auth(claims) });
    t.equal(response.statusCode, 400, `${claim}: 400`);
    t.match(response.headers['content-type'], /^application\/problem\+json/, `${claim}: problem+json`);
    t.ok(namedIn(response.json(), `token.${claim}`), `${claim}: named (${response.body})`);
  }
});

t.test('a failing query does not put personal data in the error log', async (t) => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const testApp = await buildTestApp(t, {}, { logger: pino({ level: 'info' }, sink) });
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  // Any write of an entry fails inside PostgreSQL, so the error carries the statement and its parameters.
  await database.sql.unsafe(`
    CREATE FUNCTION pg_temp_weiger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'schijf kapot'; END $$;
    CREATE TRIGGER weiger BEFORE INSERT ON professionals FOR EACH ROW EXECUTE FUNCTION pg_temp_weiger();`);
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/professionals',
    headers: cast.beheerder,
    payload: entryBody({ naam: 'Geheime Naam', email: 'geheim.adres@amsterdam.nl', telefoon: '020 765 4321' }),
  });
  t.ok(response.statusCode >= 500, `the write fails (${response.statusCode})`);
  const log = lines.join('');
  t.match(log, /schijf kapot/, 'the database error itself is logged');
  t.notMatch(log, /Geheime Naam/, 'no name in the log');
  t.notMatch(log, /geheim\.adres/, 'no e-mail address in the log');
  // The whole number: a timestamp in the log line may hold "765" by chance.
  t.notMatch(log, /765 ?4321/, 'no phone number in the log');
});
