import t from 'tap';
import { openPage, signIn, startSite } from './browser.js';

/**
 * Files as coordinators choose them (new-user walk, session 7): a Windows-1252 CSV from Excel imported as "Ren�
 * M�ller" and the dry run called it a success; a workbook or an image gave a parser message and a screen of binary;
 * nothing chosen read as a faulty file; after a clean dry run the file had to be chosen again.
 */
t.test('import files: Excel’s code page, workbooks, images, nothing chosen, and importing what the dry run checked', async (t) => {
  const { database, base, browser } = await startSite(t);
  const { context, page, noViolations } = await openPage(t, browser);
  await signIn(page, base, { sub: 'coord', organisatie: 'gm0599', naam: 'Carla', rollen: ['coordinator'] });
  const report = () => page.textContent('#importrapport');
  const choose = async (name: string, buffer: Buffer, button = 'Controleren (proefrun)') => {
    await page.goto(`${base}/coordinatie?organisatie=gm0599`);
    await page.setInputFiles('#bestand', { name, mimeType: 'text/csv', buffer });
    await page.click(`button:has-text("${button}")`);
    await page.waitForSelector('#importrapport');
  };

  await choose('werkmap.xlsx', Buffer.from('PK\u0003\u0004[Content_Types].xml binary'));
  t.match(await report(), /Er is niets geïmporteerd\s*Dit is een Excel-werkmap .*geen CSV-bestand\. Sla het in Excel op via Opslaan als/, 'a workbook is named as one, with what to do');
  await choose('plaatje.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  t.match(await report(), /Dit is geen CSV-bestand \(het lijkt een afbeelding/, 'an image, even named .csv');
  t.notMatch(await report(), /\\u0000|Invalid Opening Quote/, 'no parser message, no binary');
  await noViolations('a file that is no CSV');

  await page.goto(`${base}/coordinatie?organisatie=gm0599`);
  await page.click('button:has-text("Importeren")');
  await page.waitForSelector('#importrapport');
  t.match(await report(), /Er is niets geïmporteerd\s*Kies een CSV-bestand of plak de inhoud/, 'nothing chosen: says to choose');

  // Excel's "CSV (gescheiden door lijstscheidingsteken)": Windows-1252, semicolons.
  const ansi = Buffer.concat([
    Buffer.from('Naam;Functie;E-mail;Rolniveau;Expertisegebieden\r\nRen'),
    Buffer.from([0xe9]),
    Buffer.from(' M'),
    Buffer.from([0xfc]),
    Buffer.from('ller;Co'),
    Buffer.from([0xf6]),
    Buffer.from('rdinator schuldhulp;rene@rotterdam.nl;Co'),
    Buffer.from([0xf6]),
    Buffer.from('rdinatie;Schulden\r\n'),
  ]);
  await choose('medewerkers.csv', ansi);
  t.match(await report(), /Proefrun geslaagd\s*Bij importeren worden 1 nieuw/, 'the accented level is understood');
  t.match(await report(), /De inhoud van medewerkers\.csv staat klaar in het tekstvak/, 'the checked file is ready');
  await noViolations('a clean dry run, ready to import');
  await page.click('#importrapport button:has-text("Nu importeren")');
  await page.waitForSelector('#importrapport');
  t.match(await report(), /Import geslaagd\s*Geïmporteerd: 1 nieuw/, 'one click imports what was checked');
  const [row] = await database.sql`SELECT naam, functie, rolniveau FROM professionals WHERE email = 'rene@rotterdam.nl'`;
  t.same(row, { naam: 'René Müller', functie: 'Coördinator schuldhulp', rolniveau: 'coordinatie' }, 'the accents as written');
  await context.close();
});
