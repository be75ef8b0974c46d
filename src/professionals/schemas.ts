import { z } from 'zod';
import { rolniveaus, soorten, statussen, zichtbaarheden } from '../../db/schema/index.js';
import { expertisegebiedCode } from '../expertisegebieden/schemas.js';
import { organisatieCode, organisatieTypeSchema } from '../organisaties/schemas.js';
import { storableDate } from '../http/storable.js';
import { isBeforeToday } from './afwezigheid.js';
import { isPrivateMail, normalisePhone } from './contact-fields.js';

/**
 * Text between `min` and `max` characters. A required field (`leeg` given) says to fill it in when it is empty or
 * missing, rather than that it is too short: "Vul de naam in." beside an empty field, "minstens 2 tekens" beside "E".
 */
const tekst = (label: string, min: number, max: number, leeg?: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined && leeg ? leeg : undefined) })
    .trim()
    .check(...(leeg ? [z.minLength(1, { message: leeg, abort: true })] : []))
    .min(min, `${label} moet minstens ${min} ${min === 1 ? 'teken' : 'tekens'} hebben.`)
    .max(max, `${label} mag hoogstens ${max} tekens hebben.`);

const EMAIL_LEEG = 'Vul het werk-e-mailadres in.';

export const werkEmail = z
  .string({ error: (issue) => (issue.input === undefined ? EMAIL_LEEG : undefined) })
  .trim()
  .toLowerCase()
  .min(1, { message: EMAIL_LEEG, abort: true })
  .max(254, 'Een e-mailadres heeft hoogstens 254 tekens.')
  .pipe(z.email('Dit is geen geldig e-mailadres.'))
  .refine((email) => !isPrivateMail(email), 'Gebruik je werk-e-mailadres, geen privéadres.')
  .describe('Werk-e-mailadres; uniek binnen de organisatie.');

export const telefoon = z
  .string()
  .trim()
  .max(30, 'Een telefoonnummer heeft hoogstens 30 tekens.')
  .transform((value, context) => {
    const normalised = normalisePhone(value);
    if (!normalised) {
      context.addIssue({ code: 'custom', message: 'Dit is geen geldig telefoonnummer; bijvoorbeeld 020 123 4567, 06 12345678 of +31 20 123 4567.' });
      return z.NEVER;
    }
    return normalised;
  })
  .describe('Nederlands of internationaal nummer; wordt opgeslagen als +31…, of als 14-nummer (14 020).');

/** A province or gemeente by name, or a gemeente code (gm0363); checked against the register by the service. */
const werkgebiedItem = z
  .string()
  .trim()
  .min(2, 'Een werkgebied heeft minstens 2 tekens.')
  .max(60, 'Een werkgebied heeft hoogstens 60 tekens.')
  .describe(
    'Een provincie (Noord-Brabant), gemeentecode (gm0344) of gemeentenaam (Den Bosch, ’s-Hertogenbosch). Een naam die zowel gemeente als provincie is, zeg je met "(gemeente)" of "(provincie)" erachter; een waarde die de vermelding al heeft, blijft staan zoals ze is.',
  );

