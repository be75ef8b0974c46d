import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { API_PREFIX, API_VERSION } from '../http/api-version.js';
import { applyApiConventions } from '../http/openapi-conventions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Response headers per status code, for the OpenAPI document. */
    openapiResponseHeaders?: Record<number, Record<string, object>>;
  }
}

/**
 * The OpenAPI 3 document, generated from the routes' zod schemas (one source of truth), completed with the
 * conventions of the NL API Design Rules, and served publicly at /api/v1/openapi.json.
 */

export const openapiTags = [
  { name: 'Organisaties', description: 'Nederlandse overheidsorganisaties, met TOOI-code en OIN.' },
  { name: 'Expertisegebieden', description: 'De vaste lijst van expertisegebieden (beleidsdomeinen, wetten, thema’s, methoden en bouwstenen van maatwerk).' },
  { name: 'Aangemelde gebruiker', description: 'Wie je bent volgens je token, je rollen, en alles wat het register over je bewaart.' },
  { name: 'Roltoewijzingen', description: 'Wie beheerder, coördinator (van welke organisatie) of PMM-medewerker is.' },
  { name: 'Casusroutering', description: 'Voor de PMM-desk: per betrokken organisatie het juiste contact voor een casus.' },
  { name: 'Inzichten', description: 'Waar het register tekortschiet: zoekvragen zonder resultaat en dekking per organisatie.' },
  { name: 'Auditlog', description: 'Het onveranderlijke logboek van wijzigingen (BIO), voor beheerders.' },
  { name: 'Zoeken', description: 'De juiste collega vinden: op expertise, organisatie, rolniveau en provincie.' },
  { name: 'Professionals', description: 'Vermeldingen van personen en teams: maken, bijhouden, bevestigen, verifiëren en claimen.' },
];

export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Maatwerkregister API',
          version: API_VERSION,
          description:
            'Het Maatwerkregister helpt professionals van gemeenten, uitvoeringsorganisaties en ministeries om bij een andere organisatie de juiste collega te vinden voor maatwerk: op expertise, organisatie en rolniveau. Alleen aangemelde professionals hebben toegang; het register bevat uitsluitend werkgegevens en nooit gegevens van inwoners.',
          contact: { name: 'Beheer Maatwerkregister', url: 'https://github.com/maatwerkregister/maatwerkregister', email: 'beheer@maatwerkregister.nl' },
          license: { name: 'EUPL-1.2', url: 'https://eupl.eu/1.2/nl/' },
        },
        servers: [{ url: API_PREFIX, description: 'Deze omgeving' }],
        tags: openapiTags,
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Een token van een vertrouwde identiteitsaanbieder van je organisatie.' },
          },
        },
      },
      transform: (input) => {
        if (!input.url.startsWith(API_PREFIX) || input.url === `${API_PREFIX}/openapi.json`) {
          return { schema: { ...input.schema, hide: true }, url: input.url };
        }
        // The transformed route schema is plain JSON Schema, completed here rather than typed node by node. (tsc and
        // typescript-eslint read this plugin's declarations differently, hence the assertions the linter calls needless.)
        /* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unnecessary-type-assertion, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access */
        const result = jsonSchemaTransform(input) as { schema: Record<string, any>; url: string };
        // Response headers (Link, Location, ETag) are declared in route config, next to the code that sets them.
        const headers = (input.route?.config as { openapiResponseHeaders?: Record<number, object> } | undefined)?.openapiResponseHeaders;
        for (const [status, declared] of Object.entries(headers ?? {})) {
          const response = result.schema.response?.[status];
          if (response) response.headers = { ...response.headers, ...declared };
        }
        return result;
      },
      transformObject: (input) => {
        const document = jsonSchemaTransformObject(input) as Parameters<typeof applyApiConventions>[0];
        return applyApiConventions(document, { prefix: API_PREFIX }) as never;
        /* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unnecessary-type-assertion, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access */
      },
    });

    app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) => {
      reply.header('Access-Control-Allow-Origin', '*');
      reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
      reply.header('Cache-Control', 'public, max-age=300');
      return reply.type('application/json; charset=utf-8').send(app.swagger());
    });
  },
  { name: 'openapi' },
);

