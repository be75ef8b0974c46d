import type { OrganisatieType, Rolniveau, Soort, Status, Zichtbaarheid } from '../../db/schema/index.js';
import { rolniveauRang, searchableFields, type SearchableField, type Weight } from './fields.js';

/**
 * The one mapping from an entry (with its organisation and the taxonomy) to a search document, shared by every
 * engine. Pure: the caller loads the context.
 */

export interface OrganisationInfo {
  code: string;
  naam: string;
  officieleNaam: string;
  afkorting: string | null;
  type: OrganisatieType;
  provincie: string | null;
}

export interface ExpertisegebiedNode {
  code: string;
  naam: string;
  synoniemen: string[];
  parentCode: string | null;
}

export interface DocumentContext {
  organisaties: Map<string, OrganisationInfo>;
  taxonomie: Map<string, ExpertisegebiedNode>;
  /** Every province: what a national organisation's entry without a werkgebied serves. */
  alleProvincies?: string[];
}

/** The fields of an entry the mapping needs (a subset of what the professionals repository reads). */
export interface EntryForSearch {
  id: string;
  soort: Soort;
  naam: string;
  functie: string;
  afdeling: string | null;
  organisatieCode: string;
  rolniveau: Rolniveau;
  expertisegebieden: { code: string; naam: string }[];
  trefwoorden: string[];
  werkgebied: string[];
  email: string;
  telefoon: string | null;
  bereikbaarheid: string | null;
  overMij: string | null;
  zichtbaarheid: Zichtbaarheid;
  escalatiecontact: boolean;
  afwezigTot: string | null;
  status: Status;
  geverifieerdOp: Date | null;
  bevestigdOp: Date;
  versie: number;
}

export interface SearchDocument {
  id: string;
  soort: Soort;
  naam: string;
  functie: string;
  afdeling: string | null;
  organisatie: { code: string; naam: string; officieleNaam: string; afkorting: string | null; type: OrganisatieType; provincie: string | null };
  rolniveau: Rolniveau;
  rolniveauRang: number;
  expertisegebieden: { code: string; naam: string }[];
  /** Codes of the entry's nodes and all their ancestors: a filter on a node finds its descendants. */
  expertisePad: string[];
  /** Names and synonyms of those nodes (the entry's own first): what makes "Pw" find a Participatiewet expert. */
  expertiseTermen: string[];
  trefwoorden: string[];
  werkgebied: string[];
  /** Readable names of the werkgebied (gemeente names instead of codes). */
  werkgebiedNamen: string[];
  /**
   * The organisation's province, and those of the werkgebied (a gemeente counts for its province); every province
   * for an entry of a national organisation without a werkgebied (UWV, CAK, SVB serve the whole country).
   */
  provincies: string[];
  email: string;
  telefoon: string | null;
  bereikbaarheid: string | null;
  overMij: string | null;
  zichtbaarheid: Zichtbaarheid;
  escalatiecontact: boolean;
  afwezigTot: string | null;
  status: Status;
  geverifieerdOp: string | null;
  bevestigdOp: string;
  versie: number;
}

function ancestors(code: string, taxonomy: Map<string, ExpertisegebiedNode>): string[] {
  const path: string[] = [];
  let current = taxonomy.get(code);
  const seen = new Set<string>();
  while (current && !seen.has(current.code)) {
    seen.add(current.code);
    path.push(current.code);
    current = current.parentCode ? taxonomy.get(current.parentCode) : undefined;
  }
  return path;
}

const unique = <T>(values: T[]) => [...new Set(values)];

export function toSearchDocument(entry: EntryForSearch, context: DocumentContext): SearchDocument {
  const organisation = context.organisaties.get(entry.organisatieCode);
  if (!organisation) throw new Error(`organisation ${entry.organisatieCode} missing from the document context`);
  const own = entry.expertisegebieden.map((e) => e.code);
  const expertisePad = unique(own.flatMap((code) => ancestors(code, context.taxonomie)));
  const expertiseTermen = unique(
    expertisePad.flatMap((code) => {
      const node = context.taxonomie.get(code);
      return node ? [node.naam, ...node.synoniemen] : [];
    }),
  );
  const werkgebiedNamen = entry.werkgebied.map((value) => context.organisaties.get(value)?.naam ?? value);
  const national = !organisation.provincie && entry.werkgebied.length === 0;
  const provincies = national
    ? [...(context.alleProvincies ?? [])]
    : unique(
        [
          organisation.provincie,
          ...entry.werkgebied.map((value) => (context.organisaties.has(value) ? context.organisaties.get(value)!.provincie : value)),
        ].filter((p): p is string => !!p),
      );
  return {
    id: entry.id,
    soort: entry.soort,
    naam: entry.naam,
    functie: entry.functie,
    afdeling: entry.afdeling,
    organisatie: {
      code: organisation.code,
      naam: organisation.naam,
      officieleNaam: organisation.officieleNaam,
      afkorting: organisation.afkorting,
      type: organisation.type,
      provincie: organisation.provincie,
    },
    rolniveau: entry.rolniveau,
    rolniveauRang: rolniveauRang[entry.rolniveau],
    expertisegebieden: entry.expertisegebieden,
    expertisePad,
    expertiseTermen,
    trefwoorden: entry.trefwoorden,
    werkgebied: entry.werkgebied,
    werkgebiedNamen,
    provincies,
    email: entry.email,
    telefoon: entry.telefoon,
    bereikbaarheid: entry.bereikbaarheid,
    overMij: entry.overMij,
    zichtbaarheid: entry.zichtbaarheid,
    escalatiecontact: entry.escalatiecontact,
    afwezigTot: entry.afwezigTot,
    status: entry.status,
    geverifieerdOp: entry.geverifieerdOp?.toISOString() ?? null,
    bevestigdOp: entry.bevestigdOp.toISOString(),
    versie: entry.versie,
  };
}

/** The text of each searchable field of a document. */
export function fieldTexts(document: SearchDocument): Record<SearchableField, string> {
  const o = document.organisatie;
  return {
    naam: document.naam,
    expertise: document.expertiseTermen.join(' · '),
    functie: document.functie,
    organisatie: unique([o.naam, o.officieleNaam, o.afkorting ?? '']).filter(Boolean).join(' · '),
    trefwoorden: document.trefwoorden.join(' · '),
    afdeling: document.afdeling ?? '',
    werkgebied: document.werkgebiedNamen.join(' · '),
    overMij: document.overMij ?? '',
  };
}

/** The searchable text per weight level, for engines that weight text (Postgres). */
export function weightedTexts(document: SearchDocument): Record<Weight, string> {
  const texts = fieldTexts(document);
  const result: Record<Weight, string[]> = { A: [], B: [], C: [], D: [] };
  for (const { field, weight } of searchableFields) if (texts[field]) result[weight].push(texts[field]);
  return { A: result.A.join(' · '), B: result.B.join(' · '), C: result.C.join(' · '), D: result.D.join(' · ') };
}
