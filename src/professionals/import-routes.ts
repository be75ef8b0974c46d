import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendProblem } from '../plugins/problem-details.js';
import { serviceContext } from '../http/request-context.js';
import { organisatieCode } from '../organisaties/schemas.js';
import { importColumns, requiredColumns } from './csv-import.js';
import { importEntries } from './import.js';
import { createImportJob, getImportJob, isLargeImport } from './import-jobs.js';

const foutSchema = z.object({ regel: z.number().int(), veld: z.string(), melding: z.string() });

const importReportSchema = z
  .object({
    proefrun: z.boolean(),
    aangemaakt: z.number().int(),
    bijgewerkt: z.number().int(),
    ongewijzigd: z.number().int(),
    fouten: z.array(foutSchema),
  })
  .meta({ id: 'ImportRapport' });

const importtaakSchema = z
  .object({
    id: z.uuid(),
    organisatie: z.string(),
    status: z.enum(['wachtend', 'bezig', 'klaar', 'mislukt']).describe('klaar: zie rapport (bij fouten is niets geïmporteerd); mislukt: zie foutmelding, er is niets geïmporteerd.'),
    proefrun: z.boolean(),
    voortgang: z.object({ fase: z.string(), verwerkt: z.number().int(), totaal: z.number().int(), procent: z.number().int() }),
    rapport: importReportSchema.nullable(),
    foutmelding: z.string().nullable(),
    aangemaaktOp: z.string(),
    klaarOp: z.string().nullable(),
  })
  .meta({ id: 'Importtaak' });

const jobLocation = (code: string, id: string) => `/api/v1/organisaties/${code}/importen/${id}`;

const importRoutes: FastifyPluginAsyncZod = async (app) => {
  // CSV bodies only here, and larger than the API's default limit.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: app.config.importBodyLimit }, (_request, body, done) => done(null, body));

  app.post(
    '/organisaties/:code/importen',
    {
      preHandler: app.authenticate,
      bodyLimit: app.config.importBodyLimit,
      // A large file takes longer to send and to check than other requests.
      handlerTimeout: app.config.timeouts.importMs,
      schema: {
        tags: ['Professionals'],
        security: [{ bearerAuth: [] }],
        operationId: 'importeerProfessionals',
        summary: 'Vermeldingen importeren uit CSV (coördinatoren)',
        description: [
          'Body: CSV (Content-Type text/csv, UTF-8). De kopregel bevat veldnamen van de API:',
          `${importColumns.join(', ')}. Verplicht: ${requiredColumns.join(', ')}.`,
          'De organisatie volgt uit het adres. Meerdere waarden (expertisegebieden, trefwoorden, werkgebied) scheid je met `;`.',
          'Scheidingsteken komma of puntkomma. Rijen worden op werk-e-mailadres gekoppeld aan bestaande vermeldingen.',
          'Alles of niets: bij één foute regel wordt niets toegepast (400) en staan alle fouten in `fouten`.',
          'Met `proefrun=true` zie je het resultaat zonder dat er iets verandert.',
          `Een bestand van meer dan ${app.config.importJobRows} regels wordt een importtaak: het antwoord is dan 202 met een`,
          '`Location` naar de taak (status, voortgang en rapport); volg die tot de status klaar of mislukt is.',
        ].join(' '),
        consumes: ['text/csv'],
        params: z.object({ code: organisatieCode }),
        querystring: z.object({ proefrun: z.enum(['true', 'false']).default('false').describe('Alleen controleren en tellen.') }).strict(),
        body: z.string().describe('De CSV.'),
        response: {
          200: importReportSchema,
          202: importtaakSchema.describe('Groot bestand: de import loopt als taak; zie de header Location.'),
          403: z.any().describe('Geen coördinator van deze organisatie.'),
          404: z.any().describe('Onbekende organisatie.'),
          413: z.any().describe('Het bestand is te groot.'),
          415: z.any().describe('Stuur de CSV als text/csv.'),
        },
      },
    },
    async (request, reply) => {
      const proefrun = request.query.proefrun === 'true';
      if (isLargeImport(request.body, app.config.importJobRows)) {
        const job = await createImportJob(serviceContext(app, request), request.params.code, request.body, proefrun);
        app.kickImportJobs();
        return reply.code(202).header('Location', jobLocation(request.params.code, job.id)).header('Retry-After', '2').send(job);
      }
      const report = await importEntries(serviceContext(app, request), request.params.code, request.body, request.query.proefrun === 'true');
      if (report.fouten.length > 0) {
        const regels = new Set(report.fouten.map((f) => f.regel)).size;
        return sendProblem(reply, {
          title: 'Ongeldige invoer',
          status: 400,
          detail: `${regels} ${regels === 1 ? 'regel bevat' : 'regels bevatten'} fouten; er is niets geïmporteerd.`,
          invalidParams: report.fouten.slice(0, 100).map((f) => ({ name: `regel ${f.regel}: ${f.veld}`, code: 'invalid', reason: f.melding })),
          ...report,
        });
      }
      return report;
    },
  );

  app.get(
    '/organisaties/:code/importen/:id',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['Professionals'],
        security: [{ bearerAuth: [] }],
        operationId: 'haalImporttaakOp',
        summary: 'Een importtaak: status, voortgang en rapport (coördinatoren)',
        params: z.object({ code: organisatieCode, id: z.uuid() }),
        response: { 200: importtaakSchema, 404: z.any().describe('Onbekende taak, of niet van jouw organisatie.') },
      },
    },
    async (request, reply) => {
      const job = await getImportJob(serviceContext(app, request), request.params.code, request.params.id);
      if (job.status === 'wachtend' || job.status === 'bezig') reply.header('Retry-After', '2');
      return job;
    },
  );
};

export default importRoutes;
