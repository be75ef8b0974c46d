import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { ConflictError, fieldsOf, InvalidInputError } from '../domain-errors.js';
import { listExpertisegebieden } from '../expertisegebieden/service.js';
import type { InvalidParam } from '../http/problem.js';
import fastifyMultipart from '@fastify/multipart';
import { importEntries, type ImportReport } from '../professionals/import.js';
import { createImportJob, getImportJob, isLargeImport } from '../professionals/import-jobs.js';
import { importReference, importTemplate } from '../professionals/import-reference.js';
import { ImporttaakPagina, ImportWaardenPagina } from './pages/coordinatie-import.js';
import { listOrganisationEntries, managedOrganisations } from '../professionals/organisation-list.js';
import { professionalCreateSchema } from '../professionals/schemas.js';
import { createProfessional, updateProfessional, verifyProfessional } from '../professionals/service.js';
import { CoordinatiePagina } from './pages/coordinatie.js';
import { FoutPagina } from './pages/tekst.js';
import { formToInput, type FormValues } from './pages/vermelding-formulier.js';
import { sendPage } from './render.js';
import { pageContext, parseForm, signedIn } from './request-frame.js';
import { entryIdParams, formVersie, jobIdParams, parseParams } from './route-params.js';

const messages: Record<string, string> = {
  geverifieerd: 'De vermelding is geverifieerd.',
  status: 'De status is gewijzigd.',
  toegevoegd: 'De vermelding is toegevoegd.',
};

/** A query value when it is one of these, else undefined (an unknown filter is ignored, as before). */
const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined => allowed.find((a) => a === value);

