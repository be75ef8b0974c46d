import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import t from 'tap';
import { DEV_ISSUER } from '../../src/auth/dev-issuer.js';
import { loadConfig } from '../../src/config.js';
import { startTracing } from '../../src/observability/tracing.js';
import { ENTRY_SUBJECT_TYPE } from '../../src/verwerkingslog/activities.js';
import type { ProcessingLogLine } from '../../src/verwerkingslog/line.js';
import { buildTestApp } from '../helpers/app.js';
import { importFile } from '../helpers/import-csv.js';
import { castOf, entryBody } from '../helpers/people.js';
import { TEST_DATA_DIR } from '../helpers/cluster.js';
import { runScript } from '../helpers/processes.js';

const exporter = new InMemorySpanExporter();
const tracing = startTracing(loadConfig({ NODE_ENV: 'test' }), { exporter });
t.teardown(() => tracing.shutdown());

const ACTIVITY = 'urn:nl:maatwerkregister:verwerkingsactiviteit:';

async function setup(t: { teardown(fn: () => unknown): void }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'mr-verwerkingslog-'));
  const file = path.join(dir, 'verwerkingen.jsonl');
  const testApp = await buildTestApp(t, { VERWERKINGSLOG: 'bestand', VERWERKINGSLOG_BESTAND: file });
  const cast = await castOf(testApp);
  let read = 0;
  /** The lines written since the previous call. */
  const newLines = (): ProcessingLogLine[] => {
    const all = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ProcessingLogLine) : [];
    const fresh = all.slice(read);
    read = all.length;
    return fresh;
  };
  return { ...testApp, cast, file, newLines };
}

t.test('each line has the fields of the standard', async (t) => {
  const { app, cast, newLines } = await setup(t);
  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: entryBody({ email: 'a@rotterdam.nl' }) });
  const [line] = newLines();
  t.ok(line, 'creating an entry is a processing');
  if (!line) return;
  t.match(line, {
    trace_id: /^[0-9a-f]{32}$/,
    span_id: /^[0-9a-f]{16}$/,
    parent_span_id: /^[0-9a-f]{16}$/,
    name: 'professional.aangemaakt',
    start_time: Number,
    end_time: Number,
    status_code: 0,
    resource: { attributes: { 'service.name': 'maatwerkregister', 'service.version': String } },
    attributes: {
      'dpl.core.processing_activity_id': `${ACTIVITY}vermelding-bijhouden`,
      'dpl.core.data_subject_id': created.json().id,
      'dpl.core.data_subject_id_type': ENTRY_SUBJECT_TYPE,
      'maatwerkregister.request_id': created.headers['x-request-id'],
    },
  });
  t.ok(line.start_time <= line.end_time && line.end_time <= Date.now(), 'start and end in milliseconds');
  t.notOk('foreign_operation' in line, 'no foreign operation without traceparent');
});

t.test('reading an entry is logged, through the API and the page; a miss is not', async (t) => {
  const { app, cast, newLines } = await setup(t);
  const { id } = (await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: entryBody({ email: 'a@rotterdam.nl' }) })).json();
  newLines();
  t.equal((await app.inject({ url: `/api/v1/professionals/${id}`, headers: cast.collega })).statusCode, 200);
  const [api, ...rest] = newLines();
  t.same(rest, [], 'one line');
  t.match(api, { name: 'professional.geraadpleegd', attributes: { 'dpl.core.processing_activity_id': `${ACTIVITY}vermelding-raadplegen`, 'dpl.core.data_subject_id': id } });

  // The page, signed in with the session cookie (which holds the token).
  const token = cast.collega.authorization.slice('Bearer '.length);
  const page = await app.inject({ url: `/professionals/${id}`, headers: { cookie: `maatwerk_sessie=${token}`, accept: 'text/html' } });
  t.equal(page.statusCode, 200);
  const pageLines = newLines();
  t.equal(pageLines.length, 1, 'the page view too');
  t.match(pageLines[0], { name: 'professional.geraadpleegd', attributes: { 'dpl.core.data_subject_id': id } });

  t.equal((await app.inject({ url: '/api/v1/professionals/00000000-0000-4000-8000-000000000000', headers: cast.collega })).statusCode, 404);
  await app.inject({ url: '/api/v1/professionals?zoekterm=schuldhulp', headers: cast.collega });
  await app.inject({ url: '/api/v1/organisaties/gm0599', headers: cast.collega });
  t.same(newLines(), [], 'a miss, a search and an organisation are no processing of an entry');
});

