import type { Rolniveau } from '../../../db/schema/index.js';
import type { SearchDocument } from '../document.js';
import { fieldTexts } from '../document.js';
import { rolniveauRang, type Weight } from '../fields.js';
import { words } from '../text.js';
import { verifiedSince } from '../../professionals/termijnen.js';

/**
 * The shared search document as Meilisearch stores it: the same fields, plus what Meilisearch needs to do what the
 * Postgres engine computes at query time. Pure.
 *  - Timestamps as numbers (Meilisearch filters and sorts on numbers, not dates).
 *  - `verificatieGeldig` and `aanwezig` (1/0): Meilisearch sorts only on stored values, never on an expression such as
 *    "verified at now", so the two time-dependent ranking keys are stored as of `now` and the relay re-sends an entry
 *    when one of them flips (see `enqueueTimeFlips` in relay.ts; reconcile checks them too). Filters stay exact: they
 *    compare the timestamps with the query's `now`.
 *  - `rolniveauAfstand`: the distance to each level, so "closest to the requested level" is a plain sort.
 *  - `delen`: the tails of every word (4 letters or more), so that a part of a compound word matches like a word
 *    ("hulpverlening" finds "schuldhulpverlening"; with prefix search on the last word, any inner part does).
 *    Meilisearch does not split Dutch compounds itself.
 *  - `stammenA` … `stammenD`: the Dutch stems of each weight class's text (PostgreSQL's own `maatwerk_nl` stemmer,
 *    the one the Postgres engine uses), where they differ from the words; the engine sends stemmed query words, so
 *    "schulden" finds "schuld" in the same field class, as in Postgres. Meilisearch does not stem.
 */
export type MeiliDocument = SearchDocument & {
  bevestigdOpTs: number;
  geverifieerdOpTs: number;
  afwezigTotTs: number | null;
  verificatieGeldig: 0 | 1;
  aanwezig: 0 | 1;
  rolniveauAfstand: Record<Rolniveau, number>;
  delen: string[];
  stammenA: string[];
  stammenB: string[];
  stammenC: string[];
  stammenD: string[];
};

export type Stems = Record<Weight, string[]>;

/** The shared document's fields: what a search retrieves (not the index-only ones, `delen` is large). */
export const documentFields = [
  'id', 'soort', 'naam', 'functie', 'afdeling', 'organisatie', 'rolniveau', 'rolniveauRang', 'expertisegebieden', 'expertisePad',
  'expertiseTermen', 'trefwoorden', 'werkgebied', 'werkgebiedNamen', 'provincies', 'email', 'telefoon', 'bereikbaarheid', 'overMij',
  'zichtbaarheid', 'escalatiecontact', 'afwezigTot', 'status', 'geverifieerdOp', 'bevestigdOp', 'versie',
] as const satisfies readonly (keyof SearchDocument)[];
// Compile-time check that the list is complete: fails when SearchDocument gains a field that is not listed.
type Missing = Exclude<keyof SearchDocument, (typeof documentFields)[number]>;
const complete: Missing extends never ? true : Missing = true;
void complete;

/** The fields that exist only in the index: stripped from hits, so engines return the same documents. */
export const indexOnlyFields = ['bevestigdOpTs', 'geverifieerdOpTs', 'afwezigTotTs', 'verificatieGeldig', 'aanwezig', 'rolniveauAfstand', 'delen', 'stammenA', 'stammenB', 'stammenC', 'stammenD'] as const;

export interface TimeRules {
  verificatieMaanden: number;
}

const seconds = (iso: string | Date) => Math.floor(new Date(iso).getTime() / 1000);


/** The time-dependent ranking keys at `now`, exactly as the Postgres engine decides them per query. */
export function timeState(entry: { geverifieerdOp: string | Date | null; afwezigTot: string | null }, now: Date, rules: TimeRules) {
  const verified = entry.geverifieerdOp !== null && new Date(entry.geverifieerdOp) > verifiedSince(rules, now);
  // Absent through the whole last day (UTC), as `afwezig_tot >= today`.
  const absent = entry.afwezigTot !== null && entry.afwezigTot >= now.toISOString().slice(0, 10);
  return { verificatieGeldig: verified ? 1 : 0, aanwezig: absent ? 0 : 1 } as const;
}

const MIN_PART = 4;

/** Every word's tails of at least four letters (not the word itself): the parts a compound may end with. */
export function compoundParts(texts: string[]): string[] {
  const parts = new Set<string>();
  for (const word of new Set(texts.flatMap((text) => words(text)))) {
    for (let start = 1; word.length - start >= MIN_PART; start++) parts.add(word.slice(start));
  }
  return [...parts];
}

/** The stems of a text that are not already among its words (those are matched as words). */
export function newStems(text: string, stems: string[]): string[] {
  const present = new Set(words(text));
  return [...new Set(stems)].filter((stem) => !present.has(stem));
}

export function toMeiliDocument(document: SearchDocument, now: Date, rules: TimeRules, stems: Stems = { A: [], B: [], C: [], D: [] }): MeiliDocument {
  const rang = rolniveauRang[document.rolniveau];
  return {
    ...document,
    bevestigdOpTs: seconds(document.bevestigdOp),
    geverifieerdOpTs: document.geverifieerdOp ? seconds(document.geverifieerdOp) : 0,
    afwezigTotTs: document.afwezigTot ? seconds(`${document.afwezigTot}T23:59:59Z`) : null,
    ...timeState(document, now, rules),
    rolniveauAfstand: Object.fromEntries(Object.entries(rolniveauRang).map(([level, r]) => [level, Math.abs(r - rang)])) as Record<Rolniveau, number>,
    delen: compoundParts(Object.values(fieldTexts(document))),
    stammenA: stems.A,
    stammenB: stems.B,
    stammenC: stems.C,
    stammenD: stems.D,
  };
}

/** A hit as the shared search document: without the index-only fields and Meilisearch's own (`_matchesPosition`). */
export function fromHit(hit: Record<string, unknown>): SearchDocument {
  const document: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(hit)) {
    if (!key.startsWith('_') && !(indexOnlyFields as readonly string[]).includes(key)) document[key] = value;
  }
  return document as unknown as SearchDocument;
}
