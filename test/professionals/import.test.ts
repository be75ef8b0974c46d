import t from 'tap';
import { buildTestApp } from '../helpers/app.js';
import { importFile } from '../helpers/import-csv.js';
import { castOf } from '../helpers/people.js';

const url = '/api/v1/organisaties/gm0363/importen';

t.test('upsert by e-mail: changed rows are updated, absent columns keep their value, owners are kept', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const headers = { ...cast.coordinatorAmsterdam, 'content-type': 'text/csv' };
  t.equal((await app.inject({ method: 'POST', url, headers, payload: importFile(3) })).statusCode, 200);
  await database.sql`UPDATE professionals SET bereikbaarheid = 'ma–wo', eigenaar_issuer = 'x', eigenaar_subject = 'y' WHERE email = 'medewerker2@amsterdam.nl'`;

  // Semicolon-separated, fewer columns, one changed function.
  const partial = 'naam;functie;email;rolniveau;expertisegebieden\n"Medewerker 1, afdeling 1";Consulent;medewerker1@amsterdam.nl;specialist;participatiewet\n"Medewerker 2, afdeling 2";Teamleider;MEDEWERKER2@amsterdam.nl;coordinatie;participatiewet\n';
  const result = await app.inject({ method: 'POST', url, headers, payload: partial });
  t.same(result.json(), { proefrun: false, aangemaakt: 0, bijgewerkt: 1, ongewijzigd: 1, fouten: [] });
  const [row] = await database.sql`SELECT functie, bereikbaarheid, telefoon, eigenaar_subject, versie FROM professionals WHERE email = 'medewerker2@amsterdam.nl'`;
  t.match(row, { functie: 'Teamleider', bereikbaarheid: 'ma–wo', telefoon: /^\+31/, eigenaar_subject: 'y', versie: 2 });
});

t.test('the report names every faulty row, field and reason; header problems are reported on line 1', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const cast = await castOf(testApp);
  const headers = { ...cast.beheerder, 'content-type': 'text/csv' };
  const post = async (payload: string) => (await app.inject({ method: 'POST', url, headers, payload })).json();

  const header = await post('naam,functie,email,organisatie,kleur\nA,B,c@d.nl,gm0363,rood\n');
  t.match(header.fouten, [
    { regel: 1, veld: 'organisatie', melding: /volgt uit het adres/ },
    { regel: 1, veld: 'kleur', melding: /Onbekende kolom/ },
    { regel: 1, veld: 'rolniveau', melding: /verplichte kolom ontbreekt/ },
    { regel: 1, veld: 'expertisegebieden', melding: /verplichte kolom ontbreekt/ },
  ]);

  const rows = await post(
    [
      'naam,functie,email,rolniveau,expertisegebieden,telefoon,werkgebied,escalatiecontact',
      'Goed Persoon,Consulent,goed@amsterdam.nl,specialist,schulden,,,nee',
      'X,Consulent,x@amsterdam.nl,specialist,schulden,,,ja',
      'Dubbel,Consulent,goed@amsterdam.nl,specialist,onbekend-gebied,abc,Atlantis,misschien',
      'Te kort,Consulent',
    ].join('\n'),
  );
  t.match(rows.fouten, [
    { regel: 3, veld: 'naam', melding: /minstens 2/ },
    { regel: 4, veld: 'expertisegebieden', melding: /'onbekend-gebied' is geen bekend expertisegebied/ },
    { regel: 4, veld: 'escalatiecontact', melding: "'misschien' bestaat niet; kies ja of nee." },
    { regel: 4, veld: 'telefoon', melding: /telefoonnummer/ },
    { regel: 5, veld: '(regel)', melding: /Verwacht 8 kolommen, gevonden 2/ },
  ]);
  t.match(rows.detail, /3 regels bevatten fouten/);

  const references = await post('naam,functie,email,rolniveau,expertisegebieden,werkgebied\nA Persoon,Consulent,a@amsterdam.nl,specialist,onbekend-gebied,Atlantis\nB Persoon,Consulent,A@amsterdam.nl,specialist,schulden,\n');
  t.match(references.fouten, [
    { regel: 2, veld: 'expertisegebieden', melding: /geen bekend expertisegebied/ },
    { regel: 2, veld: 'werkgebied.0', melding: /geen bekende provincie of gemeente/ },
    { regel: 3, veld: 'email', melding: /ook op regel 2/ },
  ]);

  const wrongType = await app.inject({ method: 'POST', url, headers: { ...cast.beheerder, 'content-type': 'application/xml' }, payload: '<x/>' });
  t.equal(wrongType.statusCode, 415);
  const unknown = await app.inject({ method: 'POST', url: '/api/v1/organisaties/gm9999/importen', headers, payload: 'naam\n' });
  t.equal(unknown.statusCode, 404);
});

