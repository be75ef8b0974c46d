/**
 * The bytes of a file a coordinator chose to import, as CSV text, or what is wrong with it in words they can act on.
 * Spreadsheets saved "as CSV" by Excel in the Netherlands are often Windows-1252, not UTF-8: read as UTF-8 their
 * accents became "�" and the import still "succeeded" (new-user walk, session 7). A workbook (.xlsx) or an image is
 * no CSV at all, and reading it as one gave a parser message and a screen of binary.
 */

export type ImportFileReading = { tekst: string } | { fout: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // the old .xls workbook
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

const SAVE_AS_CSV = 'Sla het in Excel op via Opslaan als › “CSV UTF-8 (door komma’s gescheiden)” en kies dat bestand.';

export function readImportFile(bytes: Uint8Array): ImportFileReading {
  if (bytes.length === 0) return { fout: 'Het gekozen bestand is leeg. Kies het bestand met je medewerkers, of plak de inhoud in het tekstvak.' };
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) return { fout: `Dit is een Excel-werkmap (of een ander ingepakt bestand), geen CSV-bestand. ${SAVE_AS_CSV}` };
  // Text has no NUL bytes; images, PDFs and other binary files have them early on.
  if (bytes.subarray(0, 8192).includes(0)) return { fout: `Dit is geen CSV-bestand (het lijkt een afbeelding, pdf of ander bestand). Kies een spreadsheet opgeslagen als CSV. ${SAVE_AS_CSV}` };
  try {
    return { tekst: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Not valid UTF-8: the Windows code page Excel uses for "CSV (gescheiden door lijstscheidingsteken)".
    return { tekst: new TextDecoder('windows-1252').decode(bytes) };
  }
}
