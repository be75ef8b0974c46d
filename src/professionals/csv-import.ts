import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { statussen } from '../../db/schema/index.js';
import { isStorableText, UNSTORABLE_TEXT_REASON } from '../http/storable.js';
import '../i18n/zod-nl.js';
import { checkReferences, type ReferenceSets } from './references.js';
import { professionalCreateSchema, type ProfessionalCreate } from './schemas.js';

/**
 * Reads a coordinator's spreadsheet (CSV) of entries into validated rows, or a report of every faulty row, field
 * and reason. Pure: the reference data comes in, nothing is written.
 *
 * Format: a header row whose column names are the API's field names; the organisation comes from the URL; optional
 * columns may be left out; multi-valued fields (expertisegebieden, trefwoorden, werkgebied) are separated by `;`;
 * comma or semicolon as delimiter (detected from the header); UTF-8, with or without BOM.
 */

export const importColumns = [
  'soort', 'naam', 'functie', 'afdeling', 'rolniveau', 'expertisegebieden', 'trefwoorden', 'werkgebied', 'email',
  'telefoon', 'bereikbaarheid', 'overMij', 'zichtbaarheid', 'escalatiecontact', 'afwezigTot', 'status',
] as const;
export type ImportColumn = (typeof importColumns)[number];
export const requiredColumns: ImportColumn[] = ['naam', 'functie', 'email', 'rolniveau', 'expertisegebieden'];
const multiValued = new Set<ImportColumn>(['expertisegebieden', 'trefwoorden', 'werkgebied']);

export interface ImportFout {
  regel: number;
  veld: string;
  melding: string;
}

export interface ImportRow {
  regel: number;
  /** The columns present in the file: on an update, absent columns keep their current value. */
  columns: ImportColumn[];
  entry: ProfessionalCreate & { status?: 'actief' | 'inactief' | undefined };
}

export interface ParsedImport {
  rows: ImportRow[];
  fouten: ImportFout[];
}

const importRowSchema = professionalCreateSchema.omit({ organisatie: true }).extend({ status: z.enum(statussen).optional() }).strict();

const truthy = new Set(['ja', 'j', 'true', '1', 'waar', 'yes']);
const falsy = new Set(['nee', 'n', 'false', '0', 'onwaar', 'no']);

function cell(column: ImportColumn, raw: string): unknown {
  const value = raw.trim();
  if (value === '') return multiValued.has(column) ? [] : undefined;
  if (multiValued.has(column)) return value.split(';').map((part) => part.trim()).filter(Boolean);
  if (column === 'escalatiecontact') {
    const lower = value.toLowerCase();
    return truthy.has(lower) ? true : falsy.has(lower) ? false : value;
  }
  return value;
}

export function parseImport(csv: string, references: ReferenceSets): ParsedImport {
  const fouten: ImportFout[] = [];
  const firstLine = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, info: true }) as never;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], fouten: [{ regel: line, veld: '(bestand)', melding: `Het bestand is geen geldige CSV: ${(error as Error).message}` }] };
  }
  if (records.length === 0) return { rows: [], fouten: [{ regel: 1, veld: '(kopregel)', melding: 'Het bestand is leeg; verwacht een kopregel met veldnamen.' }] };

  const header = records[0]!.record.map((name) => name.trim());
  const columns: ImportColumn[] = [];
  header.forEach((name) => {
    if ((importColumns as readonly string[]).includes(name)) {
      if (columns.includes(name as ImportColumn)) fouten.push({ regel: 1, veld: name, melding: 'Deze kolom staat er twee keer in.' });
      columns.push(name as ImportColumn);
    } else {
      const hint = name === 'organisatie' ? ' De organisatie volgt uit het adres van de import.' : ` Bekende kolommen: ${importColumns.join(', ')}.`;
      fouten.push({ regel: 1, veld: name || '(leeg)', melding: `Onbekende kolom.${hint}` });
    }
  });
  for (const required of requiredColumns) {
    if (!columns.includes(required)) fouten.push({ regel: 1, veld: required, melding: 'Deze verplichte kolom ontbreekt.' });
  }
  if (fouten.length > 0) return { rows: [], fouten };

  const rows: ImportRow[] = [];
  const emails = new Map<string, number>();
  let previousEnd = records[0]!.info.lines;
  for (const { record, info } of records.slice(1)) {
    // The line a record starts on (a quoted cell may span lines).
    const regel = previousEnd + 1;
    previousEnd = info.lines;
    if (record.length !== header.length) {
      fouten.push({ regel, veld: '(regel)', melding: `Verwacht ${header.length} kolommen, gevonden ${record.length}.` });
      continue;
    }
    // Text PostgreSQL cannot store is this row's fault, reported like any other invalid cell (issue 16, F4).
    const unstorable = columns.filter((_column, index) => !isStorableText(record[index] ?? ''));
    if (unstorable.length > 0) {
      for (const column of unstorable) fouten.push({ regel, veld: column, melding: UNSTORABLE_TEXT_REASON });
      continue;
    }
    const input: Record<string, unknown> = {};
    columns.forEach((column, index) => {
      const value = cell(column, record[index] ?? '');
      if (value !== undefined) input[column] = value;
    });
    const parsed = importRowSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fouten.push({ regel, veld: issue.path.join('.') || '(regel)', melding: issue.message });
      continue;
    }
    const checked = checkReferences(references, { expertisegebieden: parsed.data.expertisegebieden, werkgebied: parsed.data.werkgebied });
    for (const fout of checked.fouten) fouten.push({ regel, veld: fout.name, melding: fout.reason });
    const earlier = emails.get(parsed.data.email);
    if (earlier !== undefined) fouten.push({ regel, veld: 'email', melding: `Dit e-mailadres staat ook op regel ${earlier}.` });
    else emails.set(parsed.data.email, regel);
    if (checked.fouten.length === 0 && earlier === undefined) {
      rows.push({ regel, columns, entry: { ...parsed.data, werkgebied: checked.werkgebied ?? [] } });
    }
  }
  return { rows, fouten };
}