t.test('values as people write them: level, visibility and yes/no in any case, expertise by name or synonym (issue 14, point 9)', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const headers = { ...cast.coordinatorAmsterdam, 'content-type': 'text/csv' };
  const file = [
    'Naam;Functie;E-mail;Rolniveau;Expertisegebieden;Zichtbaarheid;Escalatiecontact;Werkgebied',
    'Eva de Boer;Klantmanager;eva@amsterdam.nl;Specialist;Participatiewet; Alle professionals ;Ja;Tilburg (gemeente)',
    'Bas Bakker;Teamleider;bas@amsterdam.nl;COÖRDINATIE;pw;Eigen organisatie;nee;Gemeente Amsterdam',
  ].join('\n');
  const response = await app.inject({ method: 'POST', url, headers, payload: file });
  t.equal(response.statusCode, 200, response.body);
  const rows = await database.sql<{ email: string; rolniveau: string; zichtbaarheid: string; escalatiecontact: boolean; werkgebied: string[]; expertise: string[] }[]>`
    SELECT p.email, p.rolniveau, p.zichtbaarheid, p.escalatiecontact, p.werkgebied, array_agg(pe.expertisegebied_code) AS expertise
    FROM professionals p JOIN professional_expertisegebieden pe ON pe.professional_id = p.id GROUP BY p.id ORDER BY p.email`;
  t.same(rows, [
    { email: 'bas@amsterdam.nl', rolniveau: 'coordinatie', zichtbaarheid: 'eigen-organisatie', escalatiecontact: false, werkgebied: ['gm0363'], expertise: ['participatiewet'] },
    { email: 'eva@amsterdam.nl', rolniveau: 'specialist', zichtbaarheid: 'alle-professionals', escalatiecontact: true, werkgebied: ['gm0855'], expertise: ['participatiewet'] },
  ]);

  const wrong = await app.inject({ method: 'POST', url, headers, payload: 'naam,functie,email,rolniveau,expertisegebieden\nA Persoon,Consulent,a@amsterdam.nl,specialist,schulden\nB Persoon,Consulent,b@amsterdam.nl,specialist,schulden\nC Persoon,Consulent,c@amsterdam.nl,Expert,schulden\n' });
  t.equal(wrong.statusCode, 400);
  t.same(wrong.json().fouten, [{ regel: 4, veld: 'rolniveau', melding: "'Expert' bestaat niet; kies uitvoering, specialist, coordinatie, management of bestuur." }], 'one reason, naming the choices');
});

t.test('the template example rows left in a file are refused by name, the rest of the file is checked as usual', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const cast = await castOf(testApp);
  const headers = { ...cast.coordinatorAmsterdam, 'content-type': 'text/csv' };
  const template = (await app.inject({ url: '/coordinatie/import/sjabloon.csv', headers: cast.coordinatorAmsterdam })).body;
  const header = template.replace(/^\uFEFF/, '').split('\r\n')[0]!;
  const own = header.split(',').map((column) => ({ naam: 'Ada Smit', functie: 'Consulent', email: 'ada@amsterdam.nl', rolniveau: 'uitvoering', expertisegebieden: 'schulden' })[column] ?? '').join(',');
  const report = (await app.inject({ method: 'POST', url: `${url}?proefrun=true`, headers, payload: `${template}${own}\r\n` })).json();
  t.match(report, {
    aangemaakt: 0,
    fouten: [
      { regel: 2, veld: 'email', melding: 'Dit is een voorbeeldregel uit het sjabloon. Verwijder deze regel en importeer opnieuw.' },
      { regel: 3, veld: 'email', melding: /voorbeeldregel/ },
    ],
  });
  t.equal(report.fouten.length, 2, 'the coordinator\'s own row is fine');
});
