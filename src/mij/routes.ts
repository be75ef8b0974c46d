import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rollen } from '../../db/schema/index.js';
import { principalOf } from '../plugins/authentication.js';
import { organisatieSchema } from '../organisaties/schemas.js';
import { getOrganisatie } from '../organisaties/service.js';

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
};

export default mijRoutes;
