import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { z } from 'zod';
import { statussen } from '../../db/schema/index.js';
import { isStorableText, UNSTORABLE_TEXT_REASON } from '../http/storable.js';
import '../i18n/zod-nl.js';
import { isTemplateExample, TEMPLATE_EXAMPLE_REASON } from './import-examples.js';
import { choiceColumns, readChoice, readExpertise, type ChoiceColumnName } from './import-values.js';
import { checkReferences, fold, type ReferenceSets } from './references.js';
import { professionalCreateSchema, type ProfessionalCreate } from './schemas.js';

/**
 * Reads a coordinator's spreadsheet (CSV) of entries into validated rows, handed on in chunks, and a report of every
 * faulty row, field and reason. Writes nothing itself: the reference data comes in, the caller writes the chunks.
 * Values may be written as people write them (import-values.ts): "Specialist", "Participatiewet", "ja".
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

const importRowSchema = professionalCreateSchema.omit({ organisatie: true }).extend({ status: z.enum(statussen).optional() }).strict();

/** Rows read between two yields to the event loop: a chunk takes a few milliseconds (issue 16, F9). */
export const ROWS_PER_YIELD = 100;
/** The text is fed to the parser in slices of this size, so parsing never holds the event loop for long. */
const SLICE_CHARS = 64 * 1024;
/** More errors than this are not worth listing: the report stays small however bad the file. */
export const MAX_FOUTEN = 1000;

const choiceNames = new Set<string>(Object.keys(choiceColumns));

/** A cell as the row schema takes it; choices and expertise as people write them, read into stored values. */
function cell(column: ImportColumn, raw: string, references: ReferenceSets, fouten: string[]): unknown {
  const value = raw.trim();
  if (value === '') return multiValued.has(column) ? [] : undefined;
  if (column === 'expertisegebieden') {
    return value.split(';').map((part) => part.trim()).filter(Boolean).map((part) => {
      const read = readExpertise(references, part);
      if ('reason' in read) fouten.push(read.reason);
      return 'value' in read ? read.value : part;
    });
  }
  if (multiValued.has(column)) return value.split(';').map((part) => part.trim()).filter(Boolean);
  if (choiceNames.has(column)) {
    const read = readChoice(column as ChoiceColumnName, value);
    if ('reason' in read) {
      fouten.push(read.reason);
      return undefined;
    }
    return column === 'escalatiecontact' ? read.value === 'ja' : read.value;
  }
  return value;
}

