import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { storableDateTime } from '../http/storable.js';
import { paginationHeaders, paginationLinks, paginationQuery } from '../http/pagination.js';
import { serviceContext } from '../http/request-context.js';
import { requestUrl } from '../http/request-url.js';
import { organisatieCode } from '../organisaties/schemas.js';
import { principalOf } from '../plugins/authentication.js';
import { unmetSearches } from './unmet-searches.js';
import { organisatieTypes } from '../../db/schema/index.js';
import { expertisegebiedCode } from '../expertisegebieden/schemas.js';
import { repeatable } from '../http/pagination.js';
import { sendCompressedOnce } from '../http/compressed-once.js';
import { coverage, coverageCsv, coverageJson } from './coverage.js';

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
          'Waar het register tekortschiet: zoekvragen die niemand opleverden, gegroepeerd, vaakst gesteld eerst. Coördinatoren zien die van hun eigen organisatie; beheerders en de PMM-desk alle. Zonder persoonsgegevens: alleen de genormaliseerde zoekwoorden, filters en organisatie; namen van personen (woorden uit namen in het register) en lange nummers staan er als [naam] en [nummer].',
        querystring: z
          .object({
            organisatie: organisatieCode.optional().describe('Alleen zoekvragen vanuit deze organisatie.'),
            van: storableDateTime({ offset: true }).optional().describe('Vanaf (standaard: 30 dagen geleden).'),
            tot: storableDateTime({ offset: true }).optional(),
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

  const telling = z.object({ actueel: z.number().int(), geverifieerd: z.number().int() });
  app.get(
    '/inzichten/dekking',
    {
      preHandler: app.authenticate,
      // Per signed-in person, after authentication: a coordinator behind a shared proxy address is not limited by
      // colleagues, and one person cannot have the coverage report computed in a loop.
      // The report is about 1 MB of JSON at 600 organisations; its shape is the service's own type, so the service
      // serialises it (once per computed report, coverage-cache.ts) instead of it being validated field by field
      // against the documented schema first (which doubled the route's time at 100,000 entries). The schema still
      // documents it; test/dekking.test.ts checks it.
      serializerCompiler: () => (data: unknown) => JSON.stringify(data),
      config: {
        rateLimit: {
          hook: 'preHandler',
          max: app.config.rateLimit.dekking,
          timeWindow: app.config.rateLimit.timeWindow,
          groupId: 'dekking',
          keyGenerator: (request) => {
            const principal = principalOf(request);
            return `${principal.issuer} ${principal.subject}`;
          },
        },
      },
      schema: {
        tags: ['Inzichten'],
        security: [{ bearerAuth: [] }],
        operationId: 'dekking',
        summary: 'Dekking per organisatie en expertisegebied',
        description:
          'Per organisatie het aantal actuele en geverifieerde vermeldingen, ook per expertisegebied (inclusief onderliggende gebieden), en de organisaties zonder enig actueel contact. Met Accept: text/csv dezelfde cijfers als CSV (puntkomma-gescheiden). Begrensd per persoon (standaard 30 keer per minuut); daarboven 429 met Retry-After.',
        querystring: z
          .object({
            type: repeatable(z.enum(organisatieTypes)).describe('Alleen organisaties van dit type.'),
            provincie: repeatable(z.string().min(2).max(40)).describe('Alleen organisaties in deze provincie.'),
            expertisegebied: repeatable(expertisegebiedCode).describe('Alleen deze expertisegebieden uitsplitsen.'),
          })
          .strict(),
        response: {
          200: z
            .object({
              organisaties: z.array(
                z.object({
                  code: z.string(),
                  naam: z.string(),
                  type: z.enum(organisatieTypes),
                  provincie: z.string().nullable(),
                  ...telling.shape,
                  perExpertisegebied: z.array(z.object({ code: z.string(), naam: z.string(), ...telling.shape })),
                }),
              ),
              zonderContact: z.array(z.object({ code: z.string(), naam: z.string(), type: z.enum(organisatieTypes), provincie: z.string().nullable() })),
              totaal: z.number().int(),
            })
            .meta({ id: 'Dekking' }),
          403: z.any().describe('Niet voor jouw rol.'),
        },
      },
    },
    async (request, reply) => {
      const context = serviceContext(app, request);
      const accept = request.headers.accept ?? '';
      if (accept.includes('text/csv') && !/json/.test(accept.split(',')[0] ?? '')) {
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', 'attachment; filename="maatwerkregister-dekking.csv"')
          .serializer((payload: unknown) => payload as string)
          .send(coverageCsv((await coverage(context, request.query)).organisaties));
      }
      reply.type('application/json; charset=utf-8').serializer((payload: unknown) => payload as string);
      return sendCompressedOnce(request, reply, await coverageJson(context, request.query));
    },
  );
};

export default inzichtRoutes;
