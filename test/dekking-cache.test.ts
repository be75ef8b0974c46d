import t from 'tap';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { insertEntries, organisationsForSynthesis } from '../db/seed/bulk-entries.js';
import { synthesise } from '../db/seed/synthetic.js';
import { cachedCoverage } from '../src/inzichten/coverage-cache.js';
import { coverageCounts, cutoffsAt } from '../src/inzichten/coverage-read-model.js';
import { buildTestApp } from './helpers/app.js';
import { castOf, entryBody } from './helpers/people.js';

/**
 * The coverage report is reused while nothing it depends on changed (#16 F12: eight callers at once each had it
 * computed), and is never stale: a write through the API, a change of an organisation or of the taxonomy made
 * straight in the database (as another node or the register import would), and the lapse of a confirmation with
 * no write at all each make the next call compute it again.
 */

const hour = 3600 * 1000;

t.test('the report cache: computed once for many callers, again after every kind of change', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const termijnen = app.config.termijnen;
  const organisations = (await organisationsForSynthesis(database.db)).filter((o) => o.code === 'gm0363').slice(0, 1);
  const now = Date.now();
  const yearAgo = new Date(now);
  yearAgo.setUTCMonth(yearAgo.getUTCMonth() - termijnen.bevestigingMaanden);
  // One entry whose confirmation lapses five hours from now, the rest recent.
  await insertEntries(database.db, synthesise(20, organisations, 3).map((entry, i) => ({ ...entry, bevestigdOp: new Date(i === 0 ? yearAgo.getTime() + 5 * hour : now - hour) })));
  const cast = await castOf(testApp);
  // Built on first use by a real computation; this test's stand-in computation does not build it.
  await coverageCounts(app.db, termijnen, new Date(now));

  let computed = 0;
  const compute = async () => {
    computed++;
    // Long enough for the other callers to arrive while it runs.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { computed };
  };
  const at = (ms: number) => cutoffsAt(termijnen, new Date(ms));
  const call = (ms = now) => cachedCoverage(app.db, at(ms), compute).then((r) => r.report.computed);

  t.same(await Promise.all(Array.from({ length: 8 }, (_, i) => call(now + i))), Array(8).fill(1), 'eight callers at once share one computation');
  t.equal(await call(now + hour), 1, 'an hour on, nothing lapsed and nothing written: reused');
  const first = await cachedCoverage(app.db, at(now + hour), compute);
  t.equal(first.json(), first.json(), 'serialised once');

  t.equal(await call(now + 6 * hour), 2, 'six hours on, a confirmation lapsed without any write: computed again');
  t.equal(await call(now + 6 * hour), 2, 'and then reused');

  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ email: 'cache@amsterdam.nl' }) });
  t.equal(created.statusCode, 201);
  t.equal(await call(now + 6 * hour), 3, 'after a create through the API: computed again');
  t.equal(await call(now + 6 * hour), 3, 'and then reused');

  await database.sql`UPDATE organisaties SET naam = 'Gemeente Amsterdam (hernoemd)' WHERE code = 'gm0363'`;
  t.equal(await call(now + 6 * hour), 4, 'after an organisation changed in the database: computed again');
  await database.sql`UPDATE expertisegebieden SET naam = naam || ' (hernoemd)' WHERE code = 'wmo'`;
  t.equal(await call(now + 6 * hour), 5, 'after the taxonomy changed: computed again');
  t.equal(await call(now + 2 * hour), 6, 'a moment before the cached one is not assumed to hold: a lapse lies between');

  let failures = 0;
  const failing = async () => {
    failures++;
    throw new Error('down');
  };
  await database.sql`UPDATE organisaties SET naam = 'Gemeente Amsterdam' WHERE code = 'gm0363'`;
  await t.rejects(cachedCoverage(app.db, at(now + 6 * hour), failing), /down/);
  await t.rejects(cachedCoverage(app.db, at(now + 6 * hour), failing), /down/);
  t.equal(failures, 2, 'a failed computation is not kept');
});

t.test('the API answers from the cache and is never stale', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const amsterdam = async () => {
    const response = await app.inject({ url: '/api/v1/inzichten/dekking', headers: cast.pmm });
    t.equal(response.statusCode, 200);
    t.match(response.headers['content-type'], /^application\/json/);
    return response.json().organisaties.find((o: { code: string }) => o.code === 'gm0363');
  };
  const before = await amsterdam();
  t.same(await amsterdam(), before, 'the same answer twice');
  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ email: 'api-cache@amsterdam.nl', expertisegebieden: ['wmo'] }) });
  t.equal(created.statusCode, 201);
  const after = await amsterdam();
  t.equal(after.actueel, before.actueel + 1, 'the new entry counts at once');
  t.equal(after.perExpertisegebied.find((d: { code: string }) => d.code === 'wmo')?.actueel, (before.perExpertisegebied.find((d: { code: string }) => d.code === 'wmo')?.actueel ?? 0) + 1, 'in its domain too');
  await database.sql`UPDATE organisaties SET naam = 'Amsterdam (test)' WHERE code = 'gm0363'`;
  t.equal((await amsterdam()).naam, 'Amsterdam (test)', 'a rename in the database shows at once');
  const filtered = await app.inject({ url: '/api/v1/inzichten/dekking?type=gemeente&expertisegebied=wmo', headers: cast.pmm });
  const row = filtered.json().organisaties.find((o: { code: string }) => o.code === 'gm0363');
  t.same(row.perExpertisegebied.map((d: { code: string }) => d.code), ['wmo'], 'a filtered view is cut from the cached report');
  t.ok(filtered.json().organisaties.every((o: { type: string }) => o.type === 'gemeente'), 'only gemeenten');
  const plain = await app.inject({ url: '/api/v1/inzichten/dekking', headers: cast.pmm });
  for (const [encoding, decompress] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
    const compressed = await app.inject({ url: '/api/v1/inzichten/dekking', headers: { ...cast.pmm, 'accept-encoding': `${encoding}, identity;q=0.5` } });
    t.equal(compressed.headers['content-encoding'], encoding, `${encoding} when asked`);
    t.match(compressed.headers.vary, /Accept-Encoding/i);
    t.equal(decompress(compressed.rawPayload).toString('utf8'), plain.body, `${encoding}: the same report once decompressed`);
  }
  t.notOk(plain.headers['content-encoding'], 'uncompressed when not asked');
  t.equal((await app.inject({ url: '/api/v1/inzichten/dekking?provincie=atlantis', headers: cast.pmm })).statusCode, 400, 'an unknown province is still invalid input');
  t.equal((await app.inject({ url: '/api/v1/inzichten/dekking', headers: cast.collega })).statusCode, 403, 'and the role check still comes first');
});
