import { existsSync, readFileSync } from 'node:fs';
import t from 'tap';

t.test('every npm script that runs a file names a file that exists', async (t) => {
  const root = new URL('../..', import.meta.url);
  const { scripts } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> };
  for (const [name, command] of Object.entries(scripts)) {
    for (const [, file] of command.matchAll(/(?:tsx|node)\s+(?:--\S+\s+)*(\S+\.[cm]?[jt]sx?)\b/g)) {
      t.ok(existsSync(new URL(file!, root)), `npm run ${name}: ${file} exists`);
    }
  }
});
