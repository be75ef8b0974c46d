import type { Db } from '../database/connection.js';
import { listExpertisegebieden } from '../expertisegebieden/service.js';
import { importColumns, requiredColumns, type ImportColumn } from './csv-import.js';
import { templateExamples } from './import-examples.js';
import { choiceColumns } from './import-values.js';

/**
 * What a coordinator needs to fill in an import file: a template (the header and two example rows) and the allowed
 * values (levels, visibility, kinds, yes/no, every expertise code with its name and synonyms). Built from the same
 * lists the import reads with (csv-import.ts, import-values.ts), so the reference cannot drift from what is accepted.
 */

/** The columns of the template, in the order people fill them in. */
const templateColumns: ImportColumn[] = ['naam', 'functie', 'afdeling', 'email', 'telefoon', 'rolniveau', 'expertisegebieden', 'trefwoorden', 'werkgebied', 'zichtbaarheid', 'soort', 'escalatiecontact'];

const quoted = (value: string) => (/[",;\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The template file: UTF-8 with BOM (so spreadsheet programs read the accents), comma-separated. */
export function importTemplate(): string {
  const lines = [templateColumns.join(','), ...templateExamples.map((row) => templateColumns.map((c) => quoted(row[c] ?? '')).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface ImportReference {
  kolommen: { naam: ImportColumn; verplicht: boolean }[];
  keuzes: { kolom: string; waarden: { waarde: string; uitleg: string }[] }[];
  expertisegebieden: { code: string; naam: string; categorie: string; synoniemen: string[] }[];
}

export async function importReference(db: Db): Promise<ImportReference> {
  const taxonomy = await listExpertisegebieden(db, {});
  return {
    kolommen: importColumns.map((naam) => ({ naam, verplicht: requiredColumns.includes(naam) })),
    keuzes: Object.entries(choiceColumns).map(([kolom, spec]) => ({
      kolom,
      waarden: spec.waarden.map((waarde) => ({ waarde, uitleg: (spec.uitleg as Record<string, string>)[waarde] ?? '' })),
    })),
    expertisegebieden: taxonomy.resultaten.map((e) => ({ code: e.code, naam: e.naam, categorie: e.categorie, synoniemen: e.synoniemen })),
  };
}
