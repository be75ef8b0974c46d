import { sql } from 'drizzle-orm';
import type { Db } from '../../src/database/connection.js';
import { insertEntries, organisationsForSynthesis } from './bulk-entries.js';
import { synthesise } from './synthetic.js';

/**
 * Something to find on a fresh development install: a few hundred synthetic entries (fictitious people at real
 * organisations). Only when the register is empty, and never in production.
 */
export async function seedDemoData(db: Db, log: (message: string) => void = () => {}): Promise<number> {
  const [existing] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM professionals`);
  if ((existing?.n ?? 0) > 0) return 0;
  const organisations = await organisationsForSynthesis(db);
  const entries = synthesise(400, organisations, 2026);
  // A spread of confirmation and verification dates, so every state shows up in the pages.
  const now = Date.now();
  const month = 30 * 24 * 3600 * 1000;
  const dated = entries.map((entry, index) => ({
    ...entry,
    bevestigdOp: new Date(now - (index % 11) * month),
    geverifieerdOp: index % 3 === 0 ? null : new Date(now - (index % 14) * month),
  }));
  await insertEntries(db, dated);
  log(`demo data: ${entries.length} fictitious entries added (DEMO_DATA=false to skip)`);
  return entries.length;
}
