import { sql } from 'drizzle-orm';
import { addMonths } from '../../src/professionals/termijnen.js';
import { workerOptions } from '../../src/herinneringen/runner.js';
import type { WorkerOptions } from '../../src/herinneringen/worker.js';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';
import { startSmtpServer } from '../helpers/smtp.js';

export const DAY = 86_400_000;

interface Tap {
  teardown(fn: () => unknown): void;
}

/**
 * A register with mail: a real SMTP server, the app (worker not in the server, so the test drives the rounds), and
 * a cast: Carla coordinates Amsterdam (her own entry gives her address), Ruud Rotterdam.
 */
export async function reminderFixture(t: Tap, env: Record<string, string> = {}, smtpOptions: { user?: string; pass?: string } = {}) {
  const smtp = await startSmtpServer(t, smtpOptions);
  const testApp = await buildTestApp(t, {
    SMTP_URL: smtp.url,
    HERINNERINGEN_IN_SERVER: 'false',
    MAIL_FROM: '"Maatwerkregister" <register@example.nl>',
    PUBLIC_URL: 'https://register.example.nl',
    ...env,
  });
  const headers = await castOf(testApp);
  const { app } = testApp;
  const db = testApp.database.db;

  const create = async (as: Record<string, string>, body: Record<string, unknown>) => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: await testApp.auth(as), payload: entryBody(body) });
    if (response.statusCode !== 201) throw new Error(`create failed: ${response.body}`);
    return response.json().id as string;
  };
  /** An entry created by a coordinator: no owner. */
  const createUnowned = async (coordinator: 'coordinatorAmsterdam' | 'coordinatorRotterdam', body: Record<string, unknown>) => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: headers[coordinator], payload: entryBody(body) });
    if (response.statusCode !== 201) throw new Error(`create failed: ${response.body}`);
    return response.json().id as string;
  };
  /** Makes the entry's confirmation expire `days` after `now`. */
  const expireIn = async (id: string, days: number, now = new Date()) => {
    const bevestigdOp = addMonths(new Date(now.getTime() + days * DAY), -testApp.config.termijnen.bevestigingMaanden);
    await db.execute(sql`UPDATE professionals SET bevestigd_op = ${bevestigdOp.toISOString()}::timestamptz WHERE id = ${id}`);
  };
  // The coordinators' own entries: their addresses for reminders and digests.
  // (A coordinator's entry is their own when its e-mail is the one in their token.)
  await create({ sub: 'coord-ams', organisatie: 'gm0363', email: 'carla@amsterdam.nl' }, { naam: 'Carla Coördinator', email: 'carla@amsterdam.nl' });
  await create({ sub: 'coord-rdam', organisatie: 'gm0599', email: 'ruud@rotterdam.nl' }, { naam: 'Ruud Coördinator', email: 'ruud@rotterdam.nl' });
  // Verified, so that only what a test arranges shows up in digests.
  await db.execute(sql`UPDATE professionals SET geverifieerd_op = now()`);

  const options: WorkerOptions = { ...workerOptions(testApp.config), backoffMs: 1000, maxBackoffMs: 60_000 };
  const outbox = () =>
    db.execute<{ id: number; soort: string; ontvanger: string; ontvanger_rol: string; uitkomst: string | null; pogingen: number; message_id: string | null; laatste_fout: string | null }>(
      sql`SELECT id::int, soort, ontvanger, ontvanger_rol, uitkomst, pogingen, message_id, laatste_fout FROM mail_outbox ORDER BY id`,
    );
  return { smtp, testApp, app, db, headers, create, createUnowned, expireIn, options, outbox };
}

/** The confirmation link in a mail's plain text. */
export function linkIn(text: string): string {
  const match = /https:\/\/register\.example\.nl(\/herinnering\/[A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no link in: ${text}`);
  return match[1]!;
}
