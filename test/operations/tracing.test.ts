import { Writable } from 'node:stream';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { pino } from 'pino';
import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { startTracing, traceLogFields } from '../../src/observability/tracing.js';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';

// One provider for this process, as the server registers one; spans go to the SDK's in-memory exporter.
const exporter = new InMemorySpanExporter();
const tracing = startTracing(loadConfig({ NODE_ENV: 'test' }), { exporter });
t.teardown(() => tracing.shutdown());

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_SPAN_ID = '00f067aa0ba902b7';
const traceparent = `00-${TRACE_ID}-${PARENT_SPAN_ID}-01`;

const spanId = (span: ReadableSpan) => span.spanContext().spanId;
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

/** Whether `span` descends from `ancestor` within `spans`. */
function descendsFrom(span: ReadableSpan, ancestor: ReadableSpan, spans: ReadableSpan[]): boolean {
  for (let current: ReadableSpan | undefined = span; current; current = spans.find((s) => spanId(s) === parentOf(current))) {
    if (parentOf(current) === spanId(ancestor)) return true;
  }
  return false;
}

t.test('an incoming traceparent becomes the parent of the request span; database and search spans are its children', async (t) => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  const logger = pino({ level: 'info', mixin: traceLogFields }, sink);
  const testApp = await buildTestApp(t, {}, { logger });
  const cast = await castOf(testApp);
  await testApp.app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: entryBody({ email: 'a@rotterdam.nl' }) });
  exporter.reset();
  lines.length = 0;

  const response = await testApp.app.inject({ url: '/api/v1/professionals?zoekterm=schuldhulp', headers: { ...cast.collega, traceparent } });
  t.equal(response.statusCode, 200);
  const spans = exporter.getFinishedSpans();
  const request = spans.find((s) => s.name === 'GET /api/v1/professionals');
  t.ok(request, 'a request span named after the route template');
  if (!request) return;
  t.equal(request.kind, SpanKind.SERVER);
  t.equal(request.spanContext().traceId, TRACE_ID, "the caller's trace");
  t.equal(parentOf(request), PARENT_SPAN_ID, "the caller's span is its parent");
  t.equal(request.attributes['http.response.status_code'], 200);

  const search = spans.find((s) => s.name === 'search postgres');
  t.ok(search && descendsFrom(search, request, spans), 'a search span under the request');
  t.equal(search?.attributes['search.total'], 1);
  t.notOk(JSON.stringify(search?.attributes).includes('schuldhulp'), 'the query words stay out of the span');
  const queries = spans.filter((s) => s.attributes['db.system.name'] === 'postgresql' && s.kind === SpanKind.CLIENT);
  t.ok(queries.length > 0, 'database query spans');
  t.ok(queries.every((q) => q.spanContext().traceId === TRACE_ID && descendsFrom(q, request, spans)), 'all in the request trace');
  t.ok(queries.some((q) => search && descendsFrom(q, search, spans)), "the engine's queries under the search span");
  t.ok(queries.every((q) => typeof q.attributes['db.query.text'] === 'string' && /^[A-Z]+$/.test(q.name)), 'named by their operation, with the parameterised text');

  const logged = lines.filter((line) => line.reqId !== undefined);
  t.ok(logged.length > 0, 'the request was logged');
  // Fastify writes "incoming request" before the first hook, so before the span exists; it shares the reqId.
  const inSpan = logged.filter((line) => line.msg !== 'incoming request');
  t.ok(inSpan.some((line) => line.msg === 'request completed'), 'the completion line is among them');
  t.ok(inSpan.every((line) => line.trace_id === TRACE_ID && typeof line.span_id === 'string' && /^[0-9a-f]{16}$/.test(String(line.span_id))), 'every later log line of the request carries trace_id and span_id');
});

t.test('without traceparent a request starts a trace of its own; probes are not traced', async (t) => {
  const { app } = await buildTestApp(t);
  exporter.reset();
  await app.inject({ url: '/api/v1/organisaties/gm0363' });
  await app.inject({ url: '/health/live' });
  const spans = exporter.getFinishedSpans();
  const request = spans.find((s) => s.name === 'GET /api/v1/organisaties/:code');
  t.ok(request, 'traced');
  t.equal(parentOf(request!), undefined, 'a root span');
  t.notOk(spans.some((s) => String(s.attributes['url.path'] ?? '').startsWith('/health/')), 'no spans for health probes');
});

t.test('a sampled-out caller is followed: nothing is recorded', async (t) => {
  const { app } = await buildTestApp(t);
  exporter.reset();
  await app.inject({ url: '/api/v1/organisaties/gm0363', headers: { traceparent: `00-${TRACE_ID}-${PARENT_SPAN_ID}-00` } });
  t.same(exporter.getFinishedSpans(), []);
});

t.test('an audit row carries the trace id of the request that wrote it', async (t) => {
  const testApp = await buildTestApp(t);
  const cast = await castOf(testApp);
  const created = await testApp.app.inject({ method: 'POST', url: '/api/v1/professionals', headers: { ...cast.coordinatorRotterdam, traceparent }, payload: entryBody({ email: 'audit@rotterdam.nl' }) });
  t.equal(created.statusCode, 201);
  const rows = await testApp.database.sql<{ details: { traceId?: string } }[]>`SELECT details FROM auditlog WHERE object_id = ${created.json().id}`;
  t.ok(rows.length > 0);
  t.ok(rows.every((row) => row.details.traceId === TRACE_ID), 'linked by trace id');
});
