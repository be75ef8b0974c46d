import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rollen } from '../../db/schema/index.js';
import { principalOf } from '../plugins/authentication.js';
import { organisatieSchema } from '../organisaties/schemas.js';
import { getOrganisatie } from '../organisaties/service.js';
import { auditRegelSchema } from '../audit/routes.js';
import { mailRecordSchema } from '../herinneringen/records.js';
import { serviceContext } from '../http/request-context.js';
import { professionalSchema } from '../professionals/schemas.js';
import { personalData } from './personal-data.js';

export const mijSchema = z
  .object({
    subject: z.string().describe('Je identificatie bij je identiteitsaanbieder (sub).'),
    uitgever: z.string().describe('De identiteitsaanbieder die het token uitgaf (iss).'),
    naam: z.string().nullable(),
    email: z.string().nullable(),
    organisatie: organisatieSchema,
    rollen: z.array(
      z.object({
        rol: z.enum(rollen),
        organisatie: z.string().nullable().describe('Bij coordinator: de organisatie die je coördineert.'),
      }),
    ),
  })
  .meta({ id: 'Mij' });

const mijRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mij',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['Aangemelde gebruiker'],
        operationId: 'raadpleegMij',
        summary: 'Wie ben ik',
        description: 'Wie je token zegt dat je bent, voor welke organisatie, en welke rollen het register je heeft gegeven.',
        security: [{ bearerAuth: [] }],
        response: { 200: mijSchema },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return {
        subject: principal.subject,
        uitgever: principal.issuer,
        naam: principal.naam,
        email: principal.email,
        organisatie: await getOrganisatie(app.db, principal.organisatie),
        rollen: principal.rollen,
      };
    },
  );

  app.get(
    '/mij/gegevens',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['Aangemelde gebruiker'],
        operationId: 'exporteerMijnGegevens',
        summary: 'Alles wat het register over mij bewaart',
        description:
          'Inzage en export (AVG): je eigen vermelding, vermeldingen met jouw werk-e-mailadres die je nog niet hebt geclaimd, je rollen, de auditregels over je vermelding of over wat jij deed, en welke mails het register je stuurde.',
        response: {
          200: z
            .object({
              persoon: z.object({ subject: z.string(), uitgever: z.string(), naam: z.string().nullable(), email: z.string().nullable(), organisatie: z.string() }),
              vermeldingen: z.array(
                professionalSchema.extend({
                  eigen: z.boolean().describe('Onwaar: gemaakt door je coördinator, nog niet geclaimd.'),
                  provisionering: z
                    .object({ gebruikersnaam: z.string().nullable(), externId: z.string().nullable() })
                    .nullable()
                    .describe('Wat het systeem van je organisatie (SCIM) bij de vermelding bewaart: je gebruikersnaam daar en zijn eigen id voor je.'),
                }),
              ),
              rollen: z.array(z.object({ rol: z.enum(rollen), organisatie: z.string().nullable() })),
              auditregels: z.array(auditRegelSchema),
              mails: z.array(mailRecordSchema).describe('De herinneringen en overzichten die het register je stuurde of over je vermelding verstuurde.'),
            })
            .meta({ id: 'MijnGegevens' }),
        },
      },
    },
    async (request, reply) => {
      reply.header('Content-Disposition', 'attachment; filename="maatwerkregister-mijn-gegevens.json"');
      return personalData(serviceContext(app, request));
    },
  );
};

export default mijRoutes;
