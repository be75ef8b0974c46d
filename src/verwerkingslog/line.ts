import { randomBytes } from 'node:crypto';
import type { Processing } from './collector.js';

/**
 * One line of the Logboek Dataverwerkingen (Logius, component Logboek, interface): the fields of an OpenTelemetry
 * span, one line per action and data subject. `status_code` as in OTLP: 0 unset (done, including 4xx), 2 error (5xx).
 */
export interface ProcessingLogLine {
  trace_id: string;
  span_id: string;
  parent_span_id?: string;
  name: string;
  start_time: number;
  end_time: number;
  status_code: 0 | 1 | 2;
  foreign_operation?: { trace_id: string; span_id: string; entity: string };
  resource: { attributes: Record<string, string> };
  attributes: Record<string, string>;
}

export interface ProcessingFrame {
  traceId: string | undefined;
  parentSpanId: string | undefined;
  start: number;
  end: number;
  failed: boolean;
  foreign?: { traceId: string; spanId: string; entity: string } | undefined;
  resource: Record<string, string>;
  activiteitenUri: string;
  /** Also in the audit log's `herkomst` (`api:<request id>`): links the line to the audit rows. */
  requestId?: string | undefined;
}

export const newTraceId = () => randomBytes(16).toString('hex');
const newSpanId = () => randomBytes(8).toString('hex');

export function toLines(items: Processing[], frame: ProcessingFrame): ProcessingLogLine[] {
  // Without a trace (tracing not started, e.g. a command), the processing still gets one trace of its own.
  const traceId = frame.traceId ?? (items.length > 0 ? newTraceId() : '');
  return items.map((item) => ({
    trace_id: traceId,
    // Each data subject is an action of its own under the request's span, as the standard asks.
    span_id: newSpanId(),
    ...(frame.parentSpanId ? { parent_span_id: frame.parentSpanId } : {}),
    name: item.name,
    start_time: frame.start,
    end_time: frame.end,
    status_code: frame.failed ? 2 : 0,
    ...(frame.foreign ? { foreign_operation: { trace_id: frame.foreign.traceId, span_id: frame.foreign.spanId, entity: frame.foreign.entity } } : {}),
    resource: { attributes: frame.resource },
    attributes: {
      'dpl.core.processing_activity_id': `${frame.activiteitenUri}${item.activity}`,
      ...(item.subject ? { 'dpl.core.data_subject_id': item.subject.id, 'dpl.core.data_subject_id_type': item.subject.type } : {}),
      ...(frame.requestId ? { 'maatwerkregister.request_id': frame.requestId } : {}),
    },
  }));
}
