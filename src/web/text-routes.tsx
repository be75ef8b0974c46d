import type { FastifyInstance } from 'fastify';
import { PrivacyPagina, ToegankelijkheidPagina } from './pages/tekst.js';
import { sendPage } from './render.js';
import { optionalPrincipal } from './request-frame.js';

/** Statements anyone may read, signed in or not. */
export async function textRoutes(app: FastifyInstance) {
  app.get('/toegankelijkheid', async (request, reply) => {
    const principal = await optionalPrincipal(request, reply);
    return sendPage(reply, <ToegankelijkheidPagina principal={principal} csrfToken={reply.generateCsrf()} verklaringen={app.config.verklaringen} publicUrl={app.config.publicUrl} />);
  });
  app.get('/privacy', async (request, reply) => {
    const principal = await optionalPrincipal(request, reply);
    const { verklaringen, publicUrl, termijnen, zoeklogBewaarDagen } = app.config;
    return sendPage(
      reply,
      <PrivacyPagina principal={principal} csrfToken={reply.generateCsrf()} verklaringen={verklaringen} publicUrl={publicUrl} termijnen={termijnen} zoeklogBewaarDagen={zoeklogBewaarDagen} mailBewaarDagen={app.config.herinneringen.bewaarDagen} />,
    );
  });
}
