import { rolniveaus, soorten, statussen, zichtbaarheden } from '../../db/schema/index.js';
import { fold, type ReferenceSets } from './references.js';

/**
 * Values as people write them in a spreadsheet, read into the register's own values: "Specialist", "Coördinatie",
 * "Alle professionals", "ja", and an expertisegebied by code, name or synonym ("Participatiewet", "Pw", "bijstand").
 * Case, accents and spacing are ignored. Used by the import (API and page alike) and by the reference page, so the
 * values offered are exactly the values accepted.
 */

export interface ChoiceColumn {
  /** The stored values, in the order people are offered them. */
  waarden: readonly string[];
  /** Other spellings that mean a stored value. */
  aliassen: Record<string, string>;
  /** What each value means, for the reference of allowed values. */
  uitleg: Record<string, string>;
}

export const choiceColumns = {
  rolniveau: {
    waarden: rolniveaus,
    aliassen: { coordinator: 'coordinatie', coordinerend: 'coordinatie', uitvoerend: 'uitvoering' },
    uitleg: {
      uitvoering: 'eerstelijns medewerker',
      specialist: 'maatwerkprofessional of casusregisseur, met mandaat in de casus',
      coordinatie: 'leiding maatwerkteam of maatwerkplaats, interne escalatie',
      management: 'mandaat om af te wijken',
      bestuur: 'doorbraak op bestuursniveau',
    },
  },
  zichtbaarheid: {
    waarden: zichtbaarheden,
    aliassen: { alle: 'alle-professionals', iedereen: 'alle-professionals', 'eigen organisatie': 'eigen-organisatie', 'pmm-desk': 'pmm', 'pmm desk': 'pmm' },
    uitleg: {
      'alle-professionals': 'alle ingelogde professionals (standaard)',
      'eigen-organisatie': 'alleen de eigen organisatie',
      pmm: 'alleen de PMM-desk en de eigen organisatie',
    },
  },
  soort: {
    waarden: soorten,
    aliassen: { functioneel: 'team', contactpunt: 'team', maatwerkplaats: 'team', maatwerkteam: 'team' },
    uitleg: { persoon: 'een medewerker (standaard)', team: 'een functioneel contactpunt: maatwerkplaats, maatwerkteam, escalatieloket' },
  },
  status: {
    waarden: statussen,
    aliassen: { actieve: 'actief', inactieve: 'inactief', 'niet actief': 'inactief' },
    uitleg: { actief: 'vindbaar (standaard)', inactief: 'niet meer vindbaar' },
  },
  escalatiecontact: {
    waarden: ['ja', 'nee'],
    aliassen: { j: 'ja', true: 'ja', '1': 'ja', waar: 'ja', yes: 'ja', n: 'nee', false: 'nee', '0': 'nee', onwaar: 'nee', no: 'nee' },
    uitleg: { ja: 'aanspreekpunt voor escalaties van de organisatie', nee: 'geen escalatiecontact (standaard)' },
  },
} satisfies Record<string, ChoiceColumn>;

export type ChoiceColumnName = keyof typeof choiceColumns;

/** "a, b, c of d" */
export const orList = (values: readonly string[]) => (values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} of ${values.at(-1)}`);

/** The stored value for what someone wrote, or a Dutch reason naming the choices. */
export function readChoice(column: ChoiceColumnName, raw: string): { value: string } | { reason: string } {
  const spec: ChoiceColumn = choiceColumns[column];
  const folded = fold(raw);
  const dashed = folded.replace(/ /g, '-');
  const value = spec.waarden.find((w) => w === folded || w === dashed) ?? spec.aliassen[folded] ?? spec.aliassen[dashed];
  if (value) return { value };
  return { reason: `'${raw.trim()}' bestaat niet; kies ${orList(spec.waarden)}.` };
}

/** An expertisegebied by code, name or synonym; the code, or a Dutch reason. */
export function readExpertise(references: Pick<ReferenceSets, 'expertiseNamen'>, raw: string): { value: string } | { reason: string } {
  const code = references.expertiseNamen.get(fold(raw));
  if (code) return { value: code };
  return { reason: `'${raw.trim()}' is geen bekend expertisegebied; gebruik een code, naam of synoniem uit de lijst met toegestane waarden.` };
}
