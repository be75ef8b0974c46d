import { z } from 'zod';
import { organisatieTypes } from '../../db/schema/index.js';
import { paginationQuery, repeatable } from '../http/pagination.js';

export const organisatieCode = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{1,79}$/, 'Een organisatiecode bestaat uit kleine letters, cijfers, - en _ (bijvoorbeeld gm0363).')
  .describe('De code van de organisatie: de TOOI-code (gm0363, zb000117, oorg10148) of een eigen code.');

export const organisatieTypeSchema = z.enum(organisatieTypes).describe('Soort overheidsorganisatie.');

export const organisatieSchema = z
  .object({
    code: organisatieCode,
    naam: z.string().describe('Gangbare naam, bijvoorbeeld "Amsterdam" of "Uitvoeringsinstituut Werknemersverzekeringen".'),
    officieleNaam: z.string().describe('Officiële naam, bijvoorbeeld "Gemeente Amsterdam".'),
    afkorting: z.string().nullable(),
    type: organisatieTypeSchema,
    tooiUri: z.string().nullable().describe('Identificatie in de TOOI-waardelijsten van KOOP.'),
    oin: z.string().nullable().describe('Organisatie-identificatienummer (Logius).'),
    provincie: z.string().nullable().describe('Provincie, bij gemeenten en provincies.'),
    ministerie: z
      .object({ code: organisatieCode, naam: z.string() })
      .nullable()
      .describe('Het verantwoordelijke ministerie, bij agentschappen, zbo’s en inspecties.'),
    actief: z.boolean().describe('Onwaar voor organisaties die zijn opgeheven of samengevoegd.'),
  })
  .meta({ id: 'Organisatie' });

export type OrganisatieView = z.infer<typeof organisatieSchema>;

export const organisatieListQuery = z
  .object({
    type: repeatable(organisatieTypeSchema).describe('Alleen organisaties van dit type; herhaal voor meerdere.'),
    provincie: repeatable(z.string().min(2).max(40)).describe('Alleen organisaties in deze provincie; herhaal voor meerdere.'),
    zoekterm: z.string().trim().min(1).max(100).optional().describe('Zoekt in naam, officiële naam en afkorting (hoofdletters en accenten maken niet uit).'),
    ...paginationQuery,
  })
  .strict();

export const organisatieListSchema = z
  .object({
    resultaten: z.array(organisatieSchema),
    totaal: z.number().int(),
    pagina: z.number().int(),
    paginaGrootte: z.number().int(),
  })
  .meta({ id: 'OrganisatieLijst' });
