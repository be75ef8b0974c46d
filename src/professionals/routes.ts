import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_PREFIX } from '../http/api-version.js';
import { etagFor, etagHeaders, expectedVersion } from '../http/etag.js';
import { paginationHeaders, paginationLinks, paginationQuery } from '../http/pagination.js';
import { serviceContext } from '../http/request-context.js';
import { requestUrl } from '../http/request-url.js';
import { organisatieCode } from '../organisaties/schemas.js';
import type { FastifyRequest } from 'fastify';
import { InvalidInputError } from '../domain-errors.js';
import { checkEntryInput } from './entry-input.js';
import { listOrganisationEntries, organisationListRules, organisationListSorts } from './organisation-list.js';
import { professionalCreateSchema, professionalId, professionalPatchSchema, professionalSchema } from './schemas.js';
import {
  claimProfessional,
  confirmProfessional,
  createProfessional,
  deleteProfessional,
  getProfessional,
  updateProfessional,
  verifyProfessional,
} from './service.js';

const tags = ['Professionals'];
const security = [{ bearerAuth: [] }];
const idParams = z.object({ id: professionalId });
const notFound = z.any().describe('Er is geen vermelding met deze id, of je mag haar niet zien.');
const forbidden = z.any().describe('Je mag dit niet met deze vermelding.');

