import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Test } from 'tap';
import { insertEntries } from '../../db/seed/bulk-entries.js';
import { buildTestApp } from '../helpers/app.js';

/** Real headless Chromium (Debian's package), as the project's browser tests require. */
export const CHROMIUM = '/usr/bin/chromium';
const require = createRequire(import.meta.url);
const axeSource = require.resolve('axe-core/axe.min.js');

export async function launch(t: Test): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (.ci/run does)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  t.teardown(() => browser.close());
  return browser;
}

export function baseUrl(address: AddressInfo | string | null): string {
  if (!address || typeof address === 'string') throw new Error('server not listening on TCP');
  return `http://127.0.0.1:${address.port}`;
}

/** Signs in through the development sign-in form, as a person would. */
export async function signIn(page: Page, base: string, who: { sub: string; organisatie: string; naam?: string; rollen?: string[] }) {
  await page.goto(`${base}/inloggen`);
  await page.fill('#sub', who.sub);
  if (who.naam) await page.fill('#naam', who.naam);
  await page.fill('#organisatie', who.organisatie);
  for (const rol of who.rollen ?? []) await page.check(`#rol-${rol}`);
  await Promise.all([page.waitForURL(`${base}/`), page.click('button:has-text("Inloggen")')]);
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** WCAG 2.1 A and AA rules of axe-core on the current page. (The test context bypasses CSP to inject axe.) */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axeSource });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(o: object): Promise<{ violations: AxeViolation[] }> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** Asserts that axe-core finds no WCAG 2.1 A/AA violations, naming each rule and element when it does. */
export async function expectAccessible(t: Test, page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  t.same(violations, [], `${label}: ${violations.map((v) => `${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('; ')}`);
}

export async function newContext(browser: Browser, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<BrowserContext> {
  return browser.newContext({ bypassCSP: true, javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: 900 }, locale: 'nl-NL' });
}

/** What every browser test starts from: the real app on its own database, listening on a free port, and Chromium. */
export async function startSite(t: Test, options: { entries?: Parameters<typeof insertEntries>[1]; env?: Record<string, string> } = {}) {
  const testApp = await buildTestApp(t, options.env);
  if (options.entries) await insertEntries(testApp.database.db, options.entries);
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const base = baseUrl(testApp.app.server.address());
  const browser = await launch(t);
  return { ...testApp, base, browser };
}

/** A fresh browser context with one page, and an accessibility check bound to it. */
export async function openPage(t: Test, browser: Browser) {
  const context = await newContext(browser);
  const page = await context.newPage();
  return { context, page, noViolations: (label: string) => expectAccessible(t, page, label) };
}

/** Picks the first suggestion for `text` in one of the routing page's comboboxes (static/kiezer.js), by keyboard. */
export async function chooseInCombobox(page: Page, selector: string, text: string): Promise<void> {
  await page.focus(selector);
  await page.keyboard.type(text);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}
