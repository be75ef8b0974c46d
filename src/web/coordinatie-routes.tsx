import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { ConflictError, fieldsOf, InvalidInputError } from '../domain-errors.js';
import { listExpertisegebieden } from '../expertisegebieden/service.js';
import type { InvalidParam } from '../http/problem.js';
import { importEntries, type ImportReport } from '../professionals/import.js';
import { listOrganisationEntries, managedOrganisations, organisationListRules } from '../professionals/organisation-list.js';
import { professionalCreateSchema } from '../professionals/schemas.js';
import { createProfessional, getProfessional, updateProfessional, verifyProfessional } from '../professionals/service.js';
import { CoordinatiePagina } from './pages/coordinatie.js';
import { FoutPagina } from './pages/tekst.js';
import { formToInput, type FormValues } from './pages/vermelding-formulier.js';
import { sendPage } from './render.js';
import { pageContext, parseForm, signedIn } from './request-frame.js';

/** What a change did, naming the entry it concerns ("Sanne Verhoeven is geverifieerd."). */
const messages: Record<string, (naam: string) => string> = {
  geverifieerd: (naam) => `${naam} is geverifieerd.`,
  gedeactiveerd: (naam) => `${naam} is gedeactiveerd en niet meer vindbaar.`,
  geactiveerd: (naam) => `${naam} is weer actief en vindbaar.`,
  toegevoegd: (naam) => `${naam} is toegevoegd.`,
};

/** The entry a message is about, by the id in the URL; a message without one (or about an entry gone) is generic. */
async function messageOf(request: FastifyRequest, principal: Principal, melding: string | undefined, id: string | undefined) {
  const message = messages[melding ?? ''];
  if (!message) return undefined;
  const entry = id && /^[0-9a-f-]{36}$/.test(id) ? await getProfessional(pageContext(request, principal), id).catch(() => undefined) : undefined;
  return message(entry?.naam ?? 'De vermelding');
}

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
    const filter = ['verificatie', 'bevestiging', 'geclaimd', 'status'].filter((k) => query[k]).map((k) => `${k}=${query[k]}`)[0] ?? '';
    const listFilter = {
      verificatie: oneOf(query.verificatie, ['ontbreekt', 'verlopen'] as const),
      bevestiging: oneOf(query.bevestiging, ['verlopen', 'binnenkort'] as const),
      geclaimd: oneOf(query.geclaimd, ['ja', 'nee'] as const),
      status: oneOf(query.status, ['actief', 'inactief'] as const),
      pagina: 1,
      paginaGrootte: 100,
    };
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
        teamValues={extra.teamValues ?? { soort: 'team', rolniveau: 'coordinatie' }}
        teamErrors={extra.teamErrors ?? []}
        csv={extra.csv ?? ''}
        importReport={extra.importReport}
        melding={await messageOf(request, principal, query.melding, query.vermelding)}
      />,
      extra.status ?? 200,
    );
  }

  const back = (request: FastifyRequest, melding: string, id: string) =>
    `/coordinatie?organisatie=${encodeURIComponent((request.query as { organisatie?: string }).organisatie ?? '')}&melding=${melding}&vermelding=${id}`;
  const askedOrganisation = (request: FastifyRequest, principal: Principal) => (request.query as { organisatie?: string }).organisatie ?? principal.organisatie;

  app.get('/coordinatie', async (request, reply) => {
    const principal = await signedIn(request, reply);
    return principal ? render(request, reply, principal) : reply;
  });

  app.post('/coordinatie/verificatie/:id', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    const entry = await verifyProfessional(pageContext(request, principal), (request.params as { id: string }).id);
    return reply.redirect(back(request, 'geverifieerd', entry.id), 303);
  });

  app.post('/coordinatie/status/:id', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    const body = request.body as { versie?: string; status?: string };
    const status = body.status === 'inactief' ? 'inactief' : 'actief';
    const entry = await updateProfessional(pageContext(request, principal), (request.params as { id: string }).id, Number(body.versie), { status });
    return reply.redirect(back(request, status === 'inactief' ? 'gedeactiveerd' : 'geactiveerd', entry.id), 303);
  });

  app.post('/coordinatie/vermelding', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    const body = request.body as Record<string, string | string[]>;
    const form = parseForm(professionalCreateSchema, { ...formToInput(body, 'create'), organisatie: askedOrganisation(request, principal) });
    if (!form.ok) return render(request, reply, principal, { teamValues: body, teamErrors: form.errors, status: 400 });
    let created;
    try {
      created = await createProfessional(pageContext(request, principal), form.data);
    } catch (error) {
      if (error instanceof InvalidInputError || error instanceof ConflictError) {
        return render(request, reply, principal, { teamValues: body, teamErrors: fieldsOf(error), status: 400 });
      }
      throw error;
    }
    return reply.redirect(back(request, 'toegevoegd', created.id), 303);
  });

  app.post('/coordinatie/import', { preHandler: app.csrfProtection, bodyLimit: app.config.importBodyLimit }, async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    const body = request.body as { csv?: string; actie?: string };
    const csv = body.csv ?? '';
    const report = await importEntries(pageContext(request, principal), askedOrganisation(request, principal), csv, body.actie !== 'importeren');
    return render(request, reply, principal, { csv: report.fouten.length || report.proefrun ? csv : '', importReport: report, status: report.fouten.length ? 400 : 200 });
  });
}
