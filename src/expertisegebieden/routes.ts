import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expertisegebiedCode, expertisegebiedListQuery, expertisegebiedListSchema, expertisegebiedSchema } from './schemas.js';
import { getExpertisegebied, listExpertisegebieden } from './service.js';

const expertisegebiedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/expertisegebieden',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['Expertisegebieden'],
        operationId: 'lijstExpertisegebieden',
        summary: 'De expertisegebieden',
        description: 'De hele actieve taxonomie in vaste volgorde, met synoniemen en het bredere gebied (parent).',
        security: [{ bearerAuth: [] }],
        querystring: expertisegebiedListQuery,
        response: { 200: expertisegebiedListSchema },
      },
    },
    async (request) => listExpertisegebieden(app.db, request.query),
  );

  app.get(
    '/expertisegebieden/:code',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['Expertisegebieden'],
        operationId: 'raadpleegExpertisegebied',
        summary: 'Eén expertisegebied raadplegen',
        security: [{ bearerAuth: [] }],
        params: z.object({ code: expertisegebiedCode }),
        response: { 200: expertisegebiedSchema, 404: z.any().describe('Er is geen expertisegebied met deze code.') },
      },
    },
    async (request) => getExpertisegebied(app.db, request.params.code),
  );
};

export default expertisegebiedRoutes;
