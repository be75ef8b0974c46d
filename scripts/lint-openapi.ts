import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildApp } from '../src/app.js';
import { parseCommandArgs, runCommand, UsageError } from './lib/command.js';

/**
 * Lints the OpenAPI document the service serves against the NL API Design Rules ruleset (Spectral), as the test
 * suite does. `--out FILE` also keeps the document, e.g. to publish it.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const usage = 'npm run lint:openapi -- [--ruleset ../shared/standards/adr/ruleset.yaml] [--out openapi.json]';

await runCommand({ usage }, async ({ config, database, log, out }) => {
  const { values } = parseCommandArgs({ ruleset: { type: 'string' }, out: { type: 'string' } });
  const ruleset = path.resolve(values.ruleset ?? path.join(root, '../shared/standards/adr/ruleset.yaml'));
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

  try {
    const { stdout } = await promisify(execFile)(path.join(root, 'node_modules/.bin/spectral'), ['lint', '--fail-severity=warn', '--format=text', '-r', ruleset, file], { cwd: root });
    out(stdout.trim() || 'geen bevindingen');
    return 0;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    out(`${stdout ?? ''}${stderr ?? ''}`.trim());
    return 1;
  }
});
