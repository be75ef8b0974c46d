/**
 * The facts of the accessibility statement (/toegankelijkheid), kept as data so they can be checked: every measure
 * names the browser test that proves it (test/web/statements.test.ts finds that test's title in test/, so a measure
 * whose test is removed fails CI), and the review date may not be older than a year. Update the known issues when
 * one is fixed or found; the page follows the model statement of Digitoegankelijk (digitoegankelijk.nl).
 */

/** Digitoegankelijk's compliance statuses. */
export const NALEVINGSSTATUS = {
  A: 'voldoet volledig',
  B: 'voldoet gedeeltelijk',
  C: 'eerste maatregelen genomen',
  D: 'geen maatregelen genomen',
  E: 'voldoet niet',
} as const;

export interface Maatregel {
  tekst: string;
  /** The title (or part of it) of the test that checks this measure on every change. */
  bewijs: string;
}

export interface BekendeBeperking {
  probleem: string;
  /** The WCAG 2.1 success criterion it fails, or null for a usability problem that is not a WCAG failure. */
  criterium: string | null;
  gevolg: string;
  /** What we do about it, and by when. */
  aanpak: string;
}

export const toegankelijkheid = {
  /**
   * C: measures taken, but no complete evaluation (WCAG-EM, by an independent party) yet. Status B or A needs that
   * evaluation's report, which this statement then links.
   */
  status: 'C' as keyof typeof NALEVINGSSTATUS,
  standaard: 'WCAG 2.1 niveau AA (EN 301 549)',
  opgesteld: '2026-12-02',
  herzien: '2026-12-02',
  onderzoek: {
    uitgevoerd: false,
    toelichting:
      'Er is nog geen volledig onderzoek volgens de WCAG-EM-methode door een onafhankelijke partij gedaan. Wel toetst het ontwikkelteam elke wijziging automatisch in een echte browser, en probeert het de pagina’s met alleen het toetsenbord, zonder JavaScript en op 320 pixels breed.',
    gepland: 'Een volledig onderzoek door een onafhankelijke partij, vóór ingebruikname in productie.',
  },
  maatregelen: [
    { tekst: 'Elke pagina wordt bij elke wijziging getoetst met axe-core (WCAG 2.1 A en AA) in Chromium, uitgelogd en met elke rol.', bewijs: 'axe-core finds no WCAG 2.1 A/AA violations' },
    { tekst: 'Zoeken, een resultaat openen en uitloggen gaan met alleen het toetsenbord, met zichtbare focus.', bewijs: 'keyboard only: search, open a result, sign out' },
    { tekst: 'De pagina’s werken zonder JavaScript: zoeken, filteren en bladeren gaan met gewone formulieren.', bewijs: 'without JavaScript: search, filter and page' },
    { tekst: 'Op 320 pixels breed (400% zoom) en bij 200% zoom hoeft niemand horizontaal te scrollen op de standaardpagina’s.', bewijs: 'no horizontal scrolling at 320 px wide' },
    { tekst: 'Ook de zoekpagina past op 320 pixels in elke toestand (veel filterwaarden, lange namen, foutmeldingen); de filters staan daar in een uitklapblok boven de resultaten.', bewijs: 'no horizontal scrolling at 320 px in any state' },
    { tekst: 'Bij de casusroutering kies je organisaties in een keuzelijst waarin je kunt typen, met het toetsenbord te bedienen; de gekozen organisaties staan als te verwijderen labels. Zonder JavaScript zijn het selectievakjes.', bewijs: 'the organisation picker: combobox with the keyboard' },
    { tekst: 'Ook de domeinen van de casus kies je zo: typ een deel van de naam of een afkorting (zoals Pw of Wmo) en kies met het toetsenbord; de gekozen domeinen staan als te verwijderen labels. Zonder JavaScript zijn het selectievakjes, met de onderliggende domeinen ingesprongen onder hun hoofddomein.', bewijs: 'the domain picker: combobox with the keyboard' },
    { tekst: 'Terwijl je typt, leest een schermlezer het aantal gevonden collega’s voor (een live-regio).', bewijs: 'the result count is announced in the live region while typing' },
  ] satisfies Maatregel[],
  // The Ctrl-click multi-select of the routing page's domains was the last one (replaced by the domain picker).
  bekendeBeperkingen: [] as BekendeBeperking[],
};