/** The line count of a text, as a cheap upper bound of its rows (for choosing between a direct import and a job). */
export function countLines(csv: string): number {
  let lines = 0;
  for (let i = csv.indexOf('\n'); i !== -1; i = csv.indexOf('\n', i + 1)) lines++;
  return csv.endsWith('\n') ? lines : lines + 1;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function* slices(text: string) {
  for (let i = 0; i < text.length; i += SLICE_CHARS) yield text.slice(i, i + SLICE_CHARS);
}

export interface ImportReader {
  /**
   * The next valid rows, at most `size`, in file order. Empty when the file is read to its end, or as soon as it has
   * shown a fault: nothing of a faulty file is applied, so its valid rows are not kept either.
   */
  nextChunk(size: number): Promise<ImportRow[]>;
  /** Whether the file has shown a fault so far. */
  readonly faulty: boolean;
  /** Data rows read so far. */
  readonly regelsGelezen: number;
  /** Reads the rest of the file, only checking, and returns the report of every faulty row (empty: none). */
  finish(): Promise<ImportFout[]>;
  /** Stops reading (the caller gave up, e.g. the database failed). */
  close(): void;
}

/**
 * Opens a file for reading in chunks: its text is fed to the parser in slices and its rows are checked as the caller
 * asks for them, yielding to the event loop every ROWS_PER_YIELD rows, so a large file does not stall other requests.
 * Memory does not grow with the file: the caller writes a chunk and lets it go, and what must span the whole file is
 * only the e-mail addresses seen (for duplicates) and the report (capped at MAX_FOUTEN errors). A caller that wrote
 * chunks before a fault showed undoes them (import.ts: one transaction), then `finish` names every faulty row.
 */
export function openImport(csv: string, references: ReferenceSets, onProgress?: (regelsGelezen: number) => void | Promise<void>): ImportReader {
  const fouten: ImportFout[] = [];
  const text = csv.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parser = Readable.from(slices(text)).pipe(parse({ delimiter, skip_empty_lines: true, relax_column_count: true, info: true }));
  const records = (parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)[Symbol.asyncIterator]();
  // Listened for at once: the parser works ahead of the reader, so a fault can be found while no read waits for it
  // (the caller opens its transaction first) or after reading stopped (a faulty header, `close`). An 'error' nobody
  // listens to stops the process (found by the OpenAPI fuzz test).
  let parseError: Error | undefined;
  parser.on('error', (error) => {
    parseError ??= error;
  });

  let header: string[] | undefined;
  const columns: ImportColumn[] = [];
  const emails = new Map<string, number>();
  let previousEnd = 0;
  let seen = 0;
  let done = false;

  /** Reads and checks one record: its valid row, undefined for a header or a faulty row, false at the end. */
  async function step(): Promise<ImportRow | undefined | false> {
    if (done) return false;
    let next: IteratorResult<{ record: string[]; info: { lines: number } }>;
    try {
      next = await records.next();
      if (next.done && parseError !== undefined) throw parseError;
    } catch (error) {
      done = true;
      const line = (error as { lines?: number }).lines ?? previousEnd + 1;
      fouten.push({ regel: line, veld: '(bestand)', melding: `Het bestand is geen geldige CSV: ${(error as Error).message}` });
      return false;
    }
    if (next.done) {
      done = true;
      if (!header) fouten.push({ regel: 1, veld: '(kopregel)', melding: 'Het bestand is leeg; verwacht een kopregel met veldnamen.' });
      if (fouten.length >= MAX_FOUTEN) {
        fouten.length = MAX_FOUTEN;
        fouten.push({ regel: previousEnd, veld: '(bestand)', melding: `Meer dan ${MAX_FOUTEN} fouten; verder is niet gecontroleerd. Herstel deze eerst.` });
      }
      await onProgress?.(seen);
      return false;
    }
    const { record, info } = next.value;
    if (!header) {
      header = record.map((name) => name.trim());
      previousEnd = info.lines;
      readHeader(header, columns, fouten);
      if (fouten.length > 0) {
        done = true;
        parser.destroy();
      }
      return undefined;
    }
    // The line a record starts on (a quoted cell may span lines).
    const regel = previousEnd + 1;
    previousEnd = info.lines;
    const row = fouten.length < MAX_FOUTEN ? readRow(record, regel, header.length, columns, references, emails, fouten) : undefined;
    if (++seen % ROWS_PER_YIELD === 0) {
      await onProgress?.(seen);
      await yieldToEventLoop();
    }
    return row;
  }

  return {
    async nextChunk(size) {
      const rows: ImportRow[] = [];
      while (fouten.length === 0 && rows.length < size) {
        const row = await step();
        if (row === false) break;
        if (row) rows.push(row);
      }
      return fouten.length > 0 ? [] : rows;
    },
    get faulty() {
      return fouten.length > 0;
    },
    get regelsGelezen() {
      return seen;
    },
    async finish() {
      while ((await step()) !== false);
      return fouten;
    },
    close() {
      done = true;
      parser.destroy();
    },
  };
}

/** Column names as people write them ("E-mail", "Rolniveau") are the API's field names. */
const columnByFolded = new Map<string, ImportColumn>(importColumns.flatMap((c) => [[fold(c), c], [fold(c).replace(/-/g, ''), c]]));
columnByFolded.set('e-mail', 'email').set('e-mailadres', 'email').set('emailadres', 'email').set('telefoonnummer', 'telefoon').set('over mij', 'overMij').set('afwezig tot', 'afwezigTot');

function readHeader(header: string[], columns: ImportColumn[], fouten: ImportFout[]) {
  header.forEach((name) => {
    const column = columnByFolded.get(fold(name)) ?? columnByFolded.get(fold(name).replace(/\s+/g, ''));
    if (column) {
      if (columns.includes(column)) fouten.push({ regel: 1, veld: name, melding: 'Deze kolom staat er twee keer in.' });
      columns.push(column);
    } else {
      const hint = fold(name) === 'organisatie' ? ' De organisatie volgt uit het adres van de import.' : ` Bekende kolommen: ${importColumns.join(', ')}.`;
      fouten.push({ regel: 1, veld: name || '(leeg)', melding: `Onbekende kolom.${hint}` });
    }
  });
  for (const required of requiredColumns) {
    if (!columns.includes(required)) fouten.push({ regel: 1, veld: required, melding: 'Deze verplichte kolom ontbreekt.' });
  }
}

function readRow(
  record: string[],
  regel: number,
  width: number,
  columns: ImportColumn[],
  references: ReferenceSets,
  emails: Map<string, number>,
  fouten: ImportFout[],
): ImportRow | undefined {
  if (record.length !== width) {
    fouten.push({ regel, veld: '(regel)', melding: `Verwacht ${width} kolommen, gevonden ${record.length}.` });
    return undefined;
  }
  // Text PostgreSQL cannot store is this row's fault, reported like any other invalid cell (issue 16, F4).
  const unstorable = columns.filter((_column, index) => !isStorableText(record[index] ?? ''));
  if (unstorable.length > 0) {
    for (const column of unstorable) fouten.push({ regel, veld: column, melding: UNSTORABLE_TEXT_REASON });
    return undefined;
  }
  const input: Record<string, unknown> = {};
  const cellFouten: ImportFout[] = [];
  columns.forEach((column, index) => {
    const reasons: string[] = [];
    const value = cell(column, record[index] ?? '', references, reasons);
    for (const melding of reasons) cellFouten.push({ regel, veld: column, melding });
    if (value !== undefined) input[column] = value;
  });
  const parsed = importRowSchema.safeParse(input);
  // A choice that could not be read is absent from `input`; zod's "required" for it would only repeat the reason.
  const explained = new Set(cellFouten.map((f) => f.veld));
  fouten.push(...cellFouten);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const veld = issue.path.map(String).join('.') || '(regel)';
      if (!explained.has(veld.split('.')[0]!)) fouten.push({ regel, veld, melding: issue.message });
    }
    return undefined;
  }
  // Unknown expertise was reported as the cell was read; the other references are still checked, so one pass over
  // the file names every fault of the row.
  const checked = checkReferences(references, { expertisegebieden: explained.has('expertisegebieden') ? undefined : parsed.data.expertisegebieden, werkgebied: parsed.data.werkgebied });
  for (const fout of checked.fouten) fouten.push({ regel, veld: fout.name, melding: fout.reason });
  const example = isTemplateExample(parsed.data.email);
  if (example) fouten.push({ regel, veld: 'email', melding: TEMPLATE_EXAMPLE_REASON });
  const earlier = example ? undefined : emails.get(parsed.data.email);
  if (earlier !== undefined) fouten.push({ regel, veld: 'email', melding: `Dit e-mailadres staat ook op regel ${earlier}.` });
  else if (!example) emails.set(parsed.data.email, regel);
  if (cellFouten.length > 0 || checked.fouten.length > 0 || earlier !== undefined || example) return undefined;
  return { regel, columns, entry: { ...parsed.data, werkgebied: checked.werkgebied ?? [] } };
}
