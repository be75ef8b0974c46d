import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paginationHeaders, paginationLinks } from '../http/pagination.js';
import { requestUrl } from '../http/request-url.js';
import { getOrganisatie, listOrganisaties } from './service.js';
import { organisatieCode, organisatieListQuery, organisatieListSchema, organisatieSchema } from './schemas.js';

const organisatieRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organisaties',
    {
      preHandler: app.authenticate,
      config: { openapiResponseHeaders: { 200: paginationHeaders } },
      schema: {
        tags: ['Organisaties'],
        operationId: 'zoekOrganisaties',
        summary: 'Organisaties zoeken en filteren',
        description: 'Actieve overheidsorganisaties, gefilterd op type, provincie en zoekterm, per pagina.',
        security: [{ bearerAuth: [] }],
        querystring: organisatieListQuery,
        response: { 200: organisatieListSchema.describe('Een pagina organisaties.') },
      },
    },
    async (request, reply) => {
      const { pagina, paginaGrootte } = request.query;
      const result = await listOrganisaties(app.db, request.query);
      reply.header('Link', paginationLinks(requestUrl(request), pagina, paginaGrootte, result.totaal));
      return { ...result, pagina, paginaGrootte };
    },
  );

  app.get(
    '/organisaties/:code',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['Organisaties'],
        operationId: 'raadpleegOrganisatie',
        summary: 'Eén organisatie raadplegen',
        description: 'Ook opgeheven organisaties zijn op code te raadplegen (met `actief: false`).',
        security: [{ bearerAuth: [] }],
        params: z.object({ code: organisatieCode }),
        response: { 200: organisatieSchema, 404: z.any().describe('Er is geen organisatie met deze code.') },
      },
    },
    async (request) => getOrganisatie(app.db, request.params.code),
  );
};

export default organisatieRoutes;
