import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { TEST_DATA_DIR } from './helpers/cluster.js';
import { createTestDatabase } from './helpers/database.js';
import { runScript, tempDataDir } from './helpers/processes.js';

t.test('token: prints only a token; refuses unknown organisations, missing arguments and production', async (t) => {
  const database = await createTestDatabase(t);
  const env = { DATABASE_URL: database.url, DATA_DIR: TEST_DATA_DIR, NODE_ENV: 'test' };
  const ok = await runScript('scripts/token.ts', ['--sub', 'jan', '--organisatie', 'zb000117', '--email', 'jan@uwv.nl', '--ttl', '30m'], env);
  t.equal(ok.code, 0);
  t.match(ok.stdout, /^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  const payload = JSON.parse(Buffer.from(ok.stdout.split('.')[1]!, 'base64url').toString());
  t.match(payload, { sub: 'jan', organisatie: 'zb000117', email: 'jan@uwv.nl', iss: 'urn:maatwerkregister:ontwikkeling' });
  t.equal(payload.exp - payload.iat, 1800, 'ttl 30m');

  const unknown = await runScript('scripts/token.ts', ['--sub', 'jan', '--organisatie', 'gm9999'], env);
  t.equal(unknown.code, 1);
  t.equal(unknown.stdout, '', 'nothing on stdout on failure');
  t.match(unknown.stderr, /unknown organisation "gm9999"/);

  const missing = await runScript('scripts/token.ts', ['--organisatie', 'gm0363'], env);
  t.equal(missing.code, 64);
  t.match(missing.stderr, /--sub is required[\s\S]*usage:/);

  const production = await runScript('scripts/token.ts', ['--sub', 'jan', '--organisatie', 'gm0363'], { ...env, NODE_ENV: 'production' });
  t.not(production.code, 0);
  t.match(production.stderr, /development issuer is disabled/);
});

t.test('rol: grant, list and revoke roles; invalid input is explained', async (t) => {
  const database = await createTestDatabase(t);
  const env = { DATABASE_URL: database.url, DATA_DIR: TEST_DATA_DIR, NODE_ENV: 'test' };
  t.equal((await runScript('scripts/rol.ts', ['toekennen', '--sub', 'anna', '--rol', 'coordinator', '--organisatie', 'gm0855'], env)).code, 0);
  const list = await runScript('scripts/rol.ts', ['lijst'], env);
  t.match(list.stdout, /^coordinator\tgm0855\tanna\turn:maatwerkregister:ontwikkeling\t/m);
  t.equal((await runScript('scripts/rol.ts', ['intrekken', '--sub', 'anna', '--rol', 'coordinator', '--organisatie', 'gm0855'], env)).code, 0);
  t.equal((await runScript('scripts/rol.ts', ['lijst'], env)).stdout, '');

  const noOrganisation = await runScript('scripts/rol.ts', ['toekennen', '--sub', 'anna', '--rol', 'coordinator'], env);
  t.equal(noOrganisation.code, 1);
  t.match(noOrganisation.stderr, /organisatie: Een coördinator hoort bij een organisatie/);
  const badRole = await runScript('scripts/rol.ts', ['toekennen', '--sub', 'anna', '--rol', 'koning'], env);
  t.equal(badRole.code, 64);
});

t.test('organisaties:import: all or nothing, updates in place, deactivates what disappeared', async (t) => {
  const database = await createTestDatabase(t);
  const env = { DATABASE_URL: database.url, DATA_DIR: TEST_DATA_DIR, NODE_ENV: 'test' };
  const dir = tempDataDir();
  const header = 'cbs_code,gemeentecode,naam,officiele_naam,provincie,tooi_uri,oin,kvk,roo_id,wikidata';
  const amsterdam = 'GM0363,0363,Amsterdam,Gemeente Amsterdam,Noord-Holland,https://identifier.overheid.nl/tooi/id/gemeente/gm0363,00000001002564440000,34366966,25698,Q9899';
  const renamed = 'GM0855,0855,Tilburg-Stad,Gemeente Tilburg-Stad,Noord-Brabant,https://identifier.overheid.nl/tooi/id/gemeente/gm0855,,,,';
  const broken = 'GM08X5,0855,,Gemeente X,Noord-Brabant,not-a-uri,,,,';

  const bad = path.join(dir, 'bad.csv');
  writeFileSync(bad, [header, amsterdam, broken].join('\n'));
  const refused = await runScript('scripts/organisaties-import.ts', [bad], env);
  t.equal(refused.code, 1);
  t.match(refused.stderr, /line 3, cbs_code/);
  t.match(refused.stderr, /line 3, naam/);
  const [active] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM organisaties WHERE type = 'gemeente' AND actief`;
  t.equal(active?.n, 342, 'nothing changed');

  const good = path.join(dir, 'good.csv');
  writeFileSync(good, [header, amsterdam, renamed].join('\n'));
  const dry = await runScript('scripts/organisaties-import.ts', [good, '--proefrun'], env);
  t.equal(dry.code, 0);
  t.match(dry.stderr, /dry run/);
  t.same(JSON.parse(dry.stdout), { aangemaakt: 0, bijgewerkt: 1, ongewijzigd: 1, gedeactiveerd: 340 }, 'the dry run reports what would change');
  const [stillActive] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM organisaties WHERE type = 'gemeente' AND actief`;
  t.equal(stillActive?.n, 342, 'and changes nothing');
  const applied = await runScript('scripts/organisaties-import.ts', [good], env);
  t.equal(applied.code, 0, applied.stderr);
  t.same(JSON.parse(applied.stdout), { aangemaakt: 0, bijgewerkt: 1, ongewijzigd: 1, gedeactiveerd: 340 });
  const rows = await database.sql<{ code: string; naam: string; actief: boolean }[]>`
    SELECT code, naam, actief FROM organisaties WHERE code IN ('gm0363', 'gm0855', 'gm0014') ORDER BY code`;
  t.same(rows, [
    { code: 'gm0014', naam: 'Groningen', actief: false },
    { code: 'gm0363', naam: 'Amsterdam', actief: true },
    { code: 'gm0855', naam: 'Tilburg-Stad', actief: true },
  ]);
  const [all] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM organisaties WHERE type = 'gemeente'`;
  t.equal(all?.n, 342, 'never deletes');
  const [ministries] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM organisaties WHERE type = 'ministerie' AND actief`;
  t.ok((ministries?.n ?? 0) > 10, 'a gemeenten export leaves other types alone');
});

t.test('every npm script that runs a file names a file that exists', async (t) => {
  const root = new URL('..', import.meta.url);
  const { scripts } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> };
  for (const [name, command] of Object.entries(scripts)) {
    for (const [, file] of command.matchAll(/(?:tsx|node)\s+(?:--\S+\s+)*(\S+\.[cm]?[jt]sx?)\b/g)) {
      t.ok(existsSync(new URL(file!, root)), `npm run ${name}: ${file} exists`);
    }
  }
});
