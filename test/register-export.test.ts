import { readFileSync } from 'node:fs';
import t from 'tap';
import { organisatieExports } from '../db/seed/index.js';
import { parseRegisterExport, registerSlug, tooiLocalId } from '../src/organisaties/register-export.js';

t.test('codes: the TOOI local id, else a slug of the register id', async (t) => {
  t.equal(tooiLocalId('https://identifier.overheid.nl/tooi/id/gemeente/gm0363'), 'gm0363');
  t.equal(tooiLocalId('https://identifier.overheid.nl/tooi/id/oorg/oorg10148'), 'oorg10148');
  t.equal(registerSlug('org:zbo-bvs'), 'zbo-bvs');
});

t.test('the bundled exports parse without errors into unique codes', async (t) => {
  const [gemeenten, rijk] = organisatieExports.map((file) => parseRegisterExport(readFileSync(file, 'utf8')));
  t.equal(gemeenten!.kind, 'gemeenten');
  t.equal(gemeenten!.organisaties.length, 342);
  t.same(gemeenten!.fouten, []);
  t.equal(rijk!.kind, 'rijk');
  t.equal(rijk!.organisaties.length, 295);
  t.same(rijk!.fouten, []);
  const uwv = rijk!.organisaties.find((o) => o.code === 'zb000117');
  t.match(uwv, { naam: 'Uitvoeringsinstituut Werknemersverzekeringen', afkorting: 'UWV', type: 'zbo', ministerieCode: 'mnre1073' });
  const belastingdienst = rijk!.organisaties.find((o) => o.afkorting === 'BD');
  t.equal(belastingdienst?.ministerieCode, 'mnre1090', 'parent resolved from parent_id');
  t.match(rijk!.organisaties.find((o) => o.code === 'pv22'), { type: 'provincie', provincie: 'Drenthe' });
  t.match(rijk!.organisaties.find((o) => o.code === 'mnre1073'), { officieleNaam: 'Ministerie van Sociale Zaken en Werkgelegenheid' });
});

t.test('errors name the line and the column; unknown formats are refused', async (t) => {
  const csv = [
    'cbs_code,gemeentecode,naam,officiele_naam,provincie,tooi_uri,oin,kvk,roo_id,wikidata',
    'GM0001,0001,Ergens,"Gemeente Ergens, met komma",Utrecht,https://identifier.overheid.nl/tooi/id/gemeente/gm0001,,,,',
    'XX0002,0002,,Gemeente Nergens,Utrecht,,123,,,',
    'GM0001,0001,Dubbel,Gemeente Dubbel,Utrecht,https://identifier.overheid.nl/tooi/id/gemeente/gm0001,,,,',
  ].join('\n');
  const parsed = parseRegisterExport(csv);
  t.equal(parsed.organisaties[0]?.officieleNaam, 'Gemeente Ergens, met komma', 'quoted commas');
  t.match(parsed.fouten, [
    { regel: 3, veld: 'cbs_code' },
    { regel: 3, veld: 'naam' },
    { regel: 3, veld: 'oin' },
    { regel: 4, veld: 'tooi_uri', melding: /gm0001 komt al voor op regel 2/ },
  ]);
  const unknown = parseRegisterExport('a,b\n1,2');
  t.match(unknown.fouten, [{ regel: 1, veld: '(kopregel)', melding: /onbekend formaat/ }]);
});
