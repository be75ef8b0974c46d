import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import { ConflictError, fieldsOf, ForbiddenError, InvalidInputError, isFormError } from '../domain-errors.js';
import { listExpertisegebieden } from '../expertisegebieden/service.js';
import type { InvalidParam } from '../http/problem.js';
import fastifyMultipart from '@fastify/multipart';
import { importEntries, type ImportReport } from '../professionals/import.js';
import { createImportJob, getImportJob, isLargeImport } from '../professionals/import-jobs.js';
import { importReference, importTemplate } from '../professionals/import-reference.js';
import { messageOf, selectionCounts, type SelectionCounts } from './coordinatie-meldingen.js';
import { ImporttaakPagina, ImportWaardenPagina } from './pages/coordinatie-import.js';
import { listOrganisationEntries, managedOrganisations, organisationListRules, organisationListSorts } from '../professionals/organisation-list.js';
import { setEntriesStatus, verifyEntries } from '../professionals/bulk-actions.js';
import { checkEntryInput } from '../professionals/entry-input.js';
import { readImportFile, type ImportFileReading } from '../professionals/import-file.js';
import { professionalCreateSchema, professionalPatchSchema, type ProfessionalView } from '../professionals/schemas.js';
import { listWerkgebiedOpties } from '../professionals/references.js';
import { managesForOrganisation } from '../professionals/rules.js';
import { createProfessional, getProfessional, updateProfessional, verifyProfessional } from '../professionals/service.js';
import { CoordinatieBewerkenPagina } from './pages/coordinatie-bewerken.js';
import { EntryChangedError } from '../professionals/edit-conflict.js';
import { conflictOf, type Wijzigingsconflict } from './pages/wijzigingsconflict.js';
import { valuesOf } from './pages/mijn-vermelding.js';
import { CoordinatiePagina } from './pages/coordinatie.js';
import { FoutPagina } from './pages/tekst.js';
import { formToInput, type FormValues } from './pages/vermelding-formulier.js';
import { sendPage } from './render.js';
import { pageContext, signedIn } from './request-frame.js';
import { entryIdParams, formVersie, jobIdParams, parseParams } from './route-params.js';

const PAGE_SIZE = 25;

