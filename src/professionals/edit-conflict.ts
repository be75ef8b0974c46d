import { StaleVersionError } from '../domain-errors.js';
import { isBeforeToday } from './afwezigheid.js';
import type { ProfessionalPatch, ProfessionalView } from './schemas.js';

/**
 * What an edit that arrived too late (optimistic concurrency) would change: per field, what is stored now beside
 * what the caller sent. One rule for every caller (API, coordination page, Mijn vermelding), so a person who saves
 * on top of a newer version has first seen exactly what that overwrites.
 */

/** A field's value as stored or as sent: text, a list (codes, names), a yes/no, or nothing. */
export type FieldValue = string | string[] | boolean | null;

export interface FieldDifference {
  veld: keyof ProfessionalPatch;
  opgeslagen: FieldValue;
  ingevuld: FieldValue;
}

/** The entry changed since the version the caller read; carries the current entry and what the edit would change. */
export class EntryChangedError extends StaleVersionError {
  constructor(
    detail: string,
    readonly huidige: ProfessionalView,
    readonly verschillen: FieldDifference[],
  ) {
    super(detail);
  }
}

/** The stored value of a field, in the patch's terms. */
function storedValue(entry: ProfessionalView, veld: keyof ProfessionalPatch, now: Date): FieldValue {
  switch (veld) {
    case 'organisatie':
      return entry.organisatie.code;
    case 'expertisegebieden':
      return entry.expertisegebieden.map((e) => e.code);
    case 'afwezigTot':
      // An absence that is over has no effect (and the form does not show it): it counts as none.
      return entry.afwezigTot && !isBeforeToday(entry.afwezigTot, now) ? entry.afwezigTot : null;
    default:
      return entry[veld] ?? null;
  }
}

const sameList = (a: string[], b: string[]) => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((v) => right.has(v));
};

const same = (a: FieldValue, b: FieldValue) => {
  if (Array.isArray(a) || Array.isArray(b)) return sameList(Array.isArray(a) ? a : [], Array.isArray(b) ? b : []);
  // An empty text and no text are the same to a reader.
  return (a === '' ? null : a) === (b === '' ? null : b);
};

/** The fields of `patch` whose value differs from the entry as stored now; in the patch's order. */
export function differencesFrom(entry: ProfessionalView, patch: ProfessionalPatch, now: Date): FieldDifference[] {
  const result: FieldDifference[] = [];
  for (const [veld, value] of Object.entries(patch) as [keyof ProfessionalPatch, FieldValue | undefined][]) {
    if (value === undefined) continue;
    const opgeslagen = storedValue(entry, veld, now);
    if (!same(opgeslagen, value)) result.push({ veld, opgeslagen, ingevuld: value });
  }
  return result;
}
