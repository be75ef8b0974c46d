import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rollen, type Roltoewijzing } from '../../db/schema/index.js';
import { API_PREFIX } from '../http/api-version.js';
import { auditContext } from '../http/request-context.js';
import { organisatieCode } from '../organisaties/schemas.js';
import { principalOf } from '../plugins/authentication.js';
import { getRole, grantRole, listRoles, revokeRoleById } from './service.js';

const roltoewijzingSchema = z
  .object({
    id: z.uuid(),
    uitgever: z.string().describe('De identiteitsaanbieder van de persoon (iss).'),
    subject: z.string().describe('De persoon bij die identiteitsaanbieder (sub).'),
    rol: z.enum(rollen),
    organisatie: z.string().nullable().describe('Bij coordinator: de organisatie.'),
    toegekendDoor: z.string(),
    toegekendOp: z.iso.datetime(),
  })
  .meta({ id: 'Roltoewijzing' });

const toView = (row: Roltoewijzing) => ({
  id: row.id,
  uitgever: row.issuer,
  subject: row.subject,
  rol: row.rol,
  organisatie: row.organisatieCode,
  toegekendDoor: row.toegekendDoor,
  toegekendOp: row.toegekendOp.toISOString(),
});

const tags = ['Roltoewijzingen'];
const security = [{ bearerAuth: [] }];

const roltoewijzingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/roltoewijzingen',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        operationId: 'lijstRoltoewijzingen',
        summary: 'Roltoewijzingen',
        description: 'Beheerders zien alle toewijzingen; coördinatoren die van hun eigen organisatie.',
        querystring: z.object({ rol: z.enum(rollen).optional(), organisatie: organisatieCode.optional() }).strict(),
        response: { 200: z.object({ resultaten: z.array(roltoewijzingSchema), totaal: z.number().int() }).meta({ id: 'RoltoewijzingLijst' }), 403: z.any().describe('Geen beheerder of coördinator.') },
      },
    },
    async (request) => {
      const rows = await listRoles(app.db, principalOf(request), request.query);
      return { resultaten: rows.map(toView), totaal: rows.length };
    },
  );

  app.get(
    '/roltoewijzingen/:id',
    {
      preHandler: app.authenticate,
      schema: { tags, security, operationId: 'raadpleegRoltoewijzing', summary: 'Eén roltoewijzing', params: z.object({ id: z.uuid() }), response: { 200: roltoewijzingSchema, 404: z.any().describe('Niet gevonden.') } },
    },
    async (request) => toView(await getRole(app.db, request.params.id, principalOf(request))),
  );

  app.post(
    '/roltoewijzingen',
    {
      preHandler: app.authenticate,
      config: { openapiResponseHeaders: { 201: { Location: { type: 'string', description: 'Adres van de toewijzing.' } } } },
      schema: {
        tags,
        security,
        operationId: 'kenRolToe',
        summary: 'Rol toekennen',
        description: 'Beheerders kennen elke rol toe; een coördinator benoemt andere coördinatoren van zijn eigen organisatie. Zonder uitgever geldt die van jouw token.',
        body: z
          .object({
            uitgever: z.string().min(1).max(300).optional(),
            subject: z.string().min(1).max(300),
            rol: z.enum(rollen),
            organisatie: organisatieCode.optional(),
          })
          .strict()
          .meta({ id: 'RoltoewijzingNieuw' }),
        response: { 200: roltoewijzingSchema.describe('Bestond al.'), 201: roltoewijzingSchema, 403: z.any().describe('Je mag deze rol niet toekennen.') },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { toewijzing, nieuw } = await grantRole(
        app.db,
        { issuer: request.body.uitgever ?? principal.issuer, subject: request.body.subject, rol: request.body.rol, organisatie: request.body.organisatie },
        auditContext(request),
        principal,
      );
      return reply
        .code(nieuw ? 201 : 200)
        .header('Location', `${API_PREFIX}/roltoewijzingen/${toewijzing.id}`)
        .send(toView(toewijzing));
    },
  );

  app.delete(
    '/roltoewijzingen/:id',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        operationId: 'trekRolIn',
        summary: 'Rol intrekken',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null().describe('Ingetrokken.'), 403: z.any().describe('Je mag deze rol niet intrekken.'), 404: z.any().describe('Niet gevonden.'), 409: z.any().describe('De laatste beheerder.') },
      },
    },
    async (request, reply) => {
      await revokeRoleById(app.db, request.params.id, auditContext(request), principalOf(request));
      return reply.code(204).send(null);
    },
  );
};

export default roltoewijzingRoutes;
