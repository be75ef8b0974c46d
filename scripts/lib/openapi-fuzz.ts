import fc from 'fast-check';

/**
 * OpenAPI-driven fuzzing (issue 16): requests for every operation of the served document, as every role, with
 * values drawn from each parameter's and body's schema — mostly valid, often subtly wrong (NUL, lone surrogates,
 * year 0000, huge numbers, wrong types, unknown fields). The service must never answer 5xx. Used by the test suite
 * (about a minute) and by `npm run fuzz -- --requests N`.
 */

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface FuzzRequest {
  operation: string;
  role: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

export interface FuzzContext {
  /** Authorization headers per role name ('anoniem' has none). */
  roles: Record<string, Record<string, string>>;
  /** Ids and codes that exist, so some requests get past "not found". */
  known: { id: string[]; code: string[] };
}

/** Strings that have broken services before. */
const nasty = fc.constantFrom(
  '\u0000', 'a\u0000b', '\ud800', 'x\udfff', '0000-01-01', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59-05:00', '-1', '1e309',
  '99999999999999999999', 'NaN', 'null', 'true', '[]', '{}', '%00', '../../etc/passwd', "' OR 1=1 --", '<script>alert(1)</script>',
  '"', '\\', '€', 'é', '🦄', ' ', '', 'x'.repeat(5000), '\r\n', 'gm0363', 'schulden', 'Utrecht', 'beheerder', 'aa',
);

const junk: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

function resolve(document: OpenApiDocument, schema: Schema | undefined): Schema {
  let current = schema ?? {};
  for (let i = 0; current.$ref && i < 10; i++) {
    current = document.components?.schemas?.[current.$ref.replace('#/components/schemas/', '')] ?? {};
  }
  return current;
}

/** Valid-looking values with, now and then, the one flaw a database or parser trips over. */
const flawed = (base: fc.Arbitrary<string>, flaws: string[]) =>
  fc.oneof({ weight: 6, arbitrary: base }, { weight: 1, arbitrary: fc.tuple(base, fc.constantFrom(...flaws)).map(([value, flaw]) => value + flaw) });

function validString(schema: Schema, context: FuzzContext): fc.Arbitrary<string> {
  const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });
  if (schema.format === 'uuid') return fc.oneof(fc.uuid(), ...(context.known.id.length ? [fc.constantFrom(...context.known.id)] : []));
  if (schema.format === 'date') return fc.oneof({ weight: 6, arbitrary: day.map((d) => d.toISOString().slice(0, 10)) }, { weight: 1, arbitrary: fc.constantFrom('0000-01-01', '0000-12-31', '9999-12-31') });
  if (schema.format === 'date-time') {
    return fc.oneof({ weight: 6, arbitrary: day.map((d) => d.toISOString()) }, { weight: 1, arbitrary: fc.constantFrom('0000-01-01T00:00:00Z', '0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59-05:00') });
  }
  if (schema.format === 'email') return flawed(fc.oneof(fc.emailAddress(), fc.constantFrom('eva@amsterdam.nl', 'piet@rotterdam.nl')), ['\u0000']);
  const words = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('schuld', 'gm0363', 'gm0599', 'schulden', 'Utrecht', 'Eva de Boer', 'participatiewet'));
  return flawed(words, ['\u0000', '\ud800', '\udfff', '\u0000x']);
}

/** Values for a schema: mostly of its shape, sometimes junk, depth-bounded. */
export function fromSchema(document: OpenApiDocument, raw: Schema | undefined, context: FuzzContext, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(document, raw);
  const valid = (() => {
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    const union = schema.anyOf ?? schema.oneOf;
    if (union?.length) return fc.oneof(...union.map((s) => fromSchema(document, s, context, depth + 1)));
    if (schema.allOf?.length) return fromSchema(document, schema.allOf[0], context, depth + 1);
    const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
    switch (type) {
      case 'string':
        return validString(schema, context);
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 200, 100_000) });
      case 'number':
        return fc.double({ noNaN: true, min: -1000, max: 1000 });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth > 4 ? fc.constant([]) : fc.array(fromSchema(document, schema.items, context, depth + 1), { maxLength: 4 });
      case 'object': {
        if (depth > 4 || !schema.properties) return fc.constant({});
        const keys = Object.keys(schema.properties);
        const required = schema.required ?? [];
        const record = fc.record(
          Object.fromEntries(keys.map((key) => [key, fromSchema(document, schema.properties![key], context, depth + 1)])),
          { requiredKeys: required.filter((key) => keys.includes(key)) },
        );
        // Sometimes a field the schema does not know.
        return fc.oneof({ weight: 5, arbitrary: record }, { weight: 1, arbitrary: record.map((value) => ({ ...value, onbekendVeld: 'x' })) });
      }
      default:
        return junk;
    }
  })();
  // Junk rarely, so that most requests are valid but for one field and get past validation.
  return fc.oneof({ weight: 15, arbitrary: valid }, { weight: 1, arbitrary: junk });
}

