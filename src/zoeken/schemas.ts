import { z } from 'zod';
import { rolniveaus, soorten } from '../../db/schema/index.js';
import { expertisegebiedCode } from '../expertisegebieden/schemas.js';
import { paginationQuery, repeatable } from '../http/pagination.js';
import { organisatieCode, organisatieTypeSchema } from '../organisaties/schemas.js';
import { professionalSchema } from '../professionals/schemas.js';

/** The longest search text: the search field stops there, and the API refuses more. */
export const ZOEKTERM_MAX = 200;

export const zoekQuerySchema = z
  .object({
    zoekterm: z.string().trim().max(ZOEKTERM_MAX, `Een zoekterm heeft hoogstens ${ZOEKTERM_MAX} tekens.`).optional().describe('Woorden om op te zoeken; het laatste woord mag half getypt zijn.'),
    organisatie: repeatable(organisatieCode).describe('Alleen deze organisatie(s).'),
    organisatieZoekterm: z
      .string()
      .trim()
      .max(100, 'Een organisatienaam heeft hoogstens 100 tekens.')
      .optional()
      .describe('Toon in het organisatiefacet alle organisaties met treffers waarvan de naam, officiële naam of afkorting hierop lijkt (niet alleen de 30 met de meeste treffers). Filtert de resultaten niet.'),
    organisatieType: repeatable(organisatieTypeSchema).describe('Alleen organisaties van dit type.'),
    expertisegebied: repeatable(expertisegebiedCode).describe('Dit expertisegebied of een onderliggend gebied.'),
    rolniveau: repeatable(z.enum(rolniveaus)).describe('Alleen dit rolniveau.'),
    provincie: repeatable(z.string().min(2).max(40)).describe('Provincie van de organisatie of in het werkgebied.'),
    soort: repeatable(z.enum(soorten)).describe('persoon of team.'),
    geverifieerd: z.enum(['true', 'false']).optional().describe('Alleen (niet) geverifieerde vermeldingen.'),
    gewenstRolniveau: z.enum(rolniveaus).optional().describe('Vermeldingen dichter bij dit niveau komen hoger (filtert niet).'),
    ...paginationQuery,
  })
  .strict();

export type ZoekQuery = z.infer<typeof zoekQuerySchema>;

const segmentSchema = z.object({ tekst: z.string(), treffer: z.boolean() });

/** A result shows what the entry page shows of the same fields (one definition, professionals/schemas.ts). */
export const zoekresultaatSchema = professionalSchema
  .pick({
    id: true, soort: true, naam: true, functie: true, afdeling: true, organisatie: true, rolniveau: true, expertisegebieden: true,
    trefwoorden: true, werkgebied: true, email: true, telefoon: true, bereikbaarheid: true, escalatiecontact: true, afwezigTot: true,
  })
  .extend({
    afwezig: z.boolean().describe('Vandaag afwezig (afwezigTot is vandaag of later).'),
    geverifieerd: z.boolean(),
    geverifieerdOp: z.iso.datetime().nullable(),
    bevestigdOp: z.iso.datetime(),
    treffers: z
      .record(z.string(), z.array(segmentSchema))
      .describe('Per veld de tekst in stukken; stukken met treffer=true kwamen overeen met de zoekterm. Geen opmaak: toon elk stuk als tekst.'),
    uitleg: z
      .array(z.string())
      .describe('Waarom dit resultaat gevonden werd waar de markering het niet laat zien: via een synoniem, een breder expertisegebied, de officiële naam of afkorting van de organisatie, of het werkgebied.'),
  })
  .meta({ id: 'Zoekresultaat' });

const facetSchema = z.array(z.object({ waarde: z.string(), naam: z.string(), aantal: z.number().int() }));

export const zoekAntwoordSchema = z
  .object({
    resultaten: z.array(zoekresultaatSchema),
    totaal: z.number().int().describe('Aantal gevonden vermeldingen; een schatting als geschat=true.'),
    geschat: z
      .boolean()
      .describe(
        'Bij meer dan 1.000 treffers telt de zoekmachine niet alles na: totaal en facetaantallen zijn dan geschat uit een willekeurige steekproef van 1.000 (afwijking enkele procenten). De resultaten zelf zijn altijd exact de best passende van alle treffers.',
      ),
    bladerbaar: z.number().int().describe('Hoeveel resultaten je kunt doorbladeren: gelijk aan totaal, of hooguit 1.000 als geschat=true.'),
    facetten: z
      .object({
        organisatie: facetSchema,
        organisatieType: facetSchema,
        expertisegebied: facetSchema,
        rolniveau: facetSchema,
        provincie: facetSchema,
      })
      .describe('Aantallen per waarde. Een facet negeert zijn eigen filter: je ziet hoeveel je vindt als je dat filter verruimt. Per facet hooguit de 30 met de meeste treffers (met organisatieZoekterm: alle organisaties die op die naam lijken). In het provinciefacet telt een vermelding mee in de provincie van haar organisatie en in elke provincie van haar werkgebied, een vermelding van een landelijke organisatie zonder werkgebied in elke provincie; opgeteld zijn de provincieaantallen daardoor meer dan totaal.'),
    organisatiesMetTreffers: z.number().int().describe('Bij hoeveel organisaties er treffers zijn (het organisatiefacet toont er hooguit 30; zoek met organisatieZoekterm naar de rest).'),
    pagina: z.number().int(),
    paginaGrootte: z.number().int(),
  })
  .meta({ id: 'Zoekantwoord' });
