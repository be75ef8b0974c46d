import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';

/**
 * The layers, held by the build (docs/conventions.md): pages reach the register through services only, and the
 * search engines through the documents they are given. A rule broken by a new import fails here, naming the file.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(directory: string): string[] {
  return readdirSync(join(root, directory), { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module a file imports (static, re-exported or dynamic), as written. */
export function importsOf(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/(?:^|\s)(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]/gm)) found.add(match[1]!);
  for (const match of source.matchAll(/(?:^|\s)import\s*['"]([^'"]+)['"]/gm)) found.add(match[1]!);
  for (const match of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.add(match[1]!);
  return [...found];
}

/** A relative import as a path from the repository root (`src/professionals/repository.js`); a package as itself. */
const target = (file: string, specifier: string) => (specifier.startsWith('.') ? relative(root, resolve(root, dirname(file), specifier)) : specifier);

interface Rule {
  files: string;
  /** Files the rule does not hold for, each the one place allowed to. */
  except?: string[];
  forbidden: (imported: string) => string | undefined;
}

const rules: Record<string, Rule> = {
  'pages call services only: no drizzle-orm, no db/schema, no repository, no database connection in src/web': {
    files: 'src/web',
    forbidden: (imported) => {
      if (imported === 'drizzle-orm' || imported.startsWith('drizzle-orm/')) return 'drizzle-orm';
      if (imported.startsWith('db/schema')) return 'the database schema';
      if (/(^|\/)repository\.js$/.test(imported)) return 'a repository';
      if (imported.startsWith('src/database/')) return 'the database connection';
      return undefined;
    },
  },
  "the search engines receive documents: only search/document-source.ts reads the entries (through the professionals repository)": {
    files: 'src/search',
    except: ['src/search/document-source.ts'],
    forbidden: (imported) => (/^src\/(?!search\/)[^/]+\/repository\.js$/.test(imported) ? 'another feature’s repository' : undefined),
  },
};

for (const [name, rule] of Object.entries(rules)) {
  t.test(name, async (t) => {
    const files = sourceFiles(rule.files).filter((file) => !rule.except?.includes(file));
    t.ok(files.length > 0, `${rule.files} has source files`);
    const breaches = files.flatMap((file) =>
      importsOf(readFileSync(join(root, file), 'utf8')).flatMap((specifier) => {
        const why = rule.forbidden(target(file, specifier));
        return why ? [`${file} imports ${why} (${specifier})`] : [];
      }),
    );
    t.same(breaches, [], breaches.join('\n'));
  });
}

t.test('the import scanner sees every form of import', async (t) => {
  const source = [
    "import { sql } from 'drizzle-orm';",
    "import type { X } from '../../db/schema/index.js';",
    "export { y } from './repository.js';",
    "import './side-effect.js';",
    "const m = await import('../database/connection.js');",
    'import {\n  a,\n  b,\n} from "./multi-line.js";',
  ].join('\n');
  t.same(importsOf(source).sort(), ['../../db/schema/index.js', '../database/connection.js', './multi-line.js', './repository.js', './side-effect.js', 'drizzle-orm'].sort());
});
