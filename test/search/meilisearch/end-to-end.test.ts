import t, { type Test } from 'tap';
import { insertEntries, organisationsForSynthesis } from '../../../db/seed/bulk-entries.js';
import { synthesise } from '../../../db/seed/synthetic.js';
import { applyRetention } from '../../../src/professionals/retention.js';
import { MeilisearchEngine } from '../../../src/search/meilisearch/engine.js';
import { outboxState } from '../../../src/search/relay.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { TEST_DATA_DIR } from '../../helpers/cluster.js';
import { importFile } from '../../helpers/import-csv.js';
import { meiliEnv, meilisearchFor, type MeiliServer } from '../../helpers/meilisearch.js';
import { castOf, entryBody } from '../../helpers/people.js';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DEV_ISSUER, loadOrCreateDevKeys, signDevToken } from '../../../src/auth/dev-issuer.js';
import { grantRole } from '../../../src/roltoewijzingen/service.js';
import { createTestDatabase } from '../../helpers/database.js';
import { ROOT, runScript, startServer } from '../../helpers/processes.js';
import { documentSource } from '../../../src/search/document-source.js';

/**
 * The service, its relay and the commands against a real Meilisearch: every write path reaches the index through the
 * outbox relay; a failing task is retried and ends as a dead letter; reindex swaps in a complete index while writes go
 * on; reconcile finds and repairs drift made by hand; a server killed mid-load gives fallback to Postgres without a
 * single error to users, and after it returns the outbox drains and nothing is lost.
 */

const server = await meilisearchFor(t, 'Meilisearch end to end');
// Several servers, a reindex and a killed Meilisearch: more than the default two minutes per file on a busy machine.
if (server) t.setTimeout(600_000);

type IndexedDocument = { id: string; versie: number; functie: string; verificatieGeldig: number; bevestigdOpTs: number };

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Setup {
  testApp: TestApp;
  index: string;
  direct: MeilisearchEngine;
  document(id: string): Promise<IndexedDocument | undefined>;
  /** The service's environment, for commands run as child processes. */
  env: Record<string, string>;
}

async function setup(t: Test, server: MeiliServer, env: Record<string, string> = {}): Promise<Setup> {
  const index = server.indexName('e2e');
  // The writers in these tests are one coordinator writing fast: no rate limit.
  const serviceEnv = { ...meiliEnv(server, index), MEILI_TIMEOUT_MS: '10000', RATE_LIMIT_MAX: '1000000', ...env };
  const testApp = await buildTestApp(t, serviceEnv);
  const direct = new MeilisearchEngine(testApp.database.db, { url: server.url, apiKey: server.apiKey, index, timeoutMs: 5_000 });
  t.teardown(async () => {
    const { results } = await direct.client.getIndexes({ limit: 1000 });
    for (const { uid } of results) if (uid === index || uid.startsWith(`${index}_`)) await direct.client.deleteIndex(uid).waitTask();
  });
  const document = async (id: string) =>
    direct.client
      .index(index)
      .getDocument<IndexedDocument>(id, { fields: ['id', 'versie', 'functie', 'verificatieGeldig', 'bevestigdOpTs'] })
      .catch(() => undefined);
  return {
    testApp,
    index,
    direct,
    document,
    env: { ...serviceEnv, DATABASE_URL: testApp.database.url, DATA_DIR: TEST_DATA_DIR, NODE_ENV: 'test', LOG_LEVEL: 'warn' },
  };
}

const viewer = { organisatie: 'gm0363', pmm: false };
const policy = () => ({ bevestigingMaanden: 12, verificatieMaanden: 12, now: new Date() });

