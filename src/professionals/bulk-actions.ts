import { DomainError } from '../domain-errors.js';
import type { ServiceContext } from '../service-context.js';
import type { ProfessionalView } from './schemas.js';
import { getProfessional, updateProfessional, verifyProfessional } from './service.js';

/**
 * A coordinator's action on several selected entries at once. Each entry goes through the same service call (and
 * the same rules and audit) as a single action, in its own transaction: an entry that was changed meanwhile, or may
 * not be verified by this person, is reported by name and the others are still done. An entry that already is as
 * asked (validly verified, already inactive) is left alone and reported apart, so a count never claims work that
 * was not done.
 */

export interface BulkResult {
  /** The entries done, by id (a page looks their names up, never carrying text in a URL). */
  gelukt: string[];
  /** The entries that already were as asked, by id: nothing was changed or audited for them. */
  alGedaan: string[];
  /** The entries not done: their ids and the service's reason. */
  mislukt: { id: string; reden: string }[];
}

/** At most this many entries per action: one page of the overview. */
export const MAX_BULK = 100;

interface Item {
  id: string;
  versie?: number;
}

async function each<T extends Item>(context: ServiceContext, items: T[], alreadyDone: (entry: ProfessionalView) => boolean, action: (item: T) => Promise<unknown>): Promise<BulkResult> {
  const result: BulkResult = { gelukt: [], alGedaan: [], mislukt: [] };
  for (const item of items.slice(0, MAX_BULK)) {
    try {
      // Read as this person may see it: an entry they may not see fails here like it would in the action.
      if (alreadyDone(await getProfessional(context, item.id))) {
        result.alGedaan.push(item.id);
        continue;
      }
      await action(item);
      result.gelukt.push(item.id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      result.mislukt.push({ id: item.id, reden: error.detail });
    }
  }
  return result;
}

/** Verifies the entries whose verification is missing or expired; a valid one keeps its date (it is not renewed). */
export const verifyEntries = (context: ServiceContext, ids: string[]) =>
  each(
    context,
    ids.map((id) => ({ id })),
    (entry) => entry.verificatie.status === 'geldig',
    ({ id }) => verifyProfessional(context, id),
  );

export const setEntriesStatus = (context: ServiceContext, items: { id: string; versie: number }[], status: 'actief' | 'inactief') =>
  each(
    context,
    items,
    (entry) => entry.status === status,
    (item) => updateProfessional(context, item.id, item.versie, { status }),
  );
