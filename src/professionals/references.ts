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
  /** Name key (`nameKey`) of a province, also "provincie utrecht" and "utrecht provincie" → its official spelling. */
  provincies: Map<string, string>;
  gemeenten: Set<string>;
  /** Name key of a gemeente ("den haag", "s gravenhage", "gemeente tilburg", "tilburg gemeente") → its code. */
  gemeenteNamen: Map<string, string>;
  /** Gemeente code → its name, to show a werkgebied as people know it. */
  gemeenteNaam: Map<string, string>;
  /** Gemeente code → the other names it goes by (official name, common alias), offered beside its name. */
  gemeenteAndereNamen: Map<string, string[]>;
  /** Folded code, name or synonym of an active expertisegebied → its code (imports accept all three). */
  expertiseNamen: Map<string, string>;
}

/** Case, accents and spacing do not matter when people type a value. */
export const fold = (value: string) => value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * A place name as a lookup key: besides case and accents, apostrophes, hyphens, dots, commas and brackets do not
 * matter either, so "’s-Hertogenbosch", "'s Hertogenbosch" and "s-hertogenbosch" are one name, as are "Bergen (NH)"
 * and "Bergen NH".
 */
export const nameKey = (value: string) =>
  fold(value)
    .replace(/[’‘'`´]/g, '')
    .replace(/[-.,()/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Common names of a province that differ from the official one. */
const provinceAliases: Record<string, string> = { Friesland: 'Fryslân' };

/**
 * Names people use for a gemeente that the register has neither as its name nor as its official name ("Gemeente
 * Den Haag" is official, yet the city's legal name is 's-Gravenhage; "Nuenen c.a." is mostly just Nuenen).
 */
const gemeenteAliases: Record<string, string[]> = { gm0518: ['’s-Gravenhage'], gm0820: ['Nuenen'] };

/** "Gemeente 's-Hertogenbosch" → "'s-Hertogenbosch": the official name without the word every gemeente has. */
const withoutGemeente = (officieleNaam: string) => officieleNaam.replace(/^gemeente\s+/i, '');

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
  const gemeenteAndereNamen = new Map<string, string[]>();
  for (const o of organisaties) {
    if (o.type === 'provincie' && o.actief && o.provincie) {
      for (const name of [o.provincie, `provincie ${o.provincie}`, werkgebiedLabel(o.provincie, 'provincie')]) provincies.set(nameKey(name), o.provincie);
    }
    if (o.type === 'gemeente' && o.actief) {
      gemeenten.add(o.code);
      gemeenteNaam.set(o.code, o.naam);
      const official = withoutGemeente(o.officieleNaam);
      const others = [official, ...(gemeenteAliases[o.code] ?? [])].filter((name) => nameKey(name) !== nameKey(o.naam));
      if (others.length) gemeenteAndereNamen.set(o.code, others);
      for (const name of [o.naam, ...others]) {
        for (const form of [name, `gemeente ${name}`, werkgebiedLabel(name, 'gemeente')]) gemeenteNamen.set(nameKey(form), o.code);
      }
    }
  }
  for (const [alias, province] of Object.entries(provinceAliases)) {
    const official = provincies.get(nameKey(province));
    if (official) for (const name of [alias, `provincie ${alias}`, werkgebiedLabel(alias, 'provincie')]) provincies.set(nameKey(name), official);
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
    gemeenteAndereNamen,
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

/** A werkgebied as stored (the province's name, the gemeente's code), or why the value is not one. */
export type WerkgebiedUitkomst = { waarde: string } | { code: 'unknown' | 'ambiguous'; reason: string };

/**
 * A province or a gemeente by any of its names (case, accents and punctuation aside), or a gemeente code, in its
 * stored form. A bare name that is both a gemeente and a province ("Utrecht", "Groningen") is neither: the register
 * does not guess which one was meant, it asks ("Utrecht (gemeente)", "Provincie Utrecht" and the like are clear).
 */
export function resolveWerkgebied(sets: ReferenceSets, value: string): WerkgebiedUitkomst {
  const code = fold(value);
  if (sets.gemeenten.has(code)) return { waarde: code };
  const key = nameKey(value);
  const province = sets.provincies.get(key);
  const gemeente = sets.gemeenteNamen.get(key);
  if (province && gemeente) {
    const gemeenteNaam = sets.gemeenteNaam.get(gemeente)!;
    return {
      code: 'ambiguous',
      reason: `‘${gemeenteNaam}’ is zowel een gemeente als een provincie; kies ‘${werkgebiedLabel(gemeenteNaam, 'gemeente')}’ of ‘${werkgebiedLabel(province, 'provincie')}’.`,
    };
  }
  const waarde = province ?? gemeente;
  return waarde ? { waarde } : { code: 'unknown', reason: `"${value}" is geen bekende provincie of gemeente (zoals Noord-Brabant of Tilburg).` };
}

export interface ReferenceInput {
  organisatie?: string | undefined;
  expertisegebieden?: string[] | undefined;
  werkgebied?: string[] | undefined;
}

/**
 * Checks the references of an entry; returns the canonical werkgebied and the invalid fields. A werkgebied value the
 * entry already has (`kept`, exactly as stored: a client sending back what it read, a form's ticked boxes) stays as
 * it is; only new values are resolved by name.
 */
export function checkReferences(sets: ReferenceSets, input: ReferenceInput, kept: readonly string[] = []): { werkgebied?: string[]; fouten: InvalidParam[] } {
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
      const uitkomst: WerkgebiedUitkomst = kept.includes(value) ? { waarde: value } : resolveWerkgebied(sets, value);
      if ('waarde' in uitkomst) {
        if (!werkgebied!.includes(uitkomst.waarde)) werkgebied!.push(uitkomst.waarde);
      } else {
        fouten.push({ name: `werkgebied.${index}`, code: uitkomst.code, reason: uitkomst.reason });
      }
    });
  }
  return { ...(werkgebied ? { werkgebied } : {}), fouten };
}

export interface WerkgebiedOptie {
  /** As stored: the province's name or the gemeente's code. */
  waarde: string;
  /** As offered and typed: "Tilburg (gemeente)", "Utrecht (provincie)". */
  label: string;
  /** Other names of the place ("’s-Hertogenbosch" for Den Bosch, Friesland for Fryslân), offered beside the label. */
  andereNamen?: string[];
}

/** Every werkgebied to choose from, by name: provinces first, then gemeenten, each alphabetically. */
export async function listWerkgebiedOpties(db: DbOrTx): Promise<WerkgebiedOptie[]> {
  const sets = await loadReferenceSets(db);
  const option = (waarde: string, label: string, andereNamen: string[] = []): WerkgebiedOptie => ({ waarde, label, ...(andereNamen.length ? { andereNamen } : {}) });
  const provincies = [...new Set(sets.provincies.values())]
    .sort((a, b) => a.localeCompare(b, 'nl'))
    .map((p) => option(p, werkgebiedLabel(p, 'provincie'), Object.keys(provinceAliases).filter((alias) => provinceAliases[alias] === p)));
  const gemeenten = [...sets.gemeenteNaam]
    .sort((a, b) => a[1].localeCompare(b[1], 'nl'))
    .map(([code, naam]) => option(code, werkgebiedLabel(naam, 'gemeente'), sets.gemeenteAndereNamen.get(code)));
  return [...provincies, ...gemeenten];
}
