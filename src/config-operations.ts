import path from 'node:path';
import { z } from 'zod';

/**
 * The operational part of the configuration (security.txt, metrics, tracing, processing log), kept apart from
 * `config.ts` so the feature settings and the operator settings can change without touching each other. `config.ts`
 * merges `operationsEnvShape` into its one schema and calls `readOperationsConfig`; nothing here reads `process.env`.
 */

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().min(1).optional());

export const operationsEnvShape = {
  /** Comma-separated contact URIs (`mailto:`, `https:`, `tel:`), in order of preference (RFC 9116 §2.5.3). */
  SECURITY_TXT_CONTACT: optionalString,
  /** RFC 3339 date-time after which the file is stale (RFC 9116 §2.5.5). */
  SECURITY_TXT_EXPIRES: optionalString,
  SECURITY_TXT_POLICY: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  SECURITY_TXT_ENCRYPTION: z.preprocess(emptyAsUndefined, z.url({ protocol: /^(https?|dns|openpgp4fpr)$/ }).optional()),
  SECURITY_TXT_ACKNOWLEDGMENTS: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  SECURITY_TXT_PREFERRED_LANGUAGES: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*(\s*,\s*[A-Za-z]{2,3}(-[A-Za-z0-9]+)*)*$/).default('nl, en'),
  /** Bearer token a Prometheus scraper must send; `/metrics` does not exist without it. */
  METRICS_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, 'at least 16 characters').optional()),
  /** `otlp` exports spans over OTLP/HTTP; `none` (default) keeps trace ids in logs and the processing log only. */
  OTEL_TRACES_EXPORTER: z.enum(['none', 'otlp']).default('none'),
  OTEL_SERVICE_NAME: z.string().min(1).default('maatwerkregister'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  /** `key=value,key2=value2`, e.g. an API key of the collector. */
  OTEL_EXPORTER_OTLP_HEADERS: optionalString,
  /** Share of new traces sampled (0…1); a sampled incoming `traceparent` is always followed. */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  /** Where the processing log (Logboek Dataverwerkingen) goes: a JSON-lines file, the service log, or nowhere. */
  VERWERKINGSLOG: z.enum(['bestand', 'log', 'uit']).optional(),
  VERWERKINGSLOG_BESTAND: optionalString,
  /** Prefix of the processing activities' URIs in the organisation's Register van Verwerkingsactiviteiten. */
  VERWERKINGSACTIVITEITEN_URI: z.preprocess(emptyAsUndefined, z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i, 'a URI (prefix)').optional()),
};

type OperationsEnv = z.infer<z.ZodObject<typeof operationsEnvShape>>;

export interface SecurityTxtConfig {
  contact: string[];
  expires: Date;
  policy: string | undefined;
  encryption: string | undefined;
  acknowledgments: string | undefined;
  preferredLanguages: string;
  /** Where the file is served, for its `Canonical` field. */
  canonical: string[];
}

export interface OperationsConfig {
  /** `/.well-known/security.txt`; `null` when not configured (refused in production). */
  securityTxt: SecurityTxtConfig | null;
  /** Prometheus `/metrics`; `null` (no route) unless METRICS_TOKEN is set. */
  metrics: { token: string } | null;
  tracing: {
    serviceName: string;
    /** OTLP/HTTP traces endpoint; `null` = spans are not exported. */
    otlp: { url: string; headers: Record<string, string> } | null;
    sampleRatio: number;
  };
  /** Logboek Dataverwerkingen: where each processing of personal data is recorded. */
  verwerkingslog: ({ target: 'bestand'; file: string } | { target: 'log' } | { target: 'uit' }) & {
    /** Prepended to an activity's id (`vermelding-raadplegen`) to give `dpl.core.processing_activity_id`. */
    activiteitenUri: string;
  };
}

const CONTACT_URI = /^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+|tel:\+?[0-9 ()-]+)$/;

function parseHeaders(raw: string | undefined, problems: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!raw) return headers;
  for (const part of raw.split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) {
      problems.push('OTEL_EXPORTER_OTLP_HEADERS: expected key=value pairs separated by commas');
      return {};
    }
    headers[decodeURIComponent(part.slice(0, at).trim())] = decodeURIComponent(part.slice(at + 1).trim());
  }
  return headers;
}

