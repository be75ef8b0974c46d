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
}

const fold = (value: string) => value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();

/** Common names that differ from the official ones. */
const provinceAliases: Record<string, string> = { friesland: 'fryslan' };

export async function loadReferenceSets(db: DbOrTx): Promise<ReferenceSets> {
  const [organisaties, expertise] = await Promise.all([
    db.execute<{ code: string; actief: boolean; type: string; provincie: string | null }>(sql`SELECT code, actief, type, provincie FROM organisaties`),
    db.execute<{ code: string }>(sql`SELECT code FROM expertisegebieden WHERE actief`),
  ]);
  const provincies = new Map<string, string>();
  const gemeenten = new Set<string>();
  for (const o of organisaties) {
    if (o.type === 'provincie' && o.actief && o.provincie) provincies.set(fold(o.provincie), o.provincie);
    if (o.type === 'gemeente' && o.actief) gemeenten.add(o.code);
  }
  return {
    organisaties: new Map(organisaties.map((o) => [o.code, { actief: o.actief, type: o.type }])),
    expertisegebieden: new Set(expertise.map((e) => e.code)),
    provincies,
    gemeenten,
  };
}

/** A province (any spelling, case or accents) or a gemeente code, in its canonical form; undefined if unknown. */
export function canonicalWerkgebied(sets: ReferenceSets, value: string): string | undefined {
  const folded = fold(value);
  const province = sets.provincies.get(provinceAliases[folded] ?? folded);
  if (province) return province;
  return sets.gemeenten.has(folded) ? folded : undefined;
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
      if (!canonical) fouten.push({ name: `werkgebied.${index}`, code: 'unknown', reason: `"${value}" is geen provincie of gemeentecode (zoals gm0363).` });
      else if (!werkgebied!.includes(canonical)) werkgebied!.push(canonical);
    });
  }
  return { ...(werkgebied ? { werkgebied } : {}), fouten };
}
