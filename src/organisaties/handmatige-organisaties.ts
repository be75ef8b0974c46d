import type { NieuweOrganisatie } from '../../db/schema/index.js';

/**
 * Organisations that matter for maatwerk but are missing from the register export. Their codes are our own
 * slugs; `bron: 'handmatig'` keeps the register import from deactivating them.
 */
export const handmatigeOrganisaties: NieuweOrganisatie[] = [
  {
    code: 'dienst-toeslagen',
    naam: 'Dienst Toeslagen',
    officieleNaam: 'Dienst Toeslagen',
    afkorting: 'DT',
    // Formally a part of the Ministry of Finance (not an agency); closest type in the register's list.
    type: 'agentschap',
    ministerieCode: 'mnre1090',
    bron: 'handmatig',
  },
  {
    code: 'ind',
    naam: 'Immigratie- en Naturalisatiedienst',
    officieleNaam: 'Immigratie- en Naturalisatiedienst',
    afkorting: 'IND',
    type: 'agentschap',
    ministerieCode: 'mnre1162',
    bron: 'handmatig',
  },
  {
    code: 'pmm',
    naam: 'Professionals voor Maatwerk Multiproblematiek',
    officieleNaam: 'Professionals voor Maatwerk Multiproblematiek (PMM)',
    afkorting: 'PMM',
    type: 'samenwerkingsverband',
    bron: 'handmatig',
  },
];
