import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paginationHeaders, paginationLinks, paginationQuery } from '../http/pagination.js';
import { requestUrl } from '../http/request-url.js';
import { organisatieCode } from '../organisaties/schemas.js';
import { principalOf } from '../plugins/authentication.js';
import { unmetSearches } from './unmet-searches.js';

const inzichtRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/inzichten/onbeantwoorde-zoekvragen',
    {
      preHandler: app.authenticate,
      config: { openapiResponseHeaders: { 200: paginationHeaders } },
      schema: {
        tags: ['Inzichten'],
        security: [{ bearerAuth: [] }],
        operationId: 'onbeantwoordeZoekvragen',
        summary: 'Zoekvragen zonder resultaat',
        description:
          'Waar het register tekortschiet: zoekvragen die niemand opleverden, gegroepeerd, vaakst gesteld eerst. Coördinatoren zien die van hun eigen organisatie; beheerders en de PMM-desk alle. Zonder persoonsgegevens: alleen de genormaliseerde zoekwoorden, filters en organisatie.',
        querystring: z
          .object({
            organisatie: organisatieCode.optional().describe('Alleen zoekvragen vanuit deze organisatie.'),
            van: z.iso.datetime({ offset: true }).optional().describe('Vanaf (standaard: 30 dagen geleden).'),
            tot: z.iso.datetime({ offset: true }).optional(),
            ...paginationQuery,
          })
          .strict(),
        response: {
          200: z
            .object({
              resultaten: z.array(
                z.object({
                  zoekterm: z.string(),
                  filters: z.record(z.string(), z.unknown()),
                  keren: z.number().int(),
                  organisaties: z.number().int().describe('Vanuit hoeveel organisaties gezocht.'),
                  laatstGezocht: z.iso.datetime(),
                }),
              ),
              totaal: z.number().int(),
              van: z.iso.datetime(),
              pagina: z.number().int(),
              paginaGrootte: z.number().int(),
            })
            .meta({ id: 'OnbeantwoordeZoekvragen' }),
          403: z.any().describe('Niet voor jouw rol.'),
        },
      },
    },
    async (request, reply) => {
      const result = await unmetSearches(app.db, principalOf(request), request.query);
      const { pagina, paginaGrootte } = request.query;
      reply.header('Link', paginationLinks(requestUrl(request), pagina, paginaGrootte, result.totaal));
      return { ...result, pagina, paginaGrootte };
    },
  );
};

export default inzichtRoutes;
