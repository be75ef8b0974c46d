import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../database/connection.js';
import { refreshSearchDocuments } from './postgres/documents.js';

/**
 * The one call every write that changes what search shows makes, inside its transaction: the Postgres engine's
 * documents are refreshed at once, and an outbox row tells engines outside the database (Meilisearch) to follow.
 */
export async function recordSearchChanges(db: DbOrTx, professionalIds: string[]): Promise<void> {
  if (professionalIds.length === 0) return;
  await refreshSearchDocuments(db, professionalIds);
  // One array parameter, not a VALUES list: one statement text however many ids (the driver prepares and keeps each
  // distinct text per connection), and no per-row query building in JavaScript (issue 16, F9).
  await db.execute(sql`INSERT INTO zoekindex_outbox (professional_id) SELECT unnest(${sql.param(professionalIds)}::uuid[])`);
}
