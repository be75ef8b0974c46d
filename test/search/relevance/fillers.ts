import type { Db } from '../../../src/database/connection.js';
import { organisationsForSynthesis } from '../../../db/seed/bulk-entries.js';
import { synthesise } from '../../../db/seed/synthetic.js';
import { targetEntries } from './entries.js';

/**
 * A few hundred realistic distractors (same generator as the demo data, fixed seed) at organisations that hold no
 * judged entry, so they compete on words; where one answers a query as well as the judged entry (another Joëlle for
 * "Joëlle"), the judgement's `ookRelevant` says so.
 */
export async function fillerEntries(db: Db, count = 260) {
  const used = new Set(targetEntries.map((e) => e.organisatie));
  const organisations = (await organisationsForSynthesis(db)).filter((o) => !used.has(o.code));
  return synthesise(count, organisations, 7).map((entry, i) => ({ ...entry, email: entry.email.replace('@', `.f${i}@`) }));
}
