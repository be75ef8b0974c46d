import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext } from '../http/request-context.js';
import { routeringAntwoordSchema, routeringVraagSchema } from './schemas.js';
import { routeCase } from './service.js';

const casusrouteringRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/casusroutering',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['Casusroutering'],
        security: [{ bearerAuth: [] }],
        operationId: 'routeerCasus',
        summary: 'Per organisatie het juiste contact voor een casus',
        description:
          'Voor de PMM-desk (en coördinatoren): per betrokken organisatie, in de gevraagde volgorde, tot drie actuele contacten voor de domeinen van de casus, met de reden. Afwezigen worden overgeslagen; het gevraagde niveau (of het dichtstbijzijnde daarboven) en escalatiecontacten gaan voor. Zonder passende persoon volgen de teamvermeldingen van de organisatie. Neemt geen gegevens van de inwoner aan; elke vraag komt in het auditlog.',
        body: routeringVraagSchema,
        response: { 200: routeringAntwoordSchema, 403: z.any().describe('Niet voor jouw rol.') },
      },
    },
    async (request) =>
      routeCase(serviceContext(app, request), request.body),
  );
};

export default casusrouteringRoutes;
