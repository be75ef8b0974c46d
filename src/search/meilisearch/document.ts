import type { SearchDocument } from '../document.js';

/**
 * The shared search document as Meilisearch stores it: the same fields, plus timestamps as numbers (Meilisearch
 * filters and sorts on numbers, not dates). Pure.
 */
export type MeiliDocument = SearchDocument & {
  bevestigdOpTs: number;
  geverifieerdOpTs: number;
  afwezigTotTs: number | null;
};

const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

export function toMeiliDocument(document: SearchDocument): MeiliDocument {
  return {
    ...document,
    bevestigdOpTs: seconds(document.bevestigdOp),
    geverifieerdOpTs: document.geverifieerdOp ? seconds(document.geverifieerdOp) : 0,
    afwezigTotTs: document.afwezigTot ? seconds(`${document.afwezigTot}T23:59:59Z`) : null,
  };
}
