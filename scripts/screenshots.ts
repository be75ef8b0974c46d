import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { seedDemoData } from '../db/seed/demo.js';
import { buildApp } from '../src/app.js';
import { parseCommandArgs, runCommand } from './lib/command.js';

/**
 * Screenshots of the main pages, desktop and 320 px wide, into docs/screenshots/ (linked from the README). Uses the
 * configured database (demo data is added to an empty one) and Debian's Chromium.
 */
await runCommand({ usage: 'npm run screenshots [-- --uit docs/screenshots]' }, async ({ config, database, log, out }) => {
  const { values } = parseCommandArgs({ uit: { type: 'string', default: fileURLToPath(new URL('../docs/screenshots', import.meta.url)) } });
  await mkdir(values.uit, { recursive: true });
  if (config.env !== 'production') await seedDemoData(database.db, log);
  const app = await buildApp({ config: { ...config, logLevel: 'warn', devLogin: true }, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    for (const [label, width] of [['desktop', 1280], ['mobiel', 320]] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'nl-NL' });
      await page.goto(`${base}/inloggen`);
      await page.screenshot({ path: `${values.uit}/inloggen-${label}.png`, fullPage: true });
      await page.fill('#sub', 'demo');
      await page.fill('#naam', 'Demo Gebruiker');
      await page.fill('#organisatie', 'Amsterdam');
      await Promise.all([page.waitForURL(`${base}/`), page.click('button:has-text("Inloggen")')]);
      await page.goto(`${base}/?zoekterm=schulden%20UWV&gewenstRolniveau=specialist`);
      await page.screenshot({ path: `${values.uit}/zoeken-${label}.png`, fullPage: false });
      await page.goto(`${base}/?zoekterm=xyzzy`);
      await page.screenshot({ path: `${values.uit}/geen-resultaten-${label}.png`, fullPage: false });
      await page.goto(`${base}/?zoekterm=schulden`);
      await page.click('ol.mr-resultaten a');
      await page.waitForSelector('h1');
      await page.screenshot({ path: `${values.uit}/vermelding-${label}.png`, fullPage: true });
      await page.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
  out(values.uit);
});