t.test('an export: one line per entry and one for the identity; an import: one line per data subject', async (t) => {
  const testApp = await setup(t);
  const { app, cast, newLines } = testApp;
  // An entry of one's own, and one the coordinator made with one's work e-mail (not claimed yet): both are in the export.
  t.equal((await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.collega, payload: entryBody({ email: 'cor.collega@amsterdam.nl' }) })).statusCode, 201);
  newLines();
  const exported = await app.inject({ url: '/api/v1/mij/gegevens', headers: cast.collega });
  t.equal(exported.statusCode, 200);
  const entries = exported.json().vermeldingen.map((v: { id: string }) => v.id);
  const lines = newLines();
  t.same(
    lines.map((l) => [l.attributes['dpl.core.data_subject_id'], l.attributes['dpl.core.data_subject_id_type']]).sort(),
    [...entries.map((id: string) => [id, ENTRY_SUBJECT_TYPE]), ['collega', DEV_ISSUER]].sort(),
    'each entry, and the person in the namespace of their issuer',
  );
  t.equal(entries.length, 1);
  t.ok(lines.every((l) => l.attributes['dpl.core.processing_activity_id'] === `${ACTIVITY}gegevens-inzien`));

  const imported = await app.inject({ method: 'POST', url: '/api/v1/organisaties/gm0363/importen', headers: { ...cast.coordinatorAmsterdam, 'content-type': 'text/csv' }, payload: importFile(3) });
  t.equal(imported.statusCode, 200, imported.body);
  const importLines = newLines();
  t.equal(importLines.length, 3, 'three entries created, three lines');
  t.ok(importLines.every((l) => l.attributes['dpl.core.processing_activity_id'] === `${ACTIVITY}vermeldingen-importeren`));
  t.equal(new Set(importLines.map((l) => l.trace_id)).size, 1, 'one trace…');
  t.equal(new Set(importLines.map((l) => l.span_id)).size, 3, '…one action per data subject…');
  t.equal(new Set(importLines.map((l) => l.parent_span_id)).size, 1, '…under the request span');
  const rows = await testApp.database.sql<{ object_id: string }[]>`SELECT object_id FROM auditlog WHERE herkomst = ${`api:${String(imported.headers['x-request-id'])}`} AND object_type = 'professional'`;
  t.same(importLines.map((l) => l.attributes['dpl.core.data_subject_id']).sort(), rows.map((r) => r.object_id).sort(), 'the same subjects as the audit log');

  const dryRun = await app.inject({ method: 'POST', url: '/api/v1/organisaties/gm0363/importen?proefrun=true', headers: { ...cast.coordinatorAmsterdam, 'content-type': 'text/csv' }, payload: importFile(5) });
  t.equal(dryRun.statusCode, 200);
  t.same(newLines(), [], 'a dry run processes nothing');
});

t.test('an erasure is logged; the trace id links the line to the audit row and the caller is the foreign operation', async (t) => {
  const testApp = await setup(t);
  const { app, cast, newLines } = testApp;
  const { id } = (await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: entryBody({ email: 'weg@rotterdam.nl' }) })).json();
  newLines();
  const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
  const deleted = await app.inject({ method: 'DELETE', url: `/api/v1/professionals/${id}`, headers: { ...cast.coordinatorRotterdam, traceparent } });
  t.equal(deleted.statusCode, 204);
  const [line, ...rest] = newLines();
  t.same(rest, []);
  t.match(line, {
    name: 'professional.verwijderd',
    trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
    foreign_operation: { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', span_id: '00f067aa0ba902b7', entity: DEV_ISSUER },
    attributes: { 'dpl.core.processing_activity_id': `${ACTIVITY}vermelding-verwijderen`, 'dpl.core.data_subject_id': id },
  });
  const [audit] = await testApp.database.sql<{ details: { traceId?: string } }[]>`SELECT details FROM auditlog WHERE actie = 'professional.verwijderd' AND object_id = ${id}`;
  t.equal(audit?.details.traceId, line?.trace_id, 'the audit row has the same trace id');
  const span = exporter.getFinishedSpans().find((s) => s.spanContext().spanId === line?.parent_span_id);
  t.equal(span?.name, 'DELETE /api/v1/professionals/:id', 'the parent is the request span');

  const refused = await app.inject({ method: 'DELETE', url: `/api/v1/professionals/${id}`, headers: cast.coordinatorRotterdam });
  t.equal(refused.statusCode, 404);
  t.same(newLines(), [], 'nothing left to erase: no processing');
});

t.test('configuration: a file target needs a file; production cannot switch the log off', async (t) => {
  t.throws(() => loadConfig({ VERWERKINGSLOG: 'bestand' }), /VERWERKINGSLOG_BESTAND: required/);
  t.throws(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db/r', VERWERKINGSLOG: 'uit' }), /VERWERKINGSLOG: cannot be "uit"/);
  t.match(loadConfig({}).verwerkingslog, { target: 'log', activiteitenUri: ACTIVITY }, 'by default into the service log');
  t.match(loadConfig({ VERWERKINGSACTIVITEITEN_URI: 'https://rva.gemeente.nl/activiteiten/' }).verwerkingslog.activiteitenUri, 'https://rva.gemeente.nl/activiteiten/');
});

t.test('npm run retentie writes a line per erased entry', async (t) => {
  const { app, cast, newLines, file, database } = await setup(t);
  const { id } = (await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: entryBody({ email: 'oud@rotterdam.nl' }) })).json();
  newLines();
  await database.sql`UPDATE professionals SET bevestigd_op = now() - interval '10 years' WHERE id = ${id}`;
  const run = await runScript('scripts/retentie.ts', [], { DATABASE_URL: database.url, DATA_DIR: TEST_DATA_DIR, NODE_ENV: 'test', VERWERKINGSLOG: 'bestand', VERWERKINGSLOG_BESTAND: file });
  t.equal(run.code, 0, run.stderr);
  const [line, ...rest] = newLines();
  t.same(rest, []);
  t.match(line, { name: 'professional.verwijderd', trace_id: /^[0-9a-f]{32}$/, attributes: { 'dpl.core.processing_activity_id': `${ACTIVITY}vermelding-verwijderen`, 'dpl.core.data_subject_id': id } });
});
