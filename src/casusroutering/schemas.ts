import { z } from 'zod';
import { rolniveaus, soorten } from '../../db/schema/index.js';
import { expertisegebiedCode } from '../expertisegebieden/schemas.js';
import { organisatieCode } from '../organisaties/schemas.js';

/** The PMM lookup's question and answer: what the API validates and documents, and the page parses with. */

/** `namen`: the item's name in the singular and the plural, so a message reads "1 organisatie", "20 organisaties". */
const unique = <T extends z.ZodType<string>>(item: T, namen: [string, string], min: number, max: number) =>
  z
    .array(item)
    .min(min, `Kies minstens ${min} ${min === 1 ? namen[0] : namen[1]}.`)
    .max(max, `Hoogstens ${max} ${max === 1 ? namen[0] : namen[1]}.`)
    .refine((values) => new Set(values).size === values.length, `Elke waarde mag één keer voorkomen.`);

export const routeringVraagSchema = z
  .object({
    organisaties: unique(organisatieCode, ['organisatie', 'organisaties'], 1, 20).describe('De betrokken organisaties (codes), in de gewenste volgorde.'),
    expertisegebieden: unique(expertisegebiedCode, ['domein', 'domeinen'], 1, 10).describe('De domeinen van de casus (codes).'),
    gewenstRolniveau: z.enum(rolniveaus).optional().describe('Het gewenste niveau; anders het dichtstbijzijnde daarboven.'),
    gemeente: z
      .string()
      .regex(/^gm\d{4}$/, 'Een gemeentecode zoals gm0363.')
      .optional()
      .describe('Gemeente van de inwoner, als code: voor de voorkeur voor contacten met dat werkgebied. Geen andere gegevens van de inwoner.'),
  })
  .strict()
  .meta({ id: 'CasusrouteringVraag' });

const contactSchema = z.object({
  id: z.uuid(),
  soort: z.enum(soorten),
  naam: z.string(),
  functie: z.string(),
  rolniveau: z.enum(rolniveaus),
  email: z.string(),
  telefoon: z.string().nullable(),
  bereikbaarheid: z.string().nullable(),
  escalatiecontact: z.boolean(),
  reden: z
    .object({
      expertisegebieden: z.array(z.object({ code: z.string(), naam: z.string() })).describe('Welke gevraagde domeinen deze persoon dekt.'),
      rolniveau: z.object({ niveau: z.enum(rolniveaus), gewenst: z.enum(rolniveaus).nullable(), afstand: z.number().int() }),
      escalatiecontact: z.boolean(),
      werkgebiedPast: z.boolean().describe('Het werkgebied omvat de gemeente (of haar provincie).'),
      geverifieerd: z.boolean(),
      geverifieerdOp: z.iso.datetime().nullable(),
      bevestigdOp: z.iso.datetime(),
      afwezigTot: z.string().nullable().meta({ format: 'date' }),
    })
    .describe('Waarom dit contact is gekozen.'),
});

export const routeringAntwoordSchema = z
  .object({
    blokken: z.array(
      z.object({
        organisatie: z.object({ code: z.string(), naam: z.string(), type: z.string() }),
        gevondenVia: z
          .enum(['domein', 'escalatiecontact', 'team', 'dichtstbij', 'geen'])
          .describe(
            'Hoe de contacten zijn gevonden, in deze volgorde geprobeerd: een persoon met een gevraagd domein (of een onderliggend) → het escalatiecontact van de organisatie → haar teamvermeldingen → de beschikbare persoon die het dichtst bij het gevraagde niveau zit; `geen`: niemand.',
          ),
        terugval: z.boolean().describe('Geen beschikbare persoon met een gevraagd domein: de contacten komen uit een latere stap (zie gevondenVia).'),
        melding: z.string().nullable().describe('Wat er is gevonden en waarom, als het niet een persoon met het gevraagde domein is.'),
        telling: z
          .object({
            vindbarePersonen: z.number().int().describe('Vindbare personen bij de organisatie (aanwezig of afwezig).'),
            metExpertise: z.number().int().describe('Van hen: met een gevraagd domein of een onderliggend domein, zoals zoeken dat telt.'),
          })
          .describe('Waarop de keuze berust.'),
        contacten: z.array(contactSchema).max(3),
      }),
    ),
  })
  .meta({ id: 'CasusrouteringAntwoord' });

export type RoutingRequest = z.output<typeof routeringVraagSchema>;
