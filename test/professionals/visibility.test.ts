import { sql } from 'drizzle-orm';
import { Meilisearch } from 'meilisearch';
import t from 'tap';
import type { Status, Zichtbaarheid } from '../../db/schema/index.js';
import { addMonths } from '../../src/professionals/termijnen.js';
import { beyondEveryone, findable, findableFor, holds, type Condition, type Viewer, type VisibilityFacts } from '../../src/professionals/visibility.js';
import { visibilitySql } from '../../src/professionals/visibility-sql.js';
import { meiliFilter } from '../../src/search/meilisearch/filter.js';
import { createTestDatabase } from '../helpers/database.js';
import { meilisearchFor } from '../helpers/meilisearch.js';

/**
 * The one visibility rule, through every translation: one table of entries and viewers, and each translation (code,
 * PostgreSQL, Meilisearch) must pick exactly the same entries.
 */

const now = new Date('2026-03-31T10:00:00Z');
const viewers: Viewer[] = [
  { organisatie: 'gm0363', pmm: false },
  { organisatie: 'gm0599', pmm: false },
  { organisatie: 'pmm', pmm: true },
  { organisatie: '', pmm: false },
];
const periods = [{ bevestigingMaanden: 12 }, { bevestigingMaanden: 1 }];

// Confirmation moments around both periods' horizons (at the end of a month: 31 March minus one month is 28 February).
const confirmed = ['2026-03-30T00:00:00Z', '2026-02-28T10:00:01Z', '2026-02-28T10:00:00Z', '2026-02-27T00:00:00Z', '2025-03-31T10:00:01Z', '2025-03-31T10:00:00Z', '2024-01-01T00:00:00Z'];
const entries: (VisibilityFacts & { id: number })[] = [];
for (const status of ['actief', 'inactief'] as Status[])
  for (const bevestigd of confirmed)
    for (const zichtbaarheid of ['alle-professionals', 'eigen-organisatie', 'pmm'] as Zichtbaarheid[])
      for (const organisatieCode of ['gm0363', 'gm0599', 'pmm'])
        entries.push({ id: entries.length + 1, status, bevestigdOp: new Date(bevestigd), zichtbaarheid, organisatieCode });

const conditions: { name: string; condition: Condition }[] = [
  ...periods.flatMap((period) => [
    { name: `findable (${period.bevestigingMaanden} months)`, condition: findable(period, now) },
    ...viewers.map((viewer) => ({ name: `findable for ${JSON.stringify(viewer)} (${period.bevestigingMaanden} months)`, condition: findableFor(viewer, period, now) })),
  ]),
  ...viewers.map((viewer) => ({ name: `beyond everyone for ${JSON.stringify(viewer)}`, condition: beyondEveryone(viewer) })),
];

const inCode = (condition: Condition) => entries.filter((e) => holds(condition, e)).map((e) => e.id);

t.test('the rule in code: the cases the register promises', async (t) => {
  const rule = (viewer: Viewer, entry: Partial<VisibilityFacts>) =>
    holds(findableFor(viewer, { bevestigingMaanden: 12 }, now), { status: 'actief', bevestigdOp: new Date('2026-01-01'), zichtbaarheid: 'alle-professionals', organisatieCode: 'gm0363', ...entry });
  const ams = viewers[0]!;
  const pmm = viewers[2]!;
  t.ok(rule(ams, {}), 'an active, current, public entry is findable');
  t.notOk(rule(ams, { status: 'inactief' }), 'not when inactive');
  t.notOk(rule(ams, { bevestigdOp: new Date('2025-03-01') }), 'not when its confirmation expired');
  t.ok(rule(ams, { zichtbaarheid: 'eigen-organisatie' }), 'eigen-organisatie: for the same organisation');
  t.notOk(rule(viewers[1]!, { zichtbaarheid: 'eigen-organisatie' }), 'not for another');
  t.notOk(rule(pmm, { zichtbaarheid: 'eigen-organisatie' }), 'not for the PMM desk');
  t.ok(rule(pmm, { zichtbaarheid: 'pmm' }), 'pmm: for the PMM desk');
  t.ok(rule(ams, { zichtbaarheid: 'pmm' }), 'and the same organisation');
  t.notOk(rule(viewers[1]!, { zichtbaarheid: 'pmm' }), 'not for another');
});

t.test('months are counted as PostgreSQL counts them', async (t) => {
  const database = await createTestDatabase(t);
  const instants = ['2026-03-31T10:00:00Z', '2024-03-31T23:59:59Z', '2026-01-31T00:00:00Z', '2026-05-15T12:30:00Z', '2025-12-31T00:00:00Z'];
  for (const instant of instants) {
    for (const months of [-13, -12, -1, 1, 12]) {
      const [row] = await database.db.execute<{ at: Date | string }>(
        sql`SELECT ((${instant}::timestamptz AT TIME ZONE 'UTC') + make_interval(months => ${months}::int)) AT TIME ZONE 'UTC' AS at`,
      );
      t.equal(addMonths(new Date(instant), months).toISOString(), new Date(row!.at).toISOString(), `${instant} ${months > 0 ? '+' : ''}${months} months`);
    }
  }
});

t.test('PostgreSQL picks what the code picks', async (t) => {
  const database = await createTestDatabase(t);
  await database.db.execute(sql`CREATE TEMP TABLE v (id int, status status, bevestigd_op timestamptz, zichtbaarheid zichtbaarheid, organisatie_code text)`);
  await database.db.execute(sql`INSERT INTO v SELECT * FROM jsonb_to_recordset(${JSON.stringify(
    entries.map((e) => ({ id: e.id, status: e.status, bevestigd_op: e.bevestigdOp.toISOString(), zichtbaarheid: e.zichtbaarheid, organisatie_code: e.organisatieCode })),
  )}::jsonb) AS x(id int, status status, bevestigd_op timestamptz, zichtbaarheid zichtbaarheid, organisatie_code text)`);
  for (const { name, condition } of conditions) {
    const rows = await database.db.execute<{ id: number }>(sql`SELECT id FROM v WHERE ${visibilitySql(condition, 'v')} ORDER BY id`);
    t.same(rows.map((r) => r.id), inCode(condition), name);
  }
});

t.test('Meilisearch picks what the code picks', async (t) => {
  const server = await meilisearchFor(t, 'visibility rule as a Meilisearch filter');
  if (!server) return;
  const client = new Meilisearch({ host: server.url, ...(server.apiKey ? { apiKey: server.apiKey } : {}) });
  const uid = server.indexName('zichtbaarheid');
  await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
  t.teardown(() => client.deleteIndex(uid).waitTask().then(() => undefined));
  const index = client.index(uid);
  await index.updateSettings({ filterableAttributes: ['status', 'bevestigdOpTs', 'zichtbaarheid', 'organisatie.code'] }).waitTask();
  await index
    .addDocuments(entries.map((e) => ({ id: e.id, status: e.status, bevestigdOpTs: Math.floor(e.bevestigdOp.getTime() / 1000), zichtbaarheid: e.zichtbaarheid, organisatie: { code: e.organisatieCode } })))
    .waitTask();
  for (const { name, condition } of conditions) {
    const found = await index.search('', { filter: meiliFilter(condition), limit: 1000, attributesToRetrieve: ['id'] });
    t.same(found.hits.map((h) => Number(h.id)).sort((a, b) => a - b), inCode(condition), name);
  }
});