const professionalRoutes: FastifyPluginAsyncZod = async (app) => {
  /**
   * A body the schema refuses is answered with every faulty field at once, the register's references included
   * (entry-input.ts); the routes attach validation instead of throwing it so that this can happen. Other validation
   * (path, headers) is thrown on as it came.
   */
  async function refuseBody(request: FastifyRequest, schema: typeof professionalCreateSchema | typeof professionalPatchSchema, kept?: readonly string[]): Promise<never> {
    const error = request.validationError!;
    if (error.validationContext !== 'body') throw error;
    const check = await checkEntryInput(app.db, schema, request.body, { kept });
    if (check.ok) throw error;
    throw new InvalidInputError(check.fields, `Ongeldige body: ${[...new Set(check.fields.map((f) => f.name))].join(', ')}.`);
  }

  app.post(
    '/professionals',
    {
      preHandler: app.authenticate,
      attachValidation: true,
      config: { openapiResponseHeaders: { 201: { ...etagHeaders, Location: { type: 'string', description: 'Adres van de nieuwe vermelding.' } } } },
      schema: {
        tags,
        security,
        operationId: 'maakProfessional',
        summary: 'Vermelding maken',
        description:
          'Een professional maakt zijn eigen vermelding (voor de organisatie uit het token). Een coördinator maakt vermeldingen van personen en teams van zijn organisatie; die claimt de persoon later.',
        body: professionalCreateSchema,
        response: { 201: professionalSchema, 403: forbidden, 409: z.any().describe('E-mailadres al in gebruik, of je hebt al een vermelding.') },
      },
    },
    async (request, reply) => {
      if (request.validationError) return refuseBody(request, professionalCreateSchema);
      const view = await createProfessional(serviceContext(app, request), request.body);
      return reply.code(201).header('Location', `${API_PREFIX}/professionals/${view.id}`).header('ETag', etagFor(view.versie)).send(view);
    },
  );

  app.get(
    '/professionals/:id',
    {
      preHandler: app.authenticate,
      config: { openapiResponseHeaders: { 200: etagHeaders } },
      schema: { tags, security, operationId: 'raadpleegProfessional', summary: 'Eén vermelding', params: idParams, response: { 200: professionalSchema, 404: notFound } },
    },
    async (request, reply) => {
      const view = await getProfessional(serviceContext(app, request), request.params.id);
      return reply.header('ETag', etagFor(view.versie)).send(view);
    },
  );

  app.patch(
    '/professionals/:id',
    {
      preHandler: app.authenticate,
      attachValidation: true,
      config: { openapiResponseHeaders: { 200: etagHeaders } },
      schema: {
        tags,
        security,
        operationId: 'wijzigProfessional',
        summary: 'Vermelding wijzigen',
        description: 'Alleen de meegestuurde velden veranderen. Vereist If-Match met de ETag van de laatste GET (428 zonder, 412 bij een verouderde versie).',
        params: idParams,
        headers: z.object({ 'if-match': z.string().optional().describe('De ETag van de versie die je wijzigt.') }),
        body: professionalPatchSchema,
        response: {
          200: professionalSchema,
          403: forbidden,
          404: notFound,
          409: z.any().describe('E-mailadres al in gebruik bij deze organisatie.'),
          412: z.any().describe('De vermelding is intussen gewijzigd.'),
          428: z.any().describe('If-Match ontbreekt.'),
        },
      },
    },
    async (request, reply) => {
      if (request.validationError) {
        const kept = request.validationError.validationContext === 'body' ? (await getProfessional(serviceContext(app, request), request.params.id)).werkgebied : [];
        return refuseBody(request, professionalPatchSchema, kept);
      }
      const version = expectedVersion(request);
      const view = await updateProfessional(serviceContext(app, request), request.params.id, version, request.body);
      return reply.header('ETag', etagFor(view.versie)).send(view);
    },
  );

  app.delete(
    '/professionals/:id',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        operationId: 'verwijderProfessional',
        summary: 'Vermelding verwijderen',
        description: 'Verwijdert de vermelding echt: uit de database en uit de zoekindex. Het auditlog bewaart alleen het feit.',
        params: idParams,
        response: { 204: z.null().describe('Verwijderd.'), 403: forbidden, 404: notFound },
      },
    },
    async (request, reply) => {
      await deleteProfessional(serviceContext(app, request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  const action = (path: string, operationId: string, summary: string, description: string, handler: typeof confirmProfessional) =>
    app.post(
      `/professionals/:id/${path}`,
      {
        preHandler: app.authenticate,
        config: { openapiResponseHeaders: { 200: etagHeaders } },
        schema: { tags, security, operationId, summary, description, params: idParams, response: { 200: professionalSchema, 403: forbidden, 404: notFound } },
      },
      async (request, reply) => {
        const view = await handler(serviceContext(app, request), request.params.id);
        return reply.header('ETag', etagFor(view.versie)).send(view);
      },
    );
  action('bevestiging', 'bevestigProfessional', 'Bevestigen: nog actueel', 'De eigenaar bevestigt dat de vermelding klopt; de bevestigingstermijn begint opnieuw.', confirmProfessional);
  action('verificatie', 'verifieerProfessional', 'Verifiëren', 'Een coördinator van de organisatie bevestigt dat de vermelding juist is. Niet voor je eigen vermelding.', verifyProfessional);
  action(
    'claim',
    'claimProfessional',
    'Vermelding claimen',
    'Een aangemelde persoon wordt eigenaar van de vermelding die de coördinator voor hem maakte, als het werk-e-mailadres overeenkomt.',
    claimProfessional,
  );

  app.get(
    '/organisaties/:code/professionals',
    {
      preHandler: app.authenticate,
      config: { openapiResponseHeaders: { 200: paginationHeaders } },
      schema: {
        tags,
        security,
        operationId: 'lijstProfessionalsVanOrganisatie',
        summary: 'Alle vermeldingen van een organisatie (coördinatoren)',
        description: 'Ook inactieve en verlopen vermeldingen. Filters voor het onderhoud: verificatie ontbreekt of verlopen, bevestiging verlopen of binnenkort, nog niet geclaimd.',
        params: z.object({ code: organisatieCode }),
        querystring: z
          .object({
            verificatie: z.enum(['verlopen', 'ontbreekt']).optional(),
            bevestiging: z.enum(['verlopen', 'binnenkort']).optional().describe('verlopen: niet meer vindbaar; binnenkort: verloopt binnen de eerste herinneringstermijn (HERINNERING_DAGEN).'),
            geclaimd: z.enum(['ja', 'nee']).optional().describe('nee: persoonsvermeldingen zonder eigenaar.'),
            status: z.enum(['actief', 'inactief']).optional(),
            soort: z.enum(['persoon', 'team']).optional(),
            zoekterm: z.string().trim().max(100).optional().describe('Woorden in naam, functie, afdeling of e-mailadres.'),
            sortering: z.enum(organisationListSorts).optional().describe('Sorteerveld; met - ervoor aflopend. Standaard naam.'),
            ...paginationQuery,
          })
          .strict(),
        response: {
          200: z
            .object({ resultaten: z.array(professionalSchema), totaal: z.number().int(), pagina: z.number().int(), paginaGrootte: z.number().int() })
            .meta({ id: 'ProfessionalLijst' }),
          403: forbidden,
        },
      },
    },
    async (request, reply) => {
      const result = await listOrganisationEntries(serviceContext(app, request), request.params.code, request.query, organisationListRules(app.config));
      const { pagina, paginaGrootte } = request.query;
      reply.header('Link', paginationLinks(requestUrl(request), pagina, paginaGrootte, result.totaal));
      return { ...result, pagina, paginaGrootte };
    },
  );
};

export default professionalRoutes;