/** The list's query: an unknown or odd value falls back to the default (a stale bookmark still shows the list). */
const listQuerySchema = z.object({
  verificatie: z.enum(['ontbreekt', 'verlopen']).optional().catch(undefined),
  bevestiging: z.enum(['verlopen', 'binnenkort']).optional().catch(undefined),
  geclaimd: z.enum(['ja', 'nee']).optional().catch(undefined),
  status: z.enum(['actief', 'inactief']).optional().catch(undefined),
  zoekterm: z.string().trim().max(100).optional().catch(undefined),
  sortering: z.enum(organisationListSorts).default('naam').catch('naam'),
  pagina: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
const readListQuery = (query: unknown) => listQuerySchema.parse(query ?? {});

/** A chosen file: its name and its text, or why it is no CSV (professionals/import-file.ts). */
type UploadedFile = { naam: string } & ImportFileReading;

/** The report of a file refused as a whole (too large, no CSV, none chosen): line 0, nothing imported. */
const fileRefused = (melding: string): ImportReport => ({ proefrun: true, aangemaakt: 0, bijgewerkt: 0, ongewijzigd: 0, fouten: [{ regel: 0, veld: '(bestand)', melding }] });

/** A checked file's text is put in the text box for "Nu importeren" up to this size (a text box holds it well). */
const KEEP_FILE_TEXT_UP_TO = 1_000_000;

/** The selected rows (`id:versie`) and the bulk action. */
const selectionBody = z.object({
  actie: z.enum(['verifieren', 'deactiveren', 'activeren'], 'Kies een actie voor de selectie.'),
  keuze: z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((v) => [v].flat())
    .pipe(z.array(z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\d{1,9}$/i, 'Ongeldige selectie.').transform((k) => ({ id: k.slice(0, 36), versie: Number(k.slice(37)) }))).max(100, 'Selecteer hoogstens 100 vermeldingen.')),
});

/** /coordinatie: for coordinators (and beheerders), on the same services as the API. */
export async function coordinatieRoutes(app: FastifyInstance) {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    principal: Principal,
    extra: { teamValues?: FormValues; teamErrors?: InvalidParam[]; csv?: string; importReport?: ImportReport; importKlaar?: { bestandsnaam: string | null } | undefined; status?: number } = {},
  ) {
    const query = request.query as Record<string, string | undefined>;
    const context = pageContext(request, principal);
    const organisations = await managedOrganisations(context, query.organisatie);
    if (!organisations) {
      return sendPage(reply, <FoutPagina principal={principal} csrfToken={reply.generateCsrf()} status={403} titel="Geen toegang" uitleg="Deze pagina is voor coördinatoren. Vraag je beheerder of een coördinator van je organisatie om die rol." />, 403);
    }
    const listQuery = readListQuery(query);
    const filterKey = (['verificatie', 'bevestiging', 'geclaimd', 'status'] as const).find((k) => listQuery[k]);
    const filter = filterKey ? `${filterKey}=${listQuery[filterKey]}` : '';
    const listFilter = { ...listQuery, paginaGrootte: PAGE_SIZE };
    const list = await listOrganisationEntries(context, organisations.current.code, listFilter, organisationListRules(app.config));
    return sendPage(
      reply,
      <CoordinatiePagina
        principal={principal}
        csrfToken={reply.generateCsrf()}
        organisatie={organisations.current}
        organisaties={organisations.all}
        filter={filter}
        alleenActief={query.status === 'actief' && filter !== 'status=actief'}
        entries={list.resultaten}
        totaal={list.totaal}
        taxonomy={(await listExpertisegebieden(app.db, {})).resultaten}
        werkgebieden={await listWerkgebiedOpties(app.db)}
        teamValues={extra.teamValues ?? { soort: 'team', rolniveau: 'coordinatie' }}
        teamErrors={extra.teamErrors ?? []}
        csv={extra.csv ?? ''}
        importReport={extra.importReport}
        importKlaar={extra.importKlaar}
        melding={await messageOf(request, principal, query)}
        zoekterm={listQuery.zoekterm ?? ''}
        sortering={listQuery.sortering}
        pagina={listQuery.pagina}
        paginaGrootte={PAGE_SIZE}
      />,
      extra.status ?? 200,
    );
  }

  /** Back to the list as it was (organisation, filter, search, sort, page), with a message. */
  const back = (request: FastifyRequest, melding: string, counts: Partial<SelectionCounts> & { vermelding?: string } = {}) => {
    const query = request.query as Record<string, string | undefined>;
    const list = readListQuery(query);
    const params = new URLSearchParams({ organisatie: query.organisatie ?? '' });
    for (const key of ['verificatie', 'bevestiging', 'geclaimd', 'status', 'zoekterm'] as const) if (list[key]) params.set(key, String(list[key]));
    if (list.sortering !== 'naam') params.set('sortering', list.sortering);
    if (list.pagina > 1) params.set('pagina', String(list.pagina));
    params.set('melding', melding);
    // Counts as numbers and entries as ids only; the message looks their names up (coordinatie-meldingen.ts).
    if (counts.aantal !== undefined) params.set('aantal', String(counts.aantal));
    if (counts.gedaan?.length) params.set('gedaan', counts.gedaan.join(','));
    if (counts.alAantal) params.set('alAantal', String(counts.alAantal));
    if (counts.al?.length) params.set('al', counts.al.join(','));
    if (counts.mislukt?.length) params.set('mislukt', counts.mislukt.join(','));
    if (counts.vermelding) params.set('vermelding', counts.vermelding);
    return `/coordinatie?${params.toString()}`;
  };
  /** The list query a page was reached from, to return to after saving. */
  const listReturn = (request: FastifyRequest) => back(request, '').replace('/coordinatie?', '').replace(/&?melding=$/, '');
  /** The list page a form on it was sent from: where to come back to after signing in again. */
  const listPage = (request: FastifyRequest) => `/coordinatie?${listReturn(request)}`;
  const askedOrganisation = (request: FastifyRequest, principal: Principal) => (request.query as { organisatie?: string }).organisatie ?? principal.organisatie;

  app.get('/coordinatie', async (request, reply) => {
    const principal = await signedIn(request, reply);
    return principal ? render(request, reply, principal) : reply;
  });

  app.post('/coordinatie/verificatie/:id', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply, listPage(request));
    if (!principal) return reply;
    const entry = await verifyProfessional(pageContext(request, principal), parseParams(entryIdParams, request.params).id);
    return reply.redirect(back(request, 'geverifieerd', { vermelding: entry.id }), 303);
  });

  app.post('/coordinatie/status/:id', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply, listPage(request));
    if (!principal) return reply;
    const { id } = parseParams(entryIdParams, request.params);
    // The version from the row's button (formaction query) or from a form of its own (the undo, body). The new status
    // only from the body (the clicked button's value): `status` in the query is the list's filter to return to.
    const body = (request.body ?? {}) as { versie?: string; status?: string };
    const status = body.status === 'inactief' ? 'inactief' : 'actief';
    try {
      await updateProfessional(pageContext(request, principal), id, formVersie({ ...(request.query as object), ...body }), { status });
    } catch (error) {
      // The list was older than the entry: say so beside the list, which now shows the entry as it is.
      if (error instanceof EntryChangedError) return reply.redirect(back(request, 'intussen-gewijzigd', { vermelding: id }), 303);
      throw error;
    }
    return reply.redirect(back(request, status === 'inactief' ? 'gedeactiveerd' : 'geactiveerd', { vermelding: id }), 303);
  });


  const renderEdit = async (request: FastifyRequest, reply: FastifyReply, principal: Principal, entry: ProfessionalView, values: FormValues, errors: InvalidParam[] = [], conflict?: Wijzigingsconflict) =>
    sendPage(
      reply,
      <CoordinatieBewerkenPagina
        principal={principal}
        csrfToken={reply.generateCsrf()}
        entry={entry}
        values={values}
        errors={errors}
        taxonomy={(await listExpertisegebieden(app.db, {})).resultaten}
        werkgebieden={await listWerkgebiedOpties(app.db)}
        terug={listReturn(request)}
        conflict={conflict}
      />,
      conflict ? 409 : errors.length ? 400 : 200,
    );

  /** An entry of an organisation this coordinator maintains; the same refusal as the API otherwise. */
  const editableEntry = async (request: FastifyRequest, principal: Principal) => {
    const entry = await getProfessional(pageContext(request, principal), parseParams(entryIdParams, request.params).id);
    if (!managesForOrganisation(principal, entry.organisatie.code)) throw new ForbiddenError('Je mag deze vermelding niet wijzigen: alleen de eigenaar en de coördinatoren van de organisatie.');
    return entry;
  };

  app.get('/coordinatie/vermelding/:id', async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    const entry = await editableEntry(request, principal);
    return renderEdit(request, reply, principal, entry, { ...valuesOf(entry), soort: entry.soort });
  });

  app.post('/coordinatie/vermelding/:id', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    const entry = await editableEntry(request, principal);
    const body = request.body as Record<string, string | string[]>;
    const form = await checkEntryInput(app.db, professionalPatchSchema, formToInput(body, 'update'), { kept: entry.werkgebied, fallbackName: 'formulier' });
    if (!form.ok) return renderEdit(request, reply, principal, entry, body, form.fields);
    try {
      await updateProfessional(pageContext(request, principal), entry.id, formVersie(body), form.data);
    } catch (error) {
      // Someone saved in between: show the entry as it is now beside what was typed, which stays in the form.
      if (error instanceof EntryChangedError) return renderEdit(request, reply, principal, error.huidige, body, [], conflictOf(error, `/coordinatie/vermelding/${entry.id}?${listReturn(request)}`));
      if (isFormError(error)) return renderEdit(request, reply, principal, entry, body, fieldsOf(error));
      throw error;
    }
    return reply.redirect(back(request, 'opgeslagen', { vermelding: entry.id }), 303);
  });

  app.post('/coordinatie/selectie', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply, listPage(request));
    if (!principal) return reply;
    const body = parseParams(selectionBody, request.body, 'formulier');
    if (body.keuze.length === 0) return reply.redirect(back(request, 'geen-selectie'), 303);
    const context = pageContext(request, principal);
    const result =
      body.actie === 'verifieren' ? await verifyEntries(context, body.keuze.map((k) => k.id)) : await setEntriesStatus(context, body.keuze, body.actie === 'activeren' ? 'actief' : 'inactief');
    const melding = { verifieren: 'selectie-geverifieerd', deactiveren: 'selectie-gedeactiveerd', activeren: 'selectie-geactiveerd' }[body.actie];
    return reply.redirect(back(request, melding, selectionCounts(result)), 303);
  });

  app.post('/coordinatie/vermelding', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply, listPage(request));
    if (!principal) return reply;
    const body = request.body as Record<string, string | string[]>;
    const form = await checkEntryInput(app.db, professionalCreateSchema, { ...formToInput(body, 'create'), organisatie: askedOrganisation(request, principal) }, { fallbackName: 'formulier' });
    if (!form.ok) return render(request, reply, principal, { teamValues: body, teamErrors: form.fields, status: 400 });
    let created;
    try {
      created = await createProfessional(pageContext(request, principal), form.data);
    } catch (error) {
      if (error instanceof InvalidInputError || error instanceof ConflictError) {
        return render(request, reply, principal, { teamValues: body, teamErrors: fieldsOf(error), status: 400 });
      }
      throw error;
    }
    return reply.redirect(back(request, 'toegevoegd', { vermelding: created.id }), 303);
  });

  // Multipart (a file beside the text box) only for the import form: its own scope, so no other route parses files.
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: app.config.importBodyLimit, fieldSize: app.config.importBodyLimit, files: 1, fields: 10 },
      // The file as text (UTF-8 or Excel's Windows-1252), or what is wrong with it; never a Buffer in the body.
      // Without a file chosen, browsers still send an empty part without a name: that is no file.
      async onFile(part) {
        const bytes = await part.toBuffer();
        // null, not undefined: for an undefined value the plugin would put the raw bytes in the body instead.
        (part as unknown as { value: UploadedFile | null }).value = part.filename ? { naam: part.filename, ...readImportFile(bytes) } : null;
      },
    });
    // A file over the limit is refused while it is read, before the route runs: shown on the page with the form,
    // in the report's place, instead of as an error page (or JSON) that loses the way back.
    scope.setErrorHandler(async (error: FastifyError, request, reply) => {
      if (error.statusCode !== 413) throw error;
      const principal = await signedIn(request, reply, listPage(request));
      if (!principal) return reply;
      const bytes = app.config.importBodyLimit;
      const limit = bytes >= 1_048_576 ? `${Math.floor(bytes / 1_048_576)} MB` : `${Math.floor(bytes / 1024)} kB`;
      const melding = `Het bestand is groter dan ${limit}, de grens voor één import. Splits het in delen van minder dan ${limit} (bijvoorbeeld per afdeling) en importeer ze na elkaar; de kopregel moet in elk deel staan.`;
      return render(request, reply, principal, { importReport: fileRefused(melding), status: 413 });
    });
    scope.post('/coordinatie/import', { preHandler: app.csrfProtection, bodyLimit: app.config.importBodyLimit }, async (request, reply) => {
      const principal = await signedIn(request, reply, listPage(request));
      if (!principal) return reply;
      const body = (request.body ?? {}) as { csv?: string; bestand?: UploadedFile | null; actie?: string };
      const file = body.bestand;
      const fileOnly = (melding: string, status: number) =>
        render(request, reply, principal, { csv: body.csv ?? '', importReport: fileRefused(melding), status });
      if (file && 'fout' in file) return fileOnly(file.fout, 400);
      const csv = file ? file.tekst : (body.csv ?? '');
      if (!csv.trim()) return fileOnly('Kies een CSV-bestand of plak de inhoud van je spreadsheet in het tekstvak.', 400);
      const proefrun = body.actie !== 'importeren';
      const organisatie = askedOrganisation(request, principal);
      const context = pageContext(request, principal);
      if (isLargeImport(csv, app.config.importJobRows)) {
        const job = await createImportJob(context, organisatie, csv, proefrun);
        app.kickImportJobs();
        return reply.redirect(`/coordinatie/import/${job.id}?organisatie=${encodeURIComponent(organisatie)}`, 303);
      }
      const report = await importEntries(context, organisatie, csv, proefrun);
      const clean = report.fouten.length === 0;
      // After a clean dry run what was checked stays in the text box (a file's text too, up to a size a text box
      // holds well), so "Nu importeren" imports exactly that. A faulty file is fixed and chosen again.
      const ready = clean && proefrun && (!file || csv.length <= KEEP_FILE_TEXT_UP_TO);
      const keep = ready ? csv : file ? '' : csv;
      return render(request, reply, principal, {
        csv: clean && !proefrun ? '' : keep,
        importReport: report,
        importKlaar: ready ? { bestandsnaam: file?.naam ?? null } : undefined,
        status: clean ? 200 : 400,
      });
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
