import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../database/connection.js';
import type { InvalidParam } from '../http/problem.js';

/**
 * The codes an entry may refer to: active organisations, the active taxonomy, provinces and gemeenten for the
 * werkgebied. Loaded once per request (or once per import) and checked in memory.
 */
export interface ReferenceSets {
  organisaties: Map<string, { actief: boolean; type: string }>;
  expertisegebieden: Set<string>;
  /** Folded province name → official spelling. */
  provincies: Map<string, string>;
  gemeenten: Set<string>;
  /** Folded gemeente name ("den haag", "'s-gravenhage", "gemeente tilburg") → code; for the werkgebied by name. */
  gemeenteNamen: Map<string, string>;
  /** Gemeente code → its name, to show a werkgebied as people know it. */
  gemeenteNaam: Map<string, string>;
  /** Folded code, name or synonym of an active expertisegebied → its code (imports accept all three). */
  expertiseNamen: Map<string, string>;
}

/** Case, accents and spacing do not matter when people type a value. */
export const fold = (value: string) => value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Common names that differ from the official ones. */
const provinceAliases: Record<string, string> = { friesland: 'fryslan' };

export async function loadReferenceSets(db: DbOrTx): Promise<ReferenceSets> {
  const [organisaties, expertise] = await Promise.all([
    db.execute<{ code: string; actief: boolean; type: string; provincie: string | null; naam: string; officieleNaam: string }>(
      sql`SELECT code, actief, type, provincie, naam, officiele_naam AS "officieleNaam" FROM organisaties`,
    ),
    db.execute<{ code: string; naam: string; synoniemen: string[] }>(sql`SELECT code, naam, synoniemen FROM expertisegebieden WHERE actief`),
  ]);
  const provincies = new Map<string, string>();
  const gemeenten = new Set<string>();
  const gemeenteNamen = new Map<string, string>();
  const gemeenteNaam = new Map<string, string>();
  for (const o of organisaties) {
    if (o.type === 'provincie' && o.actief && o.provincie) {
      provincies.set(fold(o.provincie), o.provincie);
      provincies.set(fold(`provincie ${o.provincie}`), o.provincie);
      provincies.set(fold(`${o.provincie} (provincie)`), o.provincie);
    }
    if (o.type === 'gemeente' && o.actief) {
      gemeenten.add(o.code);
      gemeenteNaam.set(o.code, o.naam);
      for (const name of [o.naam, o.officieleNaam, `gemeente ${o.naam}`, werkgebiedLabel(o.naam, 'gemeente')]) gemeenteNamen.set(fold(name), o.code);
    }
  }
  // Codes first, then names, then synonyms: a synonym never hides another node's code or name.
  const expertiseNamen = new Map<string, string>();
  for (const pass of ['code', 'naam', 'synoniem'] as const) {
    for (const e of expertise) {
      const keys = pass === 'code' ? [e.code] : pass === 'naam' ? [e.naam] : e.synoniemen;
      for (const key of keys) if (!expertiseNamen.has(fold(key))) expertiseNamen.set(fold(key), e.code);
    }
  }
  return {
    organisaties: new Map(organisaties.map((o) => [o.code, { actief: o.actief, type: o.type }])),
    expertisegebieden: new Set(expertise.map((e) => e.code)),
    provincies,
    gemeenten,
    gemeenteNamen,
    gemeenteNaam,
    expertiseNamen,
  };
}

/** How a werkgebied is offered to pick: "Groningen (gemeente)" and "Groningen (provincie)" are told apart. */
export const werkgebiedLabel = (naam: string, type: 'gemeente' | 'provincie') => `${naam} (${type})`;

/** A stored werkgebied (province name or gemeente code) as people know it. */
export function werkgebiedNaam(sets: Pick<ReferenceSets, 'gemeenteNaam'>, value: string): string {
  const gemeente = sets.gemeenteNaam.get(value);
  return gemeente ? werkgebiedLabel(gemeente, 'gemeente') : werkgebiedLabel(value, 'provincie');
}

/**
 * A province (any spelling, case or accents), a gemeente code, or a gemeente by name, in its canonical form (the
 * province's name, the gemeente's code); undefined if unknown. A bare name that is both ("Groningen") is the province,
 * as before; "Groningen (gemeente)" or "Gemeente Groningen" is the gemeente.
 */
export function canonicalWerkgebied(sets: ReferenceSets, value: string): string | undefined {
  const folded = fold(value);
  const province = sets.provincies.get(provinceAliases[folded] ?? folded);
  if (province) return province;
  if (sets.gemeenten.has(folded)) return folded;
  return sets.gemeenteNamen.get(folded);
}

export interface ReferenceInput {
  organisatie?: string | undefined;
  expertisegebieden?: string[] | undefined;
  werkgebied?: string[] | undefined;
}

/** Checks the references of an entry; returns the canonical werkgebied and the invalid fields. */
export function checkReferences(sets: ReferenceSets, input: ReferenceInput): { werkgebied?: string[]; fouten: InvalidParam[] } {
  const fouten: InvalidParam[] = [];
  if (input.organisatie !== undefined) {
    const organisatie = sets.organisaties.get(input.organisatie);
    if (!organisatie) fouten.push({ name: 'organisatie', code: 'unknown', reason: `Organisatie "${input.organisatie}" bestaat niet.` });
    else if (!organisatie.actief) fouten.push({ name: 'organisatie', code: 'inactive', reason: `Organisatie "${input.organisatie}" is niet meer actief.` });
  }
  input.expertisegebieden?.forEach((code, index) => {
    if (!sets.expertisegebieden.has(code)) {
      fouten.push({ name: `expertisegebieden.${index}`, code: 'unknown', reason: `Expertisegebied "${code}" bestaat niet (zie /expertisegebieden).` });
    }
  });
  if (input.expertisegebieden && new Set(input.expertisegebieden).size !== input.expertisegebieden.length) {
    fouten.push({ name: 'expertisegebieden', code: 'duplicate', reason: 'Een expertisegebied staat er meer dan eens in.' });
  }
  let werkgebied: string[] | undefined;
  if (input.werkgebied) {
    werkgebied = [];
    input.werkgebied.forEach((value, index) => {
      const canonical = canonicalWerkgebied(sets, value);
      if (!canonical) fouten.push({ name: `werkgebied.${index}`, code: 'unknown', reason: `"${value}" is geen bekende provincie of gemeente (zoals Utrecht of Tilburg).` });
      else if (!werkgebied!.includes(canonical)) werkgebied!.push(canonical);
    });
  }
  return { ...(werkgebied ? { werkgebied } : {}), fouten };
}

export interface WerkgebiedOptie {
  /** As stored: the province's name or the gemeente's code. */
  waarde: string;
  /** As offered and typed: "Tilburg (gemeente)", "Utrecht (provincie)". */
  label: string;
}

/** Every werkgebied to choose from, by name: provinces first, then gemeenten, each alphabetically. */
export async function listWerkgebiedOpties(db: DbOrTx): Promise<WerkgebiedOptie[]> {
  const sets = await loadReferenceSets(db);
  const provincies = [...new Set(sets.provincies.values())].sort((a, b) => a.localeCompare(b, 'nl')).map((p) => ({ waarde: p, label: werkgebiedLabel(p, 'provincie') }));
  const gemeenten = [...sets.gemeenteNaam].sort((a, b) => a[1].localeCompare(b[1], 'nl')).map(([code, naam]) => ({ waarde: code, label: werkgebiedLabel(naam, 'gemeente') }));
  return [...provincies, ...gemeenten];
}