export function readOperationsConfig(
  e: OperationsEnv,
  context: { production: boolean; publicUrl: string },
  problems: string[],
): OperationsConfig {
  let securityTxt: SecurityTxtConfig | null = null;
  const contact = e.SECURITY_TXT_CONTACT?.split(',').map((c) => c.trim()).filter(Boolean) ?? [];
  for (const uri of contact) {
    if (!CONTACT_URI.test(uri)) problems.push(`SECURITY_TXT_CONTACT: "${uri}" is not a mailto:, https: or tel: URI`);
  }
  let expires: Date | undefined;
  if (e.SECURITY_TXT_EXPIRES) {
    // RFC 9116 asks for an RFC 3339 date-time; a bare date would leave the time zone to chance.
    const valid = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(e.SECURITY_TXT_EXPIRES);
    expires = valid ? new Date(e.SECURITY_TXT_EXPIRES) : undefined;
    if (!expires || Number.isNaN(expires.getTime())) {
      problems.push(`SECURITY_TXT_EXPIRES: "${e.SECURITY_TXT_EXPIRES}" is not an RFC 3339 date-time such as 2027-06-30T00:00:00Z`);
      expires = undefined;
    }
  }
  if (contact.length > 0 && expires) {
    securityTxt = {
      contact,
      expires,
      policy: e.SECURITY_TXT_POLICY,
      encryption: e.SECURITY_TXT_ENCRYPTION,
      acknowledgments: e.SECURITY_TXT_ACKNOWLEDGMENTS,
      preferredLanguages: e.SECURITY_TXT_PREFERRED_LANGUAGES.split(',').map((l) => l.trim()).join(', '),
      canonical: [`${context.publicUrl}/.well-known/security.txt`],
    };
  } else if (contact.length > 0 || e.SECURITY_TXT_EXPIRES) {
    if (contact.length === 0) problems.push('SECURITY_TXT_CONTACT: required with SECURITY_TXT_EXPIRES');
    if (!e.SECURITY_TXT_EXPIRES) problems.push('SECURITY_TXT_EXPIRES: required with SECURITY_TXT_CONTACT');
  }
  const tracesUrl =
    e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
    (e.OTEL_EXPORTER_OTLP_ENDPOINT ? `${e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces` : undefined);
  if (e.OTEL_TRACES_EXPORTER === 'otlp' && !tracesUrl) {
    problems.push('OTEL_EXPORTER_OTLP_ENDPOINT: required when OTEL_TRACES_EXPORTER=otlp (or set OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)');
  }
  const headers = parseHeaders(e.OTEL_EXPORTER_OTLP_HEADERS, problems);

  const verwerkingslogTarget = e.VERWERKINGSLOG ?? (e.VERWERKINGSLOG_BESTAND ? 'bestand' : 'log');
  if (verwerkingslogTarget === 'bestand' && !e.VERWERKINGSLOG_BESTAND) problems.push('VERWERKINGSLOG_BESTAND: required when VERWERKINGSLOG=bestand');
  if (context.production && verwerkingslogTarget === 'uit') {
    problems.push('VERWERKINGSLOG: cannot be "uit" when NODE_ENV=production (the processing of personal data must be logged)');
  }

  return {
    securityTxt,
    metrics: e.METRICS_TOKEN ? { token: e.METRICS_TOKEN } : null,
    tracing: {
      serviceName: e.OTEL_SERVICE_NAME,
      otlp: e.OTEL_TRACES_EXPORTER === 'otlp' && tracesUrl ? { url: tracesUrl, headers } : null,
      sampleRatio: e.OTEL_TRACES_SAMPLER_ARG,
    },
    verwerkingslog: {
      ...(verwerkingslogTarget === 'bestand' ? { target: 'bestand', file: path.resolve(e.VERWERKINGSLOG_BESTAND ?? '') } : { target: verwerkingslogTarget }),
      activiteitenUri: e.VERWERKINGSACTIVITEITEN_URI ?? 'urn:nl:maatwerkregister:verwerkingsactiviteit:',
    },
  };
}

/**
 * What keeps the HTTP service from starting in production. Checked by the server at start-up only, not in
 * `loadConfig`: a nightly backup or a migration must not fail because the security.txt date has passed.
 */
export function startupRefusals(config: OperationsConfig & { env: string }, now = new Date()): string[] {
  if (config.env !== 'production') return [];
  // security.txt is on the Dutch "pas toe of leg uit" list: a production service without a current one is refused.
  if (!config.securityTxt) return ['SECURITY_TXT_CONTACT and SECURITY_TXT_EXPIRES: required when NODE_ENV=production (RFC 9116 security.txt)'];
  if (config.securityTxt.expires <= now) {
    return [`SECURITY_TXT_EXPIRES: ${config.securityTxt.expires.toISOString()} has passed; review the contact details and set a new date (at most a year ahead)`];
  }
  return [];
}
