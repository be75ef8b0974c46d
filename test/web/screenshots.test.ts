import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { screenshot } from '../helpers/screenshot.js';
import { launch } from './browser.js';

/**
 * Browser tests take their screenshots through test/helpers/screenshot.ts, which writes them only when
 * SCREENSHOTS_DIR asks for it: a plain `npm test` (CI) leaves docs/screenshots/ as it found it.
 */

function testSources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? testSources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

t.test('no test writes a screenshot file itself: they go through the screenshot helper', async (t) => {
  const allowed = [path.join('test', 'helpers', 'screenshot.ts'), path.join('test', 'web', 'screenshots.test.ts')];
  const offenders = testSources('test')
    .filter((file) => !allowed.includes(file))
    .filter((file) => {
      const source = readFileSync(file, 'utf8');
      return /\.screenshot\(\{[^}]*\bpath:/.test(source) || /['`]docs\/screenshots/.test(source);
    });
  t.same(offenders, [], 'no page.screenshot({ path }) and no path into docs/screenshots outside the helper');
});

t.test('screenshots are kept only when SCREENSHOTS_DIR is set, and always taken', async (t) => {
  const browser = await launch(t);
  const page = await browser.newPage();
  await page.setContent('<main><h1>Schermafdruk</h1></main>');
  const previous = process.env.SCREENSHOTS_DIR;
  t.teardown(() => {
    if (previous === undefined) delete process.env.SCREENSHOTS_DIR;
    else process.env.SCREENSHOTS_DIR = previous;
  });
  const name = `screenshot-helper-${process.pid}.png`;

  delete process.env.SCREENSHOTS_DIR;
  const taken = await screenshot(page, name);
  t.same([...taken.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG', 'without the variable: still captured');
  t.notOk(existsSync(path.join('docs', 'screenshots', name)), 'and not written into docs/screenshots');

  const dir = mkdtempSync(path.join(tmpdir(), 'mr-screenshots-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  process.env.SCREENSHOTS_DIR = dir;
  await screenshot(page, name, { fullPage: true });
  t.ok(existsSync(path.join(dir, name)), 'with the variable: written into that folder');
});