if (server) {
  t.comment(`Meilisearch ${server.version} at ${server.url}${server.own ? ' (started for this file)' : ''}`);

  t.test('every write path reaches the index through the relay', async (t) => {
    const { testApp, direct, document } = await setup(t, server);
    const { app, database } = testApp;
    const cast = await castOf(testApp);
    const found = async (zoekterm: string) =>
      (await direct.search({ zoekterm, filters: {}, pagina: 1, paginaGrootte: 50 }, viewer, policy())).hits.map((h) => h.document.email);

    // Create: the index does not even exist yet; the relay's first write creates it with the settings.
    const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ naam: 'Piet Relay', functie: 'Relaytester', email: 'piet@amsterdam.nl' }) });
    t.equal(created.statusCode, 201);
    const id = created.json().id as string;
    t.match(await waitFor('the created entry', () => document(id)), { versie: 1, functie: 'Relaytester' }, 'create');
    t.same(await found('Piet Relay'), ['piet@amsterdam.nl'], 'and searchable with the index settings (synonyms, filters, visibility)');

    const patched = await app.inject({ method: 'PATCH', url: `/api/v1/professionals/${id}`, headers: { ...cast.coordinatorAmsterdam, 'if-match': '"1"' }, payload: { functie: 'Casusregisseur' } });
    t.equal(patched.statusCode, 200);
    t.match(await waitFor('the edit', async () => (await document(id))?.versie === 2 && document(id)), { functie: 'Casusregisseur' }, 'edit');
    t.same(await found('casusregisseur'), ['piet@amsterdam.nl']);
    t.same(await found('relaytester'), [], 'the old text is gone');

    t.equal((await app.inject({ method: 'POST', url: `/api/v1/professionals/${id}/verificatie`, headers: cast.coordinatorAmsterdam })).statusCode, 200);
    t.match(await waitFor('the verification', async () => (await document(id))?.versie === 3 && document(id)), { verificatieGeldig: 1 }, 'verify');

    const before = (await document(id))!.bevestigdOpTs;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    t.equal((await app.inject({ method: 'POST', url: `/api/v1/professionals/${id}/bevestiging`, headers: cast.coordinatorAmsterdam })).statusCode, 200);
    const confirmed = await waitFor('the confirmation', async () => (await document(id))?.versie === 4 && document(id));
    t.ok(confirmed.bevestigdOpTs > before, 'confirm');

    const piet = await testApp.auth({ sub: 'piet', organisatie: 'gm0363', email: 'piet@amsterdam.nl' });
    t.equal((await app.inject({ method: 'POST', url: `/api/v1/professionals/${id}/claim`, headers: piet })).statusCode, 200);
    await waitFor('the claim', async () => (await document(id))?.versie === 5);
    t.pass('claim');

    const imported = await app.inject({ method: 'POST', url: '/api/v1/organisaties/gm0363/importen', headers: { ...cast.coordinatorAmsterdam, 'content-type': 'text/csv' }, payload: importFile(3, { functie: 'Importconsulent' }) });
    t.equal(imported.statusCode, 200);
    const importedIds = (await database.sql<{ id: string }[]>`SELECT id FROM professionals WHERE functie = 'Importconsulent' ORDER BY email`).map((r) => r.id);
    t.equal(importedIds.length, 3);
    await waitFor('the imported entries', async () => (await Promise.all(importedIds.map(document))).every(Boolean));
    t.equal((await found('importconsulent')).length, 3, 'import');

    // Erasure: the owner deletes their own entry; it leaves the database and the index.
    t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/professionals/${id}`, headers: piet })).statusCode, 204);
    await waitFor('the erasure', async () => (await document(id)) === undefined);
    t.same(await found('casusregisseur'), [], 'delete (erasure by the owner)');

    // Retention deletes entries whose confirmation expired long ago.
    await database.sql`UPDATE professionals SET bevestigd_op = now() - interval '3 years' WHERE id = ${importedIds[0]!}`;
    const retention = await applyRetention(database.db, testApp.config.termijnen, { actor: null, herkomst: 'test' });
    t.match(retention, { verwijderd: 1 });
    await waitFor('retention', async () => (await document(importedIds[0]!)) === undefined);
    t.equal((await found('importconsulent')).length, 2, 'retention');

    await waitFor('an empty outbox', async () => (await outboxState(database.db)).openstaand === 0);
    t.match(await outboxState(database.db), { openstaand: 0, dood: 0 });
    const ready = await app.inject({ url: '/health/ready' });
    t.match(ready.json(), { status: 'ok', checks: { zoeken: { status: 'ok', outbox: { openstaand: 0, dood: 0 } } } });
    const viaApi = await app.inject({ url: '/api/v1/professionals?zoekterm=importconsulent', headers: cast.collega });
    t.equal(viaApi.json().totaal, 2, 'the API answers from Meilisearch');
  });

  t.test('a failing task is retried with backoff and becomes a dead letter after RELAY_MAX_POGINGEN; replayed once fixed', async (t) => {
    const { testApp, index, direct, document } = await setup(t, server, { RELAY_MAX_POGINGEN: '3' });
    const { app, database } = testApp;
    const cast = await castOf(testApp);
    // Sabotage: the index exists with another primary key, so every document addition task fails.
    const created = await direct.client.createIndex(index, { primaryKey: 'anders' }).waitTask();
    t.equal(created.status, 'succeeded');

    const response = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody() });
    t.equal(response.statusCode, 201, 'the write succeeds regardless');
    const id = response.json().id as string;
    const row = async () =>
      (await database.sql<{ pogingen: number; laatste_fout: string | null; dood: boolean; verwerkt: boolean }[]>`
        SELECT pogingen, laatste_fout, dood_op IS NOT NULL AS dood, verwerkt_op IS NOT NULL AS verwerkt FROM zoekindex_outbox WHERE professional_id = ${id}`)[0];
    // (On a busy machine an attempt may also time out; what matters is that the task's own failure is recorded.)
    const failed = await waitFor('a failed task', async () => /ended failed/.test((await row())?.laatste_fout ?? '') && row());
    t.match(failed, { laatste_fout: /ended failed: Index already has a primary key: `anders`/, verwerkt: false }, 'the task failed, and the row stays open');
    const dead = await waitFor('the dead letter', async () => (await row())?.dood && row(), 30_000);
    t.match(dead, { pogingen: 3, dood: true, verwerkt: false }, 'three attempts (1 s and 2 s apart), then given up');
    const ready = await app.inject({ url: '/health/ready' });
    t.match(ready.json(), { status: 'degraded', checks: { zoeken: { outbox: { dood: 1 } } } }, 'readiness shows the dead letter');

    // The operator fixes the cause and replays the dead letters (README, "Meilisearch").
    t.equal((await direct.client.deleteIndex(index).waitTask()).status, 'succeeded');
    await database.sql`UPDATE zoekindex_outbox SET dood_op = NULL, pogingen = 0, volgende_poging_op = NULL WHERE dood_op IS NOT NULL`;
    t.match(await waitFor('the replayed entry', () => document(id)), { versie: 1 });
    // The document is visible before the relay's transaction commits: wait for the row too.
    t.match(await waitFor('the row marked done', async () => (await row())?.verwerkt && row()), { verwerkt: true, dood: false });
    t.match((await app.inject({ url: '/health/ready' })).json(), { status: 'ok' });
  });

  t.test('reindex under concurrent writes swaps in a complete index; reconcile finds and repairs drift made by hand', { timeout: 180_000 }, async (t) => {
    const { testApp, index, direct, document, env } = await setup(t, server);
    const { app, database } = testApp;
    const cast = await castOf(testApp);
    await insertEntries(database.db, synthesise(1_500, await organisationsForSynthesis(database.db), 7));
    // The live index holds a document that is in no database: the rebuild must not carry it over.
    await direct.ensureSettings();
    await direct.client.index(index).addDocuments([{ id: '00000000-0000-4000-8000-000000000000', naam: 'Spook', versie: 1 }]).waitTask();

    // Writes go on while the reindex runs: the service's relay sends them to whichever index has the name.
    const written: string[] = [];
    let writing = true;
    const failures: number[] = [];
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const response = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ naam: `Gelijktijdig ${i}`, email: `gelijktijdig${i}@amsterdam.nl` }) });
        if (response.statusCode === 201) written.push(response.json().id);
        else failures.push(response.statusCode);
        if (i % 3 === 2 && written.length > 1) {
          const victim = written.shift()!;
          const deleted = await app.inject({ method: 'DELETE', url: `/api/v1/professionals/${victim}`, headers: cast.coordinatorAmsterdam });
          if (deleted.statusCode !== 204) failures.push(deleted.statusCode);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const reindex = await runScript('scripts/reindex.ts', [], env);
    writing = false;
    await writer;
    t.equal(reindex.code, 0, reindex.stderr.slice(0, 2000));
    const summary = JSON.parse(reindex.stdout.trim().split('\n').at(-1)!);
    t.ok(summary.meilisearch >= 1_500, `${summary.meilisearch} documents in the new index`);
    t.same(failures, [], 'no write failed during the reindex');
    t.ok(written.length > 0, `${written.length} entries written during the reindex`);

    await waitFor('an empty outbox', async () => (await outboxState(database.db)).openstaand === 0, 30_000);
    t.equal(await document('00000000-0000-4000-8000-000000000000'), undefined, 'the old index is gone');
    const n = (await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM professionals`)[0]!.n;
    t.equal((await direct.client.index(index).getStats()).numberOfDocuments, n, 'one document per entry');
    const { results } = await direct.client.getIndexes({ limit: 1000 });
    t.same(results.map((r) => r.uid).filter((uid) => uid.startsWith(`${index}_`)), [], 'no leftover rebuild index');

    const clean = await runScript('scripts/reconcile.ts', [], env);
    t.equal(clean.code, 0, `no drift after the reindex and the writes: ${clean.stdout}${clean.stderr}`);

    // Drift by hand: a document removed, a stray one added, an entry changed without an outbox row, a stored
    // time-dependent key made wrong.
    const [a, b, c] = (await database.sql<{ id: string }[]>`SELECT id FROM professionals ORDER BY id LIMIT 3`).map((r) => r.id);
    await direct.client.index(index).deleteDocument(a!).waitTask();
    await direct.client.index(index).addDocuments([{ id: '00000000-0000-4000-8000-000000000001', naam: 'Verdwaald', versie: 1 }]).waitTask();
    await database.sql`UPDATE professionals SET functie = 'Buiten de outbox om', versie = versie + 1 WHERE id = ${b!}`;
    await direct.client.index(index).updateDocuments([{ id: c!, verificatieGeldig: 1 - ((await document(c!))?.verificatieGeldig ?? 0) }]).waitTask();

    const report = await runScript('scripts/reconcile.ts', [], env);
    t.equal(report.code, 1, 'drift: exit code 1');
    t.match(JSON.parse(report.stdout), { database: n, ontbreekt: 1, overbodig: 1, verouderd: 2 });
    const repair = await runScript('scripts/reconcile.ts', ['--herstel'], env);
    t.equal(repair.code, 0, repair.stderr);
    t.match(JSON.parse(repair.stdout), { hersteld: { verzonden: 3, verwijderd: 1 } });
    const after = await runScript('scripts/reconcile.ts', [], env);
    t.equal(after.code, 0, 'repaired');
    t.match(JSON.parse(after.stdout), { database: n, index: n, ontbreekt: 0, overbodig: 0, verouderd: 0 });
    t.match(await document(b!), { functie: 'Buiten de outbox om' });
  });

  t.test('the server killed mid-load: every search and write still answers, from Postgres; after it returns nothing is lost', { skip: server.own ? false : 'needs a server of its own to kill (MEILI_BINARY or PATH, not MEILI_URL)', timeout: 180_000 }, async (t) => {
    const { testApp, direct, env } = await setup(t, server, { RELAY_MAX_POGINGEN: '30', MEILI_TIMEOUT_MS: '1000' });
    const { app, database } = testApp;
    const cast = await castOf(testApp);
    await insertEntries(database.db, synthesise(300, await organisationsForSynthesis(database.db), 11));
    await direct.rebuild(documentSource(database.db));

    const statuses = new Map<string, number>();
    const count = (kind: string, status: number) => statuses.set(`${kind} ${status}`, (statuses.get(`${kind} ${status}`) ?? 0) + 1);
    let loading = true;
    let writes = 0;
    const load = (async () => {
      const terms = ['schuld', 'participatiewet', 'Wmo', 'klantmanager', 'uwv', undefined];
      for (let i = 0; loading; i++) {
        const zoekterm = terms[i % terms.length];
        const search = await app.inject({ url: `/api/v1/professionals${zoekterm ? `?zoekterm=${encodeURIComponent(zoekterm)}` : ''}`, headers: cast.collega });
        count('search', search.statusCode);
        if (i % 4 === 0) {
          const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ naam: `Tijdens storing ${i}`, email: `storing${i}@amsterdam.nl` }) });
          count('write', created.statusCode);
          writes++;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await server.kill();
    t.comment('Meilisearch killed');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const down = await app.inject({ url: '/health/ready' });
    t.match(down.json(), { status: 'degraded', checks: { zoeken: { status: 'degraded' } } }, 'readiness: degraded, still ready');
    t.ok((await outboxState(database.db)).openstaand > 0, 'the outbox holds what was written meanwhile');
    await server.restart();
    t.comment('Meilisearch back');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    loading = false;
    await load;
    t.same([...statuses.keys()].sort(), ['search 200', 'write 201'], `no errors to users: ${JSON.stringify(Object.fromEntries(statuses))}`);
    t.ok(writes > 5, `${writes} writes during the load`);

    // The relay retries with backoff; once everything is sent, the index matches the database.
    await waitFor('an empty outbox', async () => {
      const state = await outboxState(database.db);
      return state.openstaand === 0 && state.dood === 0;
    }, 60_000);
    const reconcile = await runScript('scripts/reconcile.ts', [], env);
    t.equal(reconcile.code, 0, `no drift, no lost update: ${reconcile.stdout}`);
    const n = (await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM professionals WHERE naam LIKE 'Tijdens storing %'`)[0]!.n;
    t.equal(n, writes, 'every write is in the database');
    const inIndex = await direct.search({ zoekterm: 'storing', filters: {}, pagina: 1, paginaGrootte: 1 }, viewer, policy());
    t.equal(inIndex.totaal, writes, 'and in the index');
    await waitFor('readiness ok again', async () => (await app.inject({ url: '/health/ready' })).json().status === 'ok', 20_000);
    t.pass('readiness ok again');
  });

  t.test('two service processes and a separate `npm run relay`, all relaying at once, lose nothing', { timeout: 180_000 }, async (t) => {
    const database = await createTestDatabase(t);
    const index = server.indexName('e2e');
    const direct = new MeilisearchEngine(database.db, { url: server.url, apiKey: server.apiKey, index, timeoutMs: 5_000 });
    t.teardown(() => direct.client.deleteIndexIfExists(index));
    await insertEntries(database.db, synthesise(200, await organisationsForSynthesis(database.db), 13));
    await direct.rebuild(documentSource(database.db));
    await grantRole(database.db, { issuer: DEV_ISSUER, subject: 'coord-ams', rol: 'coordinator', organisatie: 'gm0363' }, { actor: null, herkomst: 'test' });
    const env = { ...meiliEnv(server, index), DATABASE_URL: database.url, DATA_DIR: TEST_DATA_DIR, NODE_ENV: 'test', LOG_LEVEL: 'info', LOG_REQUESTS: 'false', RATE_LIMIT_MAX: '1000000' };
    const [one, two] = await Promise.all([startServer(t, env), startServer(t, env)]);
    const relay = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/relay.ts')], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
    let relayLog = '';
    relay.stderr.on('data', (chunk) => (relayLog += chunk));
    const relayExit = new Promise<number | null>((resolve) => relay.on('exit', resolve));
    t.teardown(() => {
      if (relay.exitCode === null) relay.kill('SIGKILL');
    });
    await waitFor('the relay to start', async () => relayLog.includes('relay: feeding'), 60_000);

    const authorization = `Bearer ${signDevToken(await loadOrCreateDevKeys(TEST_DATA_DIR), { sub: 'coord-ams', organisatie: 'gm0363', naam: 'Carla', email: 'carla@amsterdam.nl' })}`;
    const call = (base: string, method: string, url: string, body?: unknown, extra: Record<string, string> = {}) =>
      fetch(`${base}${url}`, { method, headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}), ...extra }, body: body ? JSON.stringify(body) : undefined });
    const statuses: number[] = [];
    // Both nodes create entries and edit each one twice (the second edit on the other node), all at once.
    await Promise.all(
      [one.url, two.url].map(async (base, node) => {
        const other = node === 0 ? two.url : one.url;
        for (let i = 0; i < 15; i++) {
          const created = await call(base, 'POST', '/api/v1/professionals', entryBody({ naam: `Knoop ${node} nummer ${i}`, email: `knoop${node}.${i}@amsterdam.nl` }));
          statuses.push(created.status);
          const { id } = (await created.json()) as { id: string };
          statuses.push((await call(base, 'PATCH', `/api/v1/professionals/${id}`, { functie: `Eerste wijziging ${node}` }, { 'if-match': '"1"' })).status);
          statuses.push((await call(other, 'PATCH', `/api/v1/professionals/${id}`, { functie: `Tweede wijziging ${node}` }, { 'if-match': '"2"' })).status);
        }
      }),
    );
    t.same([...new Set(statuses)].sort(), [200, 201], 'every write answered');
    await waitFor('an empty outbox', async () => (await outboxState(database.db)).openstaand === 0, 60_000);
    relay.kill('SIGTERM');
    t.equal(await relayExit, 0, 'the relay stops cleanly on SIGTERM');
    await Promise.all([one.stop(), two.stop()]);

    t.match(await outboxState(database.db), { openstaand: 0, dood: 0 });
    const reconcile = await runScript('scripts/reconcile.ts', [], env);
    t.equal(reconcile.code, 0, `no drift: ${reconcile.stdout}`);
    const latest = await direct.search({ zoekterm: 'tweede wijziging', filters: {}, pagina: 1, paginaGrootte: 50 }, viewer, policy());
    t.equal(latest.totaal, 30, 'every entry in the index at its last version');
    t.ok(latest.hits.every((h) => h.document.versie === 3));
  });
}
