import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContextFor } from '../service-context.js';
import { SCIM_CONTENT_TYPE } from './constants.js';
import { listOf, resourceTypes, schemas, serviceProviderConfig } from './discovery.js';
import { ScimError, scimErrorFrom } from './errors.js';
import { idParams, listQuery, patchBody, scimUserBody } from './schemas.js';
import { createUser, deleteUser, getUser, listUsers, patchUser, replaceUser, type ScimContext } from './service.js';
import { clientOfToken, principalOfClient, type ScimClient } from './tokens.js';

/**
 * /scim/v2 (RFC 7644): provisioning by an organisation's HR or identity system, with a bearer token of that
 * organisation (tokens.ts). Its own error bodies and media type; everything else (rate limit, security headers,
 * request ids, the processing log) as for the API. Routes parse and answer; the work is in service.ts.
 */

declare module 'fastify' {
  interface FastifyRequest {
    scimClient: ScimClient | null;
  }
}

function send(reply: FastifyReply, status: number, body: unknown) {
  return reply.code(status).type(`${SCIM_CONTENT_TYPE}; charset=utf-8`).send(JSON.stringify(body));
}

/** `If-Match: W/"3"` → 3; `*` or no header → no expectation. A tag that is not one of ours can never match. */
function expectedVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!match) throw new ScimError(412, `If-Match "${header}" is geen versie van deze gebruiker.`);
  return Number(match[1]);
}

const scimPlugin: FastifyPluginAsyncZod = async (app) => {
  app.decorateRequest('scimClient', null);
  // SCIM clients send application/scim+json (RFC 7644 §3.1); plain JSON is accepted too.
  app.addContentTypeParser(SCIM_CONTENT_TYPE, { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  app.setErrorHandler((error, request, reply) => {
    const scimError = scimErrorFrom(error);
    if (scimError) return send(reply.headers(scimError.headers), scimError.status, scimError.toBody());
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, new ScimError(500, `Er ging iets mis. Vermeld bij contact met de beheerder het kenmerk ${request.id}.`).toBody());
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, new ScimError(404, `Er bestaat geen ${request.method}-route voor ${request.url.split('?')[0]}.`).toBody()),
  );

  const authenticate = async (request: FastifyRequest) => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const client = match ? await clientOfToken(app.db, match[1]!) : undefined;
    if (!client) throw new ScimError(401, match ? 'Het SCIM-token is onbekend of ingetrokken.' : 'Stuur een SCIM-token: Authorization: Bearer …', undefined, { 'WWW-Authenticate': 'Bearer realm="scim"' });
    request.scimClient = client;
  };

  const contextOf = (request: FastifyRequest): ScimContext => {
    const client = request.scimClient!;
    const principal = principalOfClient(client);
    return { service: serviceContextFor(app, principal, `scim:${request.id}`), organisatie: client.organisatie, baseUrl: app.config.publicUrl };
  };

  // Discovery describes the service, not anyone's data: public, as RFC 7644 §4 allows.
  app.get('/ServiceProviderConfig', async (_request, reply) => send(reply, 200, serviceProviderConfig));
  app.get('/Schemas', async (_request, reply) => send(reply, 200, listOf(schemas)));
  app.get('/Schemas/:id', { schema: { params: idParams } }, async (request, reply) => {
    const schema = schemas.find((s) => s.id === request.params.id);
    if (!schema) throw new ScimError(404, `Er is geen schema ${request.params.id}.`);
    return send(reply, 200, schema);
  });
  app.get('/ResourceTypes', async (_request, reply) => send(reply, 200, listOf(resourceTypes)));
  app.get('/ResourceTypes/:id', { schema: { params: idParams } }, async (request, reply) => {
    const type = resourceTypes.find((r) => r.id === request.params.id);
    if (!type) throw new ScimError(404, `Er is geen resourcetype ${request.params.id}.`);
    return send(reply, 200, type);
  });

  app.get('/Users', { preHandler: authenticate, schema: { querystring: listQuery } }, async (request, reply) =>
    send(reply, 200, await listUsers(contextOf(request), request.query)),
  );

  app.post('/Users', { preHandler: authenticate, schema: { body: scimUserBody } }, async (request, reply) => {
    const user = await createUser(contextOf(request), request.body);
    const meta = user.meta as { location: string; version: string };
    return send(reply.header('Location', meta.location).header('ETag', meta.version), 201, user);
  });

  app.get('/Users/:id', { preHandler: authenticate, schema: { params: idParams } }, async (request, reply) => {
    const user = await getUser(contextOf(request), request.params.id);
    const version = (user.meta as { version: string }).version;
    if (request.headers['if-none-match'] === version) return reply.code(304).header('ETag', version).send();
    return send(reply.header('ETag', version), 200, user);
  });

  app.put('/Users/:id', { preHandler: authenticate, schema: { params: idParams, body: scimUserBody } }, async (request, reply) => {
    const user = await replaceUser(contextOf(request), request.params.id, expectedVersion(request), request.body);
    return send(reply.header('ETag', (user.meta as { version: string }).version), 200, user);
  });

  app.patch('/Users/:id', { preHandler: authenticate, schema: { params: idParams, body: patchBody } }, async (request, reply) => {
    const user = await patchUser(contextOf(request), request.params.id, expectedVersion(request), request.body.Operations);
    return send(reply.header('ETag', (user.meta as { version: string }).version), 200, user);
  });

  app.delete('/Users/:id', { preHandler: authenticate, schema: { params: idParams } }, async (request, reply) => {
    await deleteUser(contextOf(request), request.params.id, expectedVersion(request));
    return reply.code(204).send();
  });
};

export default scimPlugin;

