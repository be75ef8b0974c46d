import { readFileSync } from 'node:fs';
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { context, isSpanContextValid, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import type { OperationsConfig } from '../config-operations.js';
import { instrumentDatabase } from './database-spans.js';

/**
 * OpenTelemetry traces with W3C Trace Context. The server registers one tracer provider per process
 * (`startTracing`); the app only uses the OpenTelemetry API, so without a provider (tests, commands) every span is a
 * cheap no-op. A provider is registered even when nothing is exported: then an incoming `traceparent` is still
 * followed and every log line, audit row and processing-log line carries a trace id that links them.
 */

export const SERVICE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const tracer = trace.getTracer('maatwerkregister', SERVICE_VERSION);

/**
 * The HTTP instrumentation (`@fastify/otel`): one span per request, child of an incoming `traceparent`, named
 * `METHOD route`. Probes and scrapes are left out: they would drown the traces. One instance per process, registered
 * into every app (`app.register(httpInstrumentation.plugin())`).
 */
export const httpInstrumentation = new FastifyOtelInstrumentation({
  ignorePaths: (route) => route.url.startsWith('/health/') || route.url === '/metrics',
  requestHook: (span, request) => {
    const route = (request as { routeOptions?: { url?: string } }).routeOptions?.url;
    if (route) span.updateName(`${(request as { method: string }).method} ${route}`);
  },
});

export interface Tracing {
  /** Flushes spans not yet exported and stops the provider. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** Export to this exporter, span by span (tests: the SDK's InMemorySpanExporter). */
  exporter?: SpanExporter;
}

export function startTracing(config: Pick<OperationsConfig, 'tracing'>, options: TracingOptions = {}): Tracing {
  const processors: SpanProcessor[] = [];
  if (options.exporter) processors.push(new SimpleSpanProcessor(options.exporter));
  else if (config.tracing.otlp) processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: config.tracing.otlp.url, headers: config.tracing.otlp.headers })));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.tracing.serviceName, [ATTR_SERVICE_VERSION]: SERVICE_VERSION }),
    // A caller's sampling decision is followed; new traces are sampled at the configured ratio. With nowhere to export
    // to, nothing is recorded: spans still get ids (for logs, audit rows and the processing log) at almost no cost.
    sampler:
      processors.length > 0 ? new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.tracing.sampleRatio) }) : new AlwaysOffSampler(),
    spanProcessors: processors,
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  instrumentDatabase();
  return {
    async shutdown() {
      await provider.shutdown();
      trace.disable();
    },
  };
}

/** The active span's ids, when there is a real one (not the no-op span of an untraced process). */
export function currentTraceIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getSpan(context.active());
  if (!span) return undefined;
  const ids = span.spanContext();
  return isSpanContextValid(ids) ? { traceId: ids.traceId, spanId: ids.spanId } : undefined;
}

/** pino `mixin`: every log line written inside a traced request carries its `trace_id` and `span_id`. */
export function traceLogFields(): Record<string, string> {
  const ids = currentTraceIds();
  return ids ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
}

/** Runs `work` in a child span of the active one; the span records a thrown error and ends either way. */
export async function inSpan<T>(name: string, attributes: Record<string, string | number | boolean>, work: (span: Span) => Promise<T>, kind = SpanKind.INTERNAL): Promise<T> {
  return tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}
