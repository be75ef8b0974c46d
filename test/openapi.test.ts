import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { lintOpenApi, defaultRuleset as ruleset } from '../scripts/lib/lint-openapi.js';
import { applyApiConventions } from '../src/http/openapi-conventions.js';
import { buildTestApp } from './helpers/app.js';

t.test('the OpenAPI document is public, CORS-open, and describes the API in Dutch', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await app.inject({ url: '/api/v1/openapi.json' });
  t.equal(response.statusCode, 200, 'no token needed');
  t.equal(response.headers['access-control-allow-origin'], '*');
  t.equal(response.headers['api-version'], '1.0.0');
  const document = response.json();
  t.equal(document.openapi, '3.0.3');
  t.equal(document.info.version, '1.0.0');
  t.same(document.servers, [{ url: '/api/v1', description: 'Deze omgeving' }]);
  t.ok(document.paths['/organisaties']?.get, 'paths are relative to the server URL');
  t.notOk(Object.keys(document.paths).some((p) => p.startsWith('/health') || p.startsWith('/api')), 'only API paths, without prefix');
  t.equal(document.paths['/organisaties'].get.summary, 'Organisaties zoeken en filteren');
  t.ok(document.paths['/organisaties'].get.responses['200'].headers.Link, 'Link header documented');
  t.ok(document.components.schemas.Problem, 'problem schema present');
});

t.test('the ADR linter reports nothing on the served document', { timeout: 180_000 }, async (t) => {
  if (!existsSync(ruleset)) {
    t.fail(`ADR ruleset not found at ${ruleset}; the project expects ../shared beside the checkout`);
    return;
  }
  const { app } = await buildTestApp(t);
  const document = (await app.inject({ url: '/api/v1/openapi.json' })).body;
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'mr-openapi-')), 'openapi.json');
  writeFileSync(file, document);
  const { ok, report } = await lintOpenApi(file);
  if (ok) t.pass(`spectral: ${report || 'no findings'}`);
  else t.fail(`spectral found problems:\n${report}`);
});

t.test('conventions: API-Version on 2xx/3xx, problem+json errors, 400 where input is taken', async (t) => {
  const input = {
    openapi: '3.0.3',
    paths: {
      '/api/v1/dingen': {
        get: { parameters: [{ name: 'q', in: 'query' }], security: [{ bearerAuth: [] }], responses: { 200: { description: 'ok' }, 404: { description: 'Niet hier' } } },
        post: { responses: { 201: { description: 'gemaakt', headers: { Location: { schema: { type: 'string' } } } } } },
      },
      '/al-relatief': { get: { responses: { 200: { description: 'ok' } } } },
    },
  };
  const result = applyApiConventions(input, { prefix: '/api/v1' });
  t.same(Object.keys(result.paths), ['/dingen', '/al-relatief'], 'prefix stripped where present');
  const get = result.paths['/dingen'].get;
  t.ok(get.responses['200'].headers['API-Version']);
  t.same(Object.keys(get.responses).sort(), ['200', '400', '401', '404', '429', '500', '503']);
  t.ok(get.responses['503'].headers['Retry-After'], 'a secured operation may be 503 with Retry-After (identity provider unreachable)');
  t.equal(get.responses['404'].description, 'Niet hier', 'own description kept');
  t.ok(get.responses['404'].content['application/problem+json']);
  const post = result.paths['/dingen'].post;
  t.ok(post.responses['201'].headers.Location, 'existing headers kept');
  t.ok(post.responses['201'].headers['API-Version']);
  t.ok(post.responses['400'], 'POST always declares 400');
  t.notOk(post.responses['401'], 'no 401 without security');
  t.notOk(post.responses['503'], 'no 503 without security');
  t.notOk(input.paths['/api/v1/dingen'].get.responses[400 as never], 'input document untouched');
});