const csvArbitrary = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('Eva de Boer', 'Piet Jansen'), fc.string({ maxLength: 12 }), nasty),
      fc.oneof(fc.constantFrom('Consulent'), nasty),
      fc.oneof(fc.emailAddress(), fc.constantFrom('eva@amsterdam.nl'), nasty),
      fc.oneof(fc.constantFrom('specialist', 'uitvoering', 'baas'), nasty),
      fc.oneof(fc.constantFrom('schulden', 'schulden;wgs', 'participatiewet'), nasty),
      fc.oneof(fc.constantFrom('', '2027-01-01', '0000-01-01'), nasty),
    ),
    { maxLength: 5 },
  )
  .chain((rows) =>
    fc
      .constantFrom('naam,functie,email,rolniveau,expertisegebieden,afwezigTot', 'naam;functie;email;rolniveau;expertisegebieden;afwezigTot', 'onzin', '')
      .map((header) => [header, ...rows.map((row) => row.map((cell) => (/[",\n]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell))).join(','))].join('\n')),
  );

/** Any generated value as text (fast-check's dictionaries have no prototype, so String() would throw). */
const text = (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

/** encodeURIComponent throws on a lone surrogate; send its (invalid) UTF-8 bytes instead, a case worth sending. */
const LONE_SURROGATE = /([\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/;

function encodePathSegment(value: string): string {
  return value
    .split(LONE_SURROGATE)
    .map((part, i) => (i % 2 === 1 ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

function serializeQuery(values: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, text(item));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** One arbitrary request for every operation, picking a role, parameters and body. */
export function requestArbitrary(document: OpenApiDocument, context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const base = (document.servers?.[0]?.url ?? '').replace(/\/$/, '');
  const roles = Object.keys(context.roles);
  const operations: fc.Arbitrary<FuzzRequest>[] = [];
  for (const [template, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = operation.parameters ?? [];
      const byLocation = (where: Parameter['in']) =>
        fc.record(
          Object.fromEntries(
            parameters
              .filter((p) => p.in === where)
              .map((p) => {
                let arbitrary = fromSchema(document, p.schema, context);
                if (where === 'path' && p.name === 'code' && context.known.code.length) arbitrary = fc.oneof(fc.constantFrom(...context.known.code), arbitrary);
                if (where === 'header' && p.name.toLowerCase() === 'if-match') arbitrary = fc.oneof(fc.integer({ min: 0, max: 5 }).map((v) => `"${v}"`), arbitrary);
                return [p.name, arbitrary];
              }),
          ),
          { requiredKeys: parameters.filter((p) => p.in === where && (p.required || where === 'path')).map((p) => p.name) },
        );
      const content = operation.requestBody?.content ?? {};
      const body: fc.Arbitrary<{ type?: string; payload?: string }> = content['text/csv']
        ? csvArbitrary.map((csv) => ({ type: 'text/csv', payload: csv }))
        : content['application/json']
          ? fc.oneof(
              { weight: 8, arbitrary: fromSchema(document, content['application/json'].schema, context).map((value) => ({ type: 'application/json', payload: JSON.stringify(value) ?? 'null' })) },
              { weight: 1, arbitrary: fc.constantFrom('{', '', '[1,2', '"\\u0000"', '{"naam":"\\ud800"}').map((payload) => ({ type: 'application/json', payload })) },
            )
          : fc.constant({});
      operations.push(
        fc.record({ role: fc.constantFrom(...roles), path: byLocation('path'), query: byLocation('query'), headers: byLocation('header'), body }).map(({ role, path, query, headers, body: b }) => {
          const url = base + template.replace(/\{(\w+)\}/g, (_, name: string) => encodePathSegment(text(path[name] ?? 'x'))) + serializeQuery(query);
          const sent: Record<string, string> = { ...context.roles[role] };
          for (const [name, value] of Object.entries(headers)) {
            // HTTP cannot carry control characters in a header; a client library would refuse before sending.
            const header = text(value);
            // eslint-disable-next-line no-control-regex -- the control characters are what is being kept out.
            if (value !== undefined && !/[\u0000-\u001f\u007f-\uffff]/.test(header)) sent[name] = header;
          }
          if (b.type) sent['content-type'] = b.type;
          return { operation: operation.operationId ?? `${method} ${template}`, role, method: method.toUpperCase(), url, headers: sent, ...(b.payload !== undefined ? { payload: b.payload } : {}) };
        }),
      );
    }
  }
  return fc.oneof(...operations);
}

export interface FuzzReport {
  requests: number;
  byStatus: Record<string, number>;
  serverErrors: { request: FuzzRequest; status: number; body: string }[];
  operations: Set<string>;
  roles: Set<string>;
}

/**
 * Sends generated requests until `requests` are done or `timeLimitMs` has passed, `concurrency` at a time.
 * `send` performs one request (app.inject in tests, HTTP in the command).
 */
export async function fuzz(
  arbitrary: fc.Arbitrary<FuzzRequest>,
  send: (request: FuzzRequest) => Promise<{ statusCode: number; body: string }>,
  options: { requests: number; timeLimitMs: number; concurrency?: number; seed?: number; progress?: (done: number) => void },
): Promise<FuzzReport> {
  const report: FuzzReport = { requests: 0, byStatus: {}, serverErrors: [], operations: new Set(), roles: new Set() };
  const deadline = Date.now() + options.timeLimitMs;
  const seed = options.seed ?? Date.now();
  let batch = 0;
  while (report.requests < options.requests && Date.now() < deadline) {
    const size = Math.min(200, options.requests - report.requests);
    const samples = fc.sample(arbitrary, { numRuns: size, seed: seed + batch++ });
    let next = 0;
    const worker = async () => {
      while (next < samples.length && Date.now() < deadline) {
        const request = samples[next++]!;
        const response = await send(request).catch((error: unknown) => ({ statusCode: 599, body: `request failed: ${String(error)}` }));
        report.requests++;
        report.operations.add(request.operation);
        report.roles.add(request.role);
        report.byStatus[response.statusCode] = (report.byStatus[response.statusCode] ?? 0) + 1;
        if (response.statusCode >= 500) report.serverErrors.push({ request, status: response.statusCode, body: response.body.slice(0, 500) });
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
    options.progress?.(report.requests);
  }
  return report;
}
