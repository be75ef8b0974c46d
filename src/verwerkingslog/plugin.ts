import type { FastifyRequest } from 'fastify';
import { isSpanContextValid } from '@opentelemetry/api';
import fp from 'fastify-plugin';
import { currentTraceIds, SERVICE_VERSION } from '../observability/tracing.js';
import { ENTRY_SUBJECT_TYPE } from './activities.js';
import { auditedProcessing, auditMark, ProcessingCollector } from './collector.js';
import { toLines } from './line.js';
import { createWriter } from './writer.js';

/**
 * The Logboek Dataverwerkingen of the service: every request that processes personal data of a listed professional
 * writes one line per data subject when it ends. Changes are read back from the audit log (every change of an entry
 * is audited, whichever path made it), so no write path can be forgotten; reads and exports, which are not audited,
 * are named here by route. The lines carry the request's trace id, as do the service log and the audit rows
 * written through `recordAudit`; every audit row carries the request id (`herkomst`), as the lines do.
 */

interface RequestFrame {
  collector: ProcessingCollector;
  start: number;
  /** The audit log's end when a request that may change data began. */
  auditMark: number | undefined;
  traceId: string | undefined;
  spanId: string | undefined;
}

const frames = new WeakMap<FastifyRequest, RequestFrame>();

/** Reading one entry, through the API or its page. */
const ENTRY_READS = new Set(['GET /api/v1/professionals/:id', 'GET /professionals/:id']);
/** Everything held about the signed-in person, as JSON (API and the page's download). */
const EXPORTS = new Set(['GET /api/v1/mij/gegevens', 'GET /mijn-vermelding/gegevens']);

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/** The request span's ids (not those of the hook span @fastify/otel wraps this hook in). */
function requestSpanIds(request: FastifyRequest): { traceId: string; spanId: string } | undefined {
  const otel = typeof request.opentelemetry === 'function' ? request.opentelemetry() : undefined;
  const ids = otel?.span?.spanContext();
  return ids && isSpanContextValid(ids) ? { traceId: ids.traceId, spanId: ids.spanId } : currentTraceIds();
}

const routeOf = (request: FastifyRequest) => `${request.method} ${request.routeOptions.url ?? ''}`;

function exportedSubjects(payload: unknown, collector: ProcessingCollector): void {
  if (typeof payload !== 'string') return;
  let data: { persoon?: { subject?: string; uitgever?: string }; vermeldingen?: Array<{ id?: string }> };
  try {
    data = JSON.parse(payload) as typeof data;
  } catch {
    return;
  }
  for (const entry of data.vermeldingen ?? []) {
    if (entry.id) collector.add({ activity: 'gegevens-inzien', name: 'gegevens.geexporteerd', subject: { id: entry.id, type: ENTRY_SUBJECT_TYPE } });
  }
  // The person's identity and roles are theirs too: identified by subject, in the namespace of their issuer.
  if (data.persoon?.subject && data.persoon.uitgever) {
    collector.add({ activity: 'gegevens-inzien', name: 'gegevens.geexporteerd', subject: { id: data.persoon.subject, type: data.persoon.uitgever } });
  }
}

export default fp(
  async (app) => {
    const settings = app.config.verwerkingslog;
    if (settings.target === 'uit') return;
    const writer = createWriter(settings, app.log);
    app.addHook('onClose', () => writer.close());
    const resource = { 'service.name': app.config.tracing.serviceName, 'service.version': SERVICE_VERSION };

    app.addHook('onRequest', async (request) => {
      if (request.url.startsWith('/health/') || request.url.startsWith('/static/') || request.url === '/metrics') return;
      const ids = requestSpanIds(request);
      const changes = request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
      frames.set(request, {
        collector: new ProcessingCollector(),
        start: Date.now(),
        auditMark: changes ? await auditMark(app.db) : undefined,
        traceId: ids?.traceId,
        spanId: ids?.spanId,
      });
    });

    // Before the response leaves: a caller that got its answer can rely on the processing being logged.
    app.addHook('onSend', async (request, reply, payload) => {
      const frame = frames.get(request);
      if (!frame) return payload;
      frames.delete(request);
      const route = routeOf(request);
      const id = (request.params as { id?: unknown } | undefined)?.id;
      if (ENTRY_READS.has(route) && (reply.statusCode === 200 || reply.statusCode === 304) && typeof id === 'string') {
        frame.collector.add({ activity: 'vermelding-raadplegen', name: 'professional.geraadpleegd', subject: { id, type: ENTRY_SUBJECT_TYPE } });
      }
      if (EXPORTS.has(route) && reply.statusCode === 200) exportedSubjects(payload, frame.collector);
      try {
        if (frame.auditMark !== undefined) await auditedProcessing(app.db, frame.auditMark, [`api:${request.id}`, `web:${request.id}`, `scim:${request.id}`], frame.collector);
      } catch (error) {
        request.log.error({ err: error }, 'processing log: could not read back the audit log');
      }
      if (frame.collector.items.length === 0) return payload;
      const incoming = TRACEPARENT.exec(String(request.headers.traceparent ?? ''));
      const issuer = (request as { principal?: { issuer?: string } | null }).principal?.issuer;
      const lines = toLines(frame.collector.items, {
        traceId: frame.traceId,
        parentSpanId: frame.spanId,
        start: frame.start,
        end: Date.now(),
        failed: reply.statusCode >= 500,
        // A caller that sent W3C Trace Context is the foreign operation; the issuer of its token names the party.
        foreign: incoming && issuer ? { traceId: incoming[1]!, spanId: incoming[2]!, entity: issuer } : undefined,
        resource,
        activiteitenUri: settings.activiteitenUri,
        requestId: request.id,
      });
      try {
        await writer.write(lines);
      } catch (error) {
        // Keep the lines in the service log rather than lose them; the answer itself is not withheld.
        request.log.error({ err: error, verwerkingen: lines }, 'processing log write failed');
      }
      return payload;
    });
  },
  { name: 'verwerkingslog' },
);
