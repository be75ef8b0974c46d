import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, PageScreenshotOptions } from 'playwright-core';

/**
 * Screenshots from browser tests, opt-in: with `SCREENSHOTS_DIR` set (a folder, relative to the repository root or
 * absolute; `docs/screenshots` refreshes the README's pictures) the PNG is written there under `name`; without it
 * the page is still captured, so the rendering the picture would show is exercised on every run, but nothing is
 * written and the working tree stays clean (CI, a developer's `npm test`).
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The folder screenshots go to, or undefined when they are not kept. Read on each call, so a test may set it. */
export function screenshotsDir(): string | undefined {
  const dir = process.env.SCREENSHOTS_DIR?.trim();
  return dir ? path.resolve(root, dir) : undefined;
}

/** Captures the page (options as `page.screenshot`, without `path`) and returns the PNG; kept only when asked. */
export async function screenshot(page: Page, name: string, options: Omit<PageScreenshotOptions, 'path'> = {}): Promise<Buffer> {
  const dir = screenshotsDir();
  if (!dir) return page.screenshot(options);
  await mkdir(dir, { recursive: true });
  return page.screenshot({ ...options, path: path.join(dir, name) });
}
