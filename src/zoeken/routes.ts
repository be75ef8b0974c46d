import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { paginationHeaders, paginationLinks } from '../http/pagination.js';
import { requestUrl } from '../http/request-url.js';
import { principalOf } from '../plugins/authentication.js';
import { zoekAntwoordSchema, zoekQuerySchema } from './schemas.js';
import { searchProfessionals } from './service.js';

const zoekRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/professionals',
    {
      preHandler: app.authenticate,
      config: { openapiResponseHeaders: { 200: paginationHeaders } },
      schema: {
        tags: ['Zoeken'],
        security: [{ bearerAuth: [] }],
        operationId: 'zoekProfessionals',
        summary: 'Professionals zoeken',
        description: [
          'Zoekt op naam, expertise (met synoniemen en afkortingen: Pw, Wmo, BVV), functie, organisatie, trefwoorden en "over mij",',
          'met Nederlandse woordvormen, zonder onderscheid in accenten, met tikfouten en half getypte woorden.',
          'Filters mogen herhaald worden (OF binnen een filter, EN tussen filters). Alleen actuele vermeldingen die jij mag zien.',
        ].join(' '),
        querystring: zoekQuerySchema,
        response: { 200: zoekAntwoordSchema },
      },
    },
    async (request, reply) => {
      const answer = await searchProfessionals({ db: app.db, engine: app.searchEngine, config: app.config, searchLog: app.searchLog, log: (error) => request.log.warn({ err: error }, 'search log write failed') }, principalOf(request), request.query);
      reply.header('Link', paginationLinks(requestUrl(request), answer.pagina, answer.paginaGrootte, answer.bladerbaar));
      // The hottest route: its answer is built by our own code to the schema (tests check the shape), so it skips the
      // schema-walking serializer and is written with plain JSON.stringify.
      return reply.serializer(JSON.stringify).send(answer);
    },
  );
};

export default zoekRoutes;
