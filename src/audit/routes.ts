import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { storableDateTime } from '../http/storable.js';
import { paginationHeaders, paginationLinks, paginationQuery } from '../http/pagination.js';
import { requestUrl } from '../http/request-url.js';
import { principalOf } from '../plugins/authentication.js';
import { listAudit } from './service.js';

export const auditRegelSchema = z
  .object({
    volgnummer: z.number().int().describe('Plaats in de hash-keten.'),
    tijdstip: z.iso.datetime(),
    actie: z.string().describe('Bijvoorbeeld professional.gewijzigd of rol.toegekend.'),
    objectType: z.string(),
    objectId: z.string().nullable(),
    resultaat: z.enum(['gelukt', 'geweigerd']),
    herkomst: z.string().describe('Kanaal en kenmerk van het verzoek (api:<id>, cli, retentie).'),
    actor: z.object({ uitgever: z.string().nullable(), subject: z.string() }).nullable(),
    details: z.record(z.string(), z.unknown()),
    hash: z.string(),
  })
  .meta({ id: 'AuditRegel' });

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/auditlog',
    {
      preHandler: app.authenticate,
      config: { openapiResponseHeaders: { 200: paginationHeaders } },
      schema: {
        tags: ['Auditlog'],
        security: [{ bearerAuth: [] }],
        operationId: 'raadpleegAuditlog',
        summary: 'Het auditlog (beheerders)',
        description: 'Elke wijziging en elke PMM-routering, nieuwste eerst. Bevat alleen kenmerken, geen namen of contactgegevens.',
        querystring: z
          .object({
            actie: z.string().max(60).optional(),
            objectType: z.string().max(40).optional(),
            objectId: z.string().max(100).optional(),
            actor: z.string().max(300).optional().describe('Het subject van wie handelde.'),
            van: storableDateTime({ offset: true }).optional().describe('Vanaf dit tijdstip.'),
            tot: storableDateTime({ offset: true }).optional().describe('Tot en met dit tijdstip.'),
            ...paginationQuery,
          })
          .strict(),
        response: {
          200: z
            .object({ resultaten: z.array(auditRegelSchema), totaal: z.number().int(), pagina: z.number().int(), paginaGrootte: z.number().int() })
            .meta({ id: 'AuditRegelLijst' }),
          403: z.any().describe('Alleen voor beheerders.'),
        },
      },
    },
    async (request, reply) => {
      const result = await listAudit(app.db, principalOf(request), request.query);
      const { pagina, paginaGrootte } = request.query;
      reply.header('Link', paginationLinks(requestUrl(request), pagina, paginaGrootte, result.totaal));
      return { ...result, pagina, paginaGrootte };
    },
  );
};

export default auditRoutes;
