import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { parseCommandArgs, runCommand, UsageError } from './lib/command.js';
import { defaultRuleset, lintOpenApi } from './lib/lint-openapi.js';

/**
 * Lints the OpenAPI document the service serves against the NL API Design Rules ruleset (Spectral), as the test
 * suite does. `--out FILE` also keeps the document, e.g. to publish it.
 */
const usage = 'npm run lint:openapi -- [--ruleset ../shared/standards/adr/ruleset.yaml] [--out openapi.json]';

await runCommand({ usage }, async ({ config, database, log, out }) => {
  const { values } = parseCommandArgs({ ruleset: { type: 'string' }, out: { type: 'string' } });
  const ruleset = values.ruleset ? path.resolve(values.ruleset) : defaultRuleset;
  if (!existsSync(ruleset)) throw new UsageError(`the ADR ruleset is not at ${ruleset}; pass --ruleset`);

  const app = await buildApp({ config: { ...config, logLevel: 'silent' }, database });
  let document: string;
  try {
    document = (await app.inject({ url: '/api/v1/openapi.json' })).body;
  } finally {
    await app.close();
  }
  const file = values.out ? path.resolve(values.out) : path.join(mkdtempSync(path.join(tmpdir(), 'mr-openapi-')), 'openapi.json');
  writeFileSync(file, document);
  log(`linting ${file} with ${ruleset}`);

  const { ok, report } = await lintOpenApi(file, ruleset);
  out(report || 'geen bevindingen');
  return ok ? 0 : 1;
});
