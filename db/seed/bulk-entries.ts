import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { professionalExpertisegebieden, professionals } from '../schema/index.js';
import type { Db } from '../../src/database/connection.js';
import { refreshSearchDocuments } from '../../src/search/postgres/documents.js';
import type { OrganisationForSynthesis, SyntheticEntry } from './synthetic.js';

/**
 * Writes many entries at once, for demo data, benchmarks and test fixtures: batched inserts plus the Postgres
 * engine's documents. Not for user data: no audit rows and no outbox (run `npm run reindex` for external engines).
 */
export async function insertEntries(
  db: Db,
  entries: (SyntheticEntry & { bevestigdOp?: Date; geverifieerdOp?: Date | null; afwezigTot?: string | null; status?: 'actief' | 'inactief' })[],
  progress?: (done: number, total: number) => void,
): Promise<string[]> {
  const ids: string[] = [];
  const batchSize = 1000;
  for (let i = 0; i < entries.length; i += batchSize) {
    const batch = entries.slice(i, i + batchSize).map((entry) => ({ id: randomUUID(), entry }));
    await db.transaction(async (tx) => {
      await tx.insert(professionals).values(
        batch.map(({ id, entry }) => ({
          id,
          soort: entry.soort,
          naam: entry.naam,
          functie: entry.functie,
          afdeling: entry.afdeling,
          organisatieCode: entry.organisatie,
          rolniveau: entry.rolniveau,
          trefwoorden: entry.trefwoorden,
          werkgebied: entry.werkgebied,
          email: entry.email,
          telefoon: entry.telefoon,
          bereikbaarheid: entry.bereikbaarheid,
          overMij: entry.overMij,
          zichtbaarheid: entry.zichtbaarheid,
          escalatiecontact: entry.escalatiecontact,
          afwezigTot: entry.afwezigTot ?? null,
          status: entry.status ?? 'actief',
          bevestigdOp: entry.bevestigdOp ?? new Date(),
          geverifieerdOp: entry.geverifieerdOp ?? null,
        })),
      );
      await tx.insert(professionalExpertisegebieden).values(
        batch.flatMap(({ id, entry }) => entry.expertisegebieden.map((code, volgorde) => ({ professionalId: id, expertisegebiedCode: code, volgorde }))),
      );
      await refreshSearchDocuments(tx, batch.map((b) => b.id));
    });
    ids.push(...batch.map((b) => b.id));
    progress?.(Math.min(i + batchSize, entries.length), entries.length);
  }
  return ids;
}

/** Active organisations with what synthesis needs. */
export async function organisationsForSynthesis(db: Db): Promise<OrganisationForSynthesis[]> {
  return db.execute<OrganisationForSynthesis & Record<string, unknown>>(sql`SELECT code, naam, type, provincie, afkorting FROM organisaties WHERE actief AND type <> 'samenwerkingsverband' ORDER BY code`);
}
