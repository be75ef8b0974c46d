import { zoekindexOutbox } from '../../db/schema/index.js';
import type { DbOrTx } from '../database/connection.js';
import { refreshSearchDocuments } from './postgres/documents.js';

/**
 * The one call every write that changes what search shows makes, inside its transaction: the Postgres engine's
 * documents are refreshed at once, and an outbox row tells engines outside the database (Meilisearch) to follow.
 */
export async function recordSearchChanges(db: DbOrTx, professionalIds: string[]): Promise<void> {
  if (professionalIds.length === 0) return;
  await refreshSearchDocuments(db, professionalIds);
  for (let i = 0; i < professionalIds.length; i += 1000) {
    await db.insert(zoekindexOutbox).values(professionalIds.slice(i, i + 1000).map((professionalId) => ({ professionalId })));
  }
}
