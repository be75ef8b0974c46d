import t from 'tap';
import { todayInNetherlands } from '../../src/professionals/afwezigheid.js';
import { loadReferenceSets, resolveWerkgebied } from '../../src/professionals/references.js';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';

/** The entry forms as a new user met them (issue s7): messages, werkgebied names, one round of errors, absences. */

type Param = { name: string; code: string; reason: string };
const paramsOf = (response: { json(): unknown }) => ((response.json() as { invalidParams?: Param[] }).invalidParams ?? []);
const reasonOf = (response: { json(): unknown }, name: string) => paramsOf(response).find((p) => p.name === name)?.reason;

t.test('werkgebied by any name: official names and aliases; a name that is both gemeente and province is asked, not guessed', async (t) => {
  const { database } = await buildTestApp(t);
  const sets = await loadReferenceSets(database.db);
  const waarde = (value: string) => {
    const uitkomst = resolveWerkgebied(sets, value);
    return 'waarde' in uitkomst ? uitkomst.waarde : uitkomst.code;
  };
  for (const name of ["'s-Hertogenbosch", '’s-Hertogenbosch', 's-Hertogenbosch', 'Den Bosch', 'Gemeente ’s-Hertogenbosch', "'s-Hertogenbosch (gemeente)"]) t.equal(waarde(name), 'gm0796', name);
  for (const name of ['Den Haag', "'s-Gravenhage", '’s-Gravenhage', 's Gravenhage', 'gemeente Den Haag']) t.equal(waarde(name), 'gm0518', name);
  t.equal(waarde('Bergen (NH)'), 'gm0373', 'the official spelling with brackets');
  t.equal(waarde('Nuenen'), 'gm0820', 'the name people use');
  t.equal(waarde('GM0855'), 'gm0855', 'a code');
  t.equal(waarde('Friesland'), 'Fryslân', 'a province by its common name');
  t.equal(waarde('Utrecht (gemeente)'), 'gm0344');
  t.equal(waarde('gemeente utrecht'), 'gm0344');
  t.equal(waarde('Utrecht (provincie)'), 'Utrecht');
  t.equal(waarde('Provincie Utrecht'), 'Utrecht');
  t.equal(waarde('Noord-Brabant'), 'Noord-Brabant', 'a province that is no gemeente needs no addition');
  for (const name of ['utrecht', 'Utrecht', 'Groningen']) t.equal(waarde(name), 'ambiguous', `${name}: neither chosen silently`);
  const utrecht = resolveWerkgebied(sets, 'utrecht');
  t.match(utrecht, { reason: '‘Utrecht’ is zowel een gemeente als een provincie; kies ‘Utrecht (gemeente)’ of ‘Utrecht (provincie)’.' });
  t.equal(waarde('Tilbrug'), 'unknown');
});

t.test('the API: empty required fields say to fill them in, all errors come in one round, a past absence is refused', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const cast = await castOf(testApp);
  const post = (override: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.beheerder, payload: entryBody(override) });

  const empty = await post({ naam: '', functie: '  ', email: '' });
  t.equal(empty.statusCode, 400);
  t.equal(reasonOf(empty, 'naam'), 'Vul de naam in.', 'empty, not "too short"');
  t.equal(reasonOf(empty, 'functie'), 'Vul de functie in.', 'only spaces is empty too');
  t.equal(reasonOf(empty, 'email'), 'Vul het werk-e-mailadres in.');
  t.equal(paramsOf(empty).filter((p) => p.name === 'naam').length, 1, 'one message per field');
  const missing = await post({ functie: undefined });
  t.equal(reasonOf(missing, 'functie'), 'Vul de functie in.', 'a missing field too');
  t.match(reasonOf(await post({ naam: 'E' }), 'naam'), /minstens 2 tekens/, 'too short is still too short');

  const both = await post({ naam: '', werkgebied: ['Tilbrug', 'Tilburg', 'utrecht'] });
  t.equal(both.statusCode, 400);
  t.same(
    paramsOf(both).map((p) => [p.name, p.code]),
    [
      ['naam', 'too_small'],
      ['werkgebied.0', 'unknown'],
      ['werkgebied.2', 'ambiguous'],
    ],
    'the unknown and the ambiguous werkgebied are reported with the empty name, in field order',
  );
  t.match(both.json(), { detail: 'Ongeldige body: naam, werkgebied.0, werkgebied.2.' });

  const yesterday = new Date(Date.now() - 86_400_000);
  const past = await post({ afwezigTot: todayInNetherlands(yesterday) });
  t.equal(past.statusCode, 400);
  t.match(reasonOf(past, 'afwezigTot'), /al voorbij/, 'a date before today is refused, naming afwezigTot');
  t.equal((await post({ afwezigTot: '2020-01-01', naam: '' })).statusCode, 400);

  const created = await post({ afwezigTot: todayInNetherlands(), werkgebied: ["'s-Hertogenbosch", 'Den Haag', 'Utrecht (provincie)'] });
  t.equal(created.statusCode, 201, created.body);
  t.match(created.json(), { afwezigTot: todayInNetherlands(), werkgebied: ['gm0796', 'gm0518', 'Utrecht'] }, 'today counts; names stored as codes and province names');

  // A value the entry already has stays as it is: a client sending back what it read is not asked again.
  const { id, versie } = created.json();
  const patched = await app.inject({ method: 'PATCH', url: `/api/v1/professionals/${id}`, headers: { ...cast.beheerder, 'if-match': `"${versie}"` }, payload: { werkgebied: ['gm0796', 'Utrecht'] } });
  t.equal(patched.statusCode, 200, patched.body);
  t.same(patched.json().werkgebied, ['gm0796', 'Utrecht']);
  const patchErrors = await app.inject({ method: 'PATCH', url: `/api/v1/professionals/${id}`, headers: { ...cast.beheerder, 'if-match': `"${versie + 1}"` }, payload: { naam: '', werkgebied: ['Utrecht', 'Groningen'] } });
  t.same(
    paramsOf(patchErrors).map((p) => p.name),
    ['naam', 'werkgebied.1'],
    'a patch too: its own kept value passes, the new ambiguous one is named with the other errors',
  );
  const badId = await app.inject({ method: 'PATCH', url: '/api/v1/professionals/niet-een-uuid', headers: { ...cast.beheerder, 'if-match': '"1"' }, payload: { naam: '' } });
  t.equal(badId.statusCode, 400, 'an invalid path is still refused as such');
  t.match(badId.json(), { invalidParams: [{ name: 'id' }] });
});
