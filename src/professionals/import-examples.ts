import type { ImportColumn } from './csv-import.js';

/**
 * The example rows of the import template (import-reference.ts). A coordinator who fills the template in below them
 * and forgets to delete them would import two fictitious entries, so the import refuses them by their addresses
 * (csv-import.ts), with a message that says what they are.
 */
export const templateExamples: Partial<Record<ImportColumn, string>>[] = [
  {
    naam: 'Eva de Boer', functie: 'Klantmanager inkomen', afdeling: 'Werk en Inkomen', email: 'e.deboer@voorbeeld.nl', telefoon: '020 123 4567',
    rolniveau: 'specialist', expertisegebieden: 'Participatiewet; schulden', trefwoorden: 'maatwerk; kostendelersnorm', werkgebied: 'Utrecht (provincie)',
    zichtbaarheid: 'alle-professionals', soort: 'persoon', escalatiecontact: 'nee',
  },
  {
    naam: 'Maatwerkplaats Voorbeeld', functie: 'Maatwerkplaats', afdeling: '', email: 'maatwerkplaats@voorbeeld.nl', telefoon: '14 020',
    rolniveau: 'coordinatie', expertisegebieden: 'maatwerkplaats', trefwoorden: '', werkgebied: '',
    zichtbaarheid: 'alle-professionals', soort: 'team', escalatiecontact: 'ja',
  },
];

const exampleEmails = new Set(templateExamples.map((row) => row.email!.toLowerCase()));

export const TEMPLATE_EXAMPLE_REASON = 'Dit is een voorbeeldregel uit het sjabloon. Verwijder deze regel en importeer opnieuw.';

/** Whether a row's (validated, lower-cased) e-mail address is one of the template's examples. */
export const isTemplateExample = (email: string) => exampleEmails.has(email.toLowerCase());