/** /coordinatie: for coordinators (and beheerders), on the same services as the API. */
export async function coordinatieRoutes(app: FastifyInstance) {
  async function render(request: FastifyRequest, reply: FastifyReply, principal: Principal, extra: { teamValues?: FormValues; teamErrors?: InvalidParam[]; csv?: string; importReport?: ImportReport; status?: number } = {}) {
    const query = request.query as Record<string, string | undefined>;
    const context = pageContext(request, principal);
    const organisations = await managedOrganisations(context, query.organisatie);
    if (!organisations) {
      return sendPage(reply, <FoutPagina principal={principal} csrfToken={reply.generateCsrf()} status={403} titel="Geen toegang" uitleg="Deze pagina is voor coördinatoren. Vraag je beheerder of een coördinator van je organisatie om die rol." />, 403);
    }
    const filter = ['verificatie', 'bevestiging', 'status'].filter((k) => query[k]).map((k) => `${k}=${query[k]}`)[0] ?? '';
    const listFilter = {
      verificatie: oneOf(query.verificatie, ['ontbreekt', 'verlopen'] as const),
      bevestiging: oneOf(query.bevestiging, ['verlopen'] as const),
      status: oneOf(query.status, ['actief', 'inactief'] as const),
      pagina: 1,
      paginaGrootte: 100,
    };
    const list = await listOrganisationEntries(context, organisations.current.code, listFilter);
    return sendPage(
      reply,
      <CoordinatiePagina
        principal={principal}
        csrfToken={reply.generateCsrf()}
        organisatie={organisations.current}
        organisaties={organisations.all}
        filter={filter}
        entries={list.resultaten}
        totaal={list.totaal}
        taxonomy={(await listExpertisegebieden(app.db, {})).resultaten}
        teamValues={extra.teamValues ?? { soort: 'team', rolniveau: 'coordinatie' }}
        teamErrors={extra.teamErrors ?? []}
        csv={extra.csv ?? ''}
        importReport={extra.importReport}
        melding={messages[query.melding ?? '']}
      />,
      extra.status ?? 200,
    );
  }

  const back = (request: FastifyRequest, melding: string) => `/coordinatie?organisatie=${encodeURIComponent((request.query as { organisatie?: string }).organisatie ?? '')}&melding=${melding}`;
  const askedOrganisation = (request: FastifyRequest, principal: Principal) => (request.query as { organisatie?: string }).organisatie ?? principal.organisatie;

  app.get('/coordinatie', async (request, reply) => {
    const principal = await signedIn(request, reply);
    return principal ? render(request, reply, principal) : reply;
  });

  app.post('/coordinatie/verificatie/:id', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    await verifyProfessional(pageContext(request, principal), parseParams(entryIdParams, request.params).id);
    return reply.redirect(back(request, 'geverifieerd'), 303);
  });

  app.post('/coordinatie/status/:id', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    const { id } = parseParams(entryIdParams, request.params);
    const body = request.body as { versie?: string; status?: string };
    const status = body.status === 'inactief' ? 'inactief' : 'actief';
    await updateProfessional(pageContext(request, principal), id, formVersie(body), { status });
    return reply.redirect(back(request, 'status'), 303);
  });

  app.post('/coordinatie/vermelding', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    const body = request.body as Record<string, string | string[]>;
    const form = parseForm(professionalCreateSchema, { ...formToInput(body, 'create'), organisatie: askedOrganisation(request, principal) });
    if (!form.ok) return render(request, reply, principal, { teamValues: body, teamErrors: form.errors, status: 400 });
    try {
      await createProfessional(pageContext(request, principal), form.data);
    } catch (error) {
      if (error instanceof InvalidInputError || error instanceof ConflictError) {
        return render(request, reply, principal, { teamValues: body, teamErrors: fieldsOf(error), status: 400 });
      }
      throw error;
    }
    return reply.redirect(back(request, 'toegevoegd'), 303);
  });

  // Multipart (a file beside the text box) only for the import form: its own scope, so no other route parses files.
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: app.config.importBodyLimit, fieldSize: app.config.importBodyLimit, files: 1, fields: 10 },
      // The file as text (UTF-8), like the pasted text; never a Buffer in the body.
      async onFile(part) {
        (part as unknown as { value: string }).value = (await part.toBuffer()).toString('utf8');
      },
    });
    scope.post('/coordinatie/import', { preHandler: app.csrfProtection, bodyLimit: app.config.importBodyLimit }, async (request, reply) => {
      const principal = await signedIn(request, reply);
      if (!principal) return reply;
      const body = (request.body ?? {}) as { csv?: string; bestand?: string; actie?: string };
      const csv = body.bestand?.trim() ? body.bestand : (body.csv ?? '');
      const proefrun = body.actie !== 'importeren';
      const organisatie = askedOrganisation(request, principal);
      const context = pageContext(request, principal);
      if (isLargeImport(csv, app.config.importJobRows)) {
        const job = await createImportJob(context, organisatie, csv, proefrun);
        app.kickImportJobs();
        return reply.redirect(`/coordinatie/import/${job.id}?organisatie=${encodeURIComponent(organisatie)}`, 303);
      }
      const report = await importEntries(context, organisatie, csv, proefrun);
      // A file's text is not put back in the text box: the coordinator fixes the file and chooses it again.
      const keep = body.bestand?.trim() ? '' : csv;
      return render(request, reply, principal, { csv: report.fouten.length || report.proefrun ? keep : '', importReport: report, status: report.fouten.length ? 400 : 200 });
    });
  });

  app.get('/coordinatie/import/sjabloon.csv', async (_request, reply) =>
    reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="maatwerkregister-importsjabloon.csv"').send(importTemplate()),
  );

  app.get('/coordinatie/import/waarden', async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    return sendPage(reply, <ImportWaardenPagina principal={principal} csrfToken={reply.generateCsrf()} organisatie={askedOrganisation(request, principal)} reference={await importReference(app.db)} />);
  });

  app.get('/coordinatie/import/:id', async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    const { id } = parseParams(jobIdParams, request.params);
    const taak = await getImportJob(pageContext(request, principal), askedOrganisation(request, principal), id);
    return sendPage(reply, <ImporttaakPagina principal={principal} csrfToken={reply.generateCsrf()} taak={taak} />);
  });
}
