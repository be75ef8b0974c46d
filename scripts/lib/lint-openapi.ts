import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * Spectral with the NL API Design Rules ruleset over an OpenAPI file, failing on warnings too: shared by
 * `npm run lint:openapi` and the test suite, so both judge the document the same way.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
export const defaultRuleset = path.resolve(root, '../shared/standards/adr/ruleset.yaml');

export async function lintOpenApi(file: string, ruleset = defaultRuleset): Promise<{ ok: boolean; report: string }> {
  try {
    const { stdout } = await promisify(execFile)(path.join(root, 'node_modules/.bin/spectral'), ['lint', '--fail-severity=warn', '--format=text', '-r', ruleset, file], { cwd: root });
    return { ok: true, report: stdout.trim() };
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return { ok: false, report: `${stdout ?? ''}${stderr ?? ''}`.trim() };
  }
}