const entryFields = {
  soort: z.enum(soorten).describe('persoon, of team voor een functioneel contactpunt (maatwerkplaats, maatwerkteam, escalatieloket).'),
  naam: tekst('Naam', 2, 100, 'Vul de naam in.'),
  functie: tekst('Functie', 2, 100, 'Vul de functie in.'),
  afdeling: tekst('Afdeling', 1, 100).nullable(),
  organisatie: organisatieCode.describe('De organisatie; standaard die van je token.'),
  rolniveau: z.enum(rolniveaus).describe('uitvoering < specialist < coordinatie < management < bestuur.'),
  expertisegebieden: z
    .array(expertisegebiedCode)
    .min(1, 'Kies minstens één expertisegebied.')
    .max(15, 'Kies hoogstens 15 expertisegebieden.')
    .describe('Codes uit GET /expertisegebieden.'),
  trefwoorden: z.array(tekst('Een trefwoord', 2, 40)).max(20, 'Hoogstens 20 trefwoorden.'),
  werkgebied: z.array(werkgebiedItem).max(50, 'Hoogstens 50 werkgebieden.'),
  email: werkEmail,
  telefoon: telefoon.nullable(),
  bereikbaarheid: tekst('Bereikbaarheid', 1, 200).nullable().describe('Bijvoorbeeld "ma–do 9–17 uur".'),
  overMij: tekst('Over mij', 1, 1000)
    .nullable()
    .describe('Waarmee je collega’s kunt helpen. Geen gegevens van inwoners of cliënten.'),
  zichtbaarheid: z.enum(zichtbaarheden).describe('Wie je kan vinden: alle-professionals, eigen-organisatie of pmm.'),
  escalatiecontact: z.boolean().describe('Aanspreekpunt voor escalaties van de organisatie.'),
  afwezigTot: storableDate('Gebruik een datum als 2026-12-31.')
    .refine((date) => !isBeforeToday(date), 'Deze datum is al voorbij; kies vandaag of een latere dag, of laat het veld leeg als je er gewoon bent.')
    .nullable()
    .describe('Afwezig tot en met deze datum (vandaag of later).'),
};

export const professionalCreateSchema = z
  .object({
    ...entryFields,
    soort: entryFields.soort.default('persoon'),
    organisatie: entryFields.organisatie.optional(),
    afdeling: entryFields.afdeling.optional(),
    trefwoorden: entryFields.trefwoorden.default([]),
    werkgebied: entryFields.werkgebied.default([]),
    telefoon: entryFields.telefoon.optional(),
    bereikbaarheid: entryFields.bereikbaarheid.optional(),
    overMij: entryFields.overMij.optional(),
    zichtbaarheid: entryFields.zichtbaarheid.default('alle-professionals'),
    escalatiecontact: entryFields.escalatiecontact.default(false),
    afwezigTot: entryFields.afwezigTot.optional(),
  })
  .strict()
  .meta({ id: 'ProfessionalNieuw' });

export const professionalPatchSchema = z
  .object({ ...entryFields, status: z.enum(statussen).describe('inactief verbergt de vermelding direct.') })
  .partial()
  .strict()
  .meta({ id: 'ProfessionalWijziging' });

export type ProfessionalCreate = z.output<typeof professionalCreateSchema>;
export type ProfessionalPatch = z.output<typeof professionalPatchSchema>;

export const professionalId = z.uuid('Dit is geen geldige id.');

export const professionalSchema = z
  .object({
    id: z.uuid(),
    soort: z.enum(soorten),
    naam: z.string(),
    functie: z.string(),
    afdeling: z.string().nullable(),
    organisatie: z.object({ code: z.string(), naam: z.string(), type: organisatieTypeSchema }),
    rolniveau: z.enum(rolniveaus),
    expertisegebieden: z.array(z.object({ code: z.string(), naam: z.string() })),
    trefwoorden: z.array(z.string()),
    werkgebied: z.array(z.string()),
    email: z.string(),
    telefoon: z.string().nullable(),
    bereikbaarheid: z.string().nullable(),
    overMij: z.string().nullable(),
    zichtbaarheid: z.enum(zichtbaarheden),
    escalatiecontact: z.boolean(),
    afwezigTot: z.string().nullable().meta({ format: 'date' }),
    status: z.enum(statussen),
    verificatie: z.object({
      status: z.enum(['geldig', 'verlopen', 'ontbreekt']),
      geverifieerdOp: z.iso.datetime().nullable(),
      verlooptOp: z.iso.datetime().nullable(),
    }),
    bevestiging: z.object({
      status: z.enum(['actueel', 'verlopen']),
      bevestigdOp: z.iso.datetime(),
      verlooptOp: z.iso.datetime(),
    }),
    vindbaar: z.boolean().describe('Actief en bevestigd: verschijnt in zoekresultaten.'),
    geclaimd: z.boolean().describe('Heeft een eigenaar die de vermelding zelf bijhoudt.'),
    versie: z.number().int(),
    aangemaaktOp: z.iso.datetime(),
    gewijzigdOp: z.iso.datetime(),
  })
  .meta({ id: 'Professional' });

export type ProfessionalView = z.infer<typeof professionalSchema>;
