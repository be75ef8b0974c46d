import t from 'tap';
import { normalisePhone, isPrivateMail } from '../../src/professionals/contact-fields.js';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';

t.test('phone numbers: Dutch and international numbers are normalised to E.164, nonsense refused', async (t) => {
  t.equal(normalisePhone('020 123 4567'), '+31201234567');
  t.equal(normalisePhone('06-12345678'), '+31612345678');
  t.equal(normalisePhone('+31 (0)70 123 4567'), '+31701234567');
  t.equal(normalisePhone('0800 1234'), '+318001234');
  t.equal(normalisePhone('+32 2 555 12 34'), '+3225551234', 'Belgian number');
  t.equal(normalisePhone('14 020'), '14 020', 'municipal 14-number');
  t.equal(normalisePhone('14010'), '14 010');
  for (const bad of ['123', 'bel mij', '+31 12', '0201234567890']) t.equal(normalisePhone(bad), undefined, bad);
});

t.test('work e-mail: free mail providers are refused', async (t) => {
  t.ok(isPrivateMail('iemand@gmail.com'));
  t.ok(isPrivateMail('IEMAND@Hotmail.NL'));
  t.notOk(isPrivateMail('iemand@uwv.nl'));
});

t.test('every invalid field gives 400 problem+json naming it, in Dutch; nothing is stored', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ naam: 'E' }, 'naam', /minstens 2 tekens/],
    [{ naam: 'x'.repeat(101) }, 'naam', /hoogstens 100/],
    [{ functie: undefined }, 'functie', /./],
    [{ rolniveau: 'baas' }, 'rolniveau', /./],
    [{ expertisegebieden: [] }, 'expertisegebieden', /minstens één/],
    [{ expertisegebieden: ['bestaat-niet'] }, 'expertisegebieden.0', /bestaat niet/],
    [{ expertisegebieden: ['schulden', 'schulden'] }, 'expertisegebieden', /meer dan eens/],
    [{ email: 'geen-adres' }, 'email', /geen geldig e-mailadres/],
    [{ email: 'eva@gmail.com' }, 'email', /werk-e-mailadres/],
    [{ telefoon: '12345' }, 'telefoon', /geen geldig telefoonnummer/],
    [{ werkgebied: ['Atlantis'] }, 'werkgebied.0', /geen bekende provincie of gemeente/],
    [{ afwezigTot: '31-12-2026' }, 'afwezigTot', /datum/],
    [{ zichtbaarheid: 'iedereen' }, 'zichtbaarheid', /./],
    [{ soort: 'robot' }, 'soort', /./],
    [{ organisatie: 'gm9999' }, 'organisatie', /bestaat niet/],
    [{ trefwoorden: ['x'] }, 'trefwoorden.0', /minstens 2/],
    [{ overMij: 'x'.repeat(1001) }, 'overMij', /hoogstens 1000/],
    [{ clientBsn: '123456782' }, 'clientBsn', /Onbekend veld/],
  ];
  for (const [override, field, reason] of cases) {
    const response = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.beheerder, payload: entryBody(override) });
    t.equal(response.statusCode, 400, `${field}: 400`);
    t.match(response.headers['content-type'], /^application\/problem\+json/);
    const problem = response.json();
    const param = problem.invalidParams?.find((p: { name: string }) => p.name === field);
    t.ok(param, `${field}: named (got ${JSON.stringify(problem.invalidParams)})`);
    if (param) t.match(param.reason, reason, `${field}: reason`);
  }
  const notJson = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: { ...cast.beheerder, 'content-type': 'application/json' }, payload: '{"naam":' });
  t.equal(notJson.statusCode, 400, 'malformed JSON');
  const tooBig = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.beheerder, payload: entryBody({ overMij: 'x'.repeat(2_000_000) }) });
  t.equal(tooBig.statusCode, 413, 'body limit');
  const [count] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM professionals`;
  t.equal(count?.n, 0, 'nothing stored');
});

t.test('PATCH validates the same way, and refuses unknown fields', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const eva = await testApp.auth({ sub: 'eva', organisatie: 'gm0363' });
  const { id } = (await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: eva, payload: entryBody() })).json();
  for (const [payload, field] of [
    [{ email: 'x' }, 'email'],
    [{ expertisegebieden: ['nope'] }, 'expertisegebieden.0'],
    [{ versie: 5 }, 'versie'],
    [{ status: 'weg' }, 'status'],
  ] as const) {
    const response = await app.inject({ method: 'PATCH', url: `/api/v1/professionals/${id}`, headers: { ...eva, 'if-match': '"1"' }, payload });
    t.equal(response.statusCode, 400, field);
    t.ok(response.json().invalidParams.some((p: { name: string }) => p.name === field), `${field} named`);
  }
  t.equal((await app.inject({ url: `/api/v1/professionals/${id}`, headers: eva })).json().versie, 1, 'unchanged');
  t.equal((await app.inject({ url: '/api/v1/professionals/niet-een-uuid', headers: eva })).statusCode, 400);
  t.equal((await app.inject({ url: '/api/v1/professionals/00000000-0000-4000-8000-000000000000', headers: eva })).statusCode, 404);
});
