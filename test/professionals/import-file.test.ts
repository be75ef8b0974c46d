import t from 'tap';
import { readImportFile } from '../../src/professionals/import-file.js';

/** Files as coordinators choose them (new-user walk, session 7): UTF-8 and Windows-1252 CSV, workbooks, images, empty. */

t.test('UTF-8 is read as it is, with or without a byte-order mark', async (t) => {
  t.same(readImportFile(Buffer.from('naam\nRené Müller\n')), { tekst: 'naam\nRené Müller\n' });
  t.same(readImportFile(Buffer.from('\uFEFFnaam\nJoëlle\n')), { tekst: 'naam\nJoëlle\n' }, 'the decoder drops the BOM');
});

t.test('Windows-1252 (Excel’s "CSV (gescheiden door lijstscheidingsteken)") keeps its accents', async (t) => {
  const bytes = Buffer.from([...Buffer.from('naam;functie\nRen'), 0xe9, ...Buffer.from(' M'), 0xfc, ...Buffer.from('ller;Co'), 0xf6, ...Buffer.from('rdinator\n')]);
  t.same(readImportFile(bytes), { tekst: 'naam;functie\nRené Müller;Coördinator\n' });
});

t.test('not a CSV: a workbook, an old .xls, an image, an empty file', async (t) => {
  t.match(readImportFile(Buffer.from('PK\u0003\u0004[Content_Types].xml')), { fout: /Excel-werkmap.*Opslaan als/ });
  t.match(readImportFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])), { fout: /Excel-werkmap/ });
  t.match(readImportFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), { fout: /geen CSV-bestand \(het lijkt een afbeelding/ });
  t.match(readImportFile(Buffer.alloc(0)), { fout: /Het gekozen bestand is leeg/ });
});
