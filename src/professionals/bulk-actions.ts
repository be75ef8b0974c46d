import { DomainError } from '../domain-errors.js';
import type { ServiceContext } from '../service-context.js';
import { updateProfessional, verifyProfessional } from './service.js';

/**
 * A coordinator's action on several selected entries at once. Each entry goes through the same service call (and
 * the same rules and audit) as a single action, in its own transaction: an entry that was changed meanwhile, or may
 * not be verified by this person, is reported by name and the others are still done.
 */

export interface BulkResult {
  gelukt: string[];
  /** The entries not done: their ids (a page looks their names up) and the service's reason. */
  mislukt: { id: string; reden: string }[];
}

/** At most this many entries per action: one page of the overview. */
export const MAX_BULK = 100;

async function each(items: { id: string }[], action: (item: { id: string; versie?: number }) => Promise<{ naam: string }>): Promise<BulkResult> {
  const result: BulkResult = { gelukt: [], mislukt: [] };
  for (const item of items.slice(0, MAX_BULK)) {
    try {
      result.gelukt.push((await action(item)).naam);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      result.mislukt.push({ id: item.id, reden: error.detail });
    }
  }
  return result;
}

export const verifyEntries = (context: ServiceContext, ids: string[]) => each(ids.map((id) => ({ id })), ({ id }) => verifyProfessional(context, id));

export const setEntriesStatus = (context: ServiceContext, items: { id: string; versie: number }[], status: 'actief' | 'inactief') =>
  each(items, (item) => updateProfessional(context, item.id, (item as { versie: number }).versie, { status }));
