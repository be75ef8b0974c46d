import { writeFileSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { TEST_DATA_DIR } from '../helpers/cluster.js';
import { createTestDatabase } from '../helpers/database.js';
import { runScript, tempDataDir } from '../helpers/processes.js';

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
