import { asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { expertisegebieden, organisaties } from '../../db/schema/index.js';
import { isBeheerder, type Principal } from '../auth/principal.js';
import { ConflictError, fieldsOf, InvalidInputError } from '../domain-errors.js';
import type { InvalidParam } from '../http/problem.js';
import { importEntries, type ImportReport } from '../professionals/import.js';
import { listOrganisationEntries } from '../professionals/organisation-list.js';
import { professionalCreateSchema } from '../professionals/schemas.js';
import { createProfessional, updateProfessional, verifyProfessional, type ServiceContext } from '../professionals/service.js';
import { CoordinatiePagina } from './pages/coordinatie.js';
import { FoutPagina } from './pages/tekst.js';
import { formToInput, type FormValues } from './pages/vermelding-formulier.js';
import { sendPage } from './render.js';

type WebPrincipal = (request: FastifyRequest, reply: FastifyReply) => Promise<Principal | null>;

const messages: Record<string, string> = {
  geverifieerd: 'De vermelding is geverifieerd.',
  status: 'De status is gewijzigd.',
  toegevoegd: 'De vermelding is toegevoegd.',
};

/** /coordinatie: for coordinators (and beheerders), on the same services as the API. */
export async function coordinatieRoutes(app: FastifyInstance, webPrincipal: WebPrincipal) {
  const context = (principal: Principal, request: FastifyRequest): ServiceContext => ({
    db: app.db,
    principal,
    audit: { actor: principal, herkomst: `web:${request.id}` },
    termijnen: app.config.termijnen,
  });

  /** The organisations this person coordinates (a beheerder: their own organisation, or any one asked for). */
  async function scope(principal: Principal, asked: string | undefined) {
    const codes = principal.rollen.filter((r) => r.rol === 'coordinator').map((r) => r.organisatie!);
    if (isBeheerder(principal)) codes.push(asked ?? principal.organisatie);
    const unique = [...new Set(codes)];
    if (unique.length === 0) return undefined;
    const rows = await app.db.select({ code: organisaties.code, naam: organisaties.naam }).from(organisaties).where(inArray(organisaties.code, unique)).orderBy(asc(organisaties.naam));
    const current = rows.find((o) => o.code === asked) ?? rows[0];
    return current ? { current, all: rows } : undefined;
  }

  async function render(request: FastifyRequest, reply: FastifyReply, principal: Principal, extra: { teamValues?: FormValues; teamErrors?: InvalidParam[]; csv?: string; importReport?: ImportReport; status?: number } = {}) {
    const query = request.query as Record<string, string | undefined>;
    const organisations = await scope(principal, query.organisatie);
    if (!organisations) {
      return sendPage(reply, <FoutPagina principal={principal} csrfToken={reply.generateCsrf()} status={403} titel="Geen toegang" uitleg="Deze pagina is voor coördinatoren. Vraag je beheerder of een coördinator van je organisatie om die rol." />, 403);
    }
    const filter = ['verificatie', 'bevestiging', 'status'].filter((k) => query[k]).map((k) => `${k}=${query[k]}`)[0] ?? '';
    const listFilter = {
      verificatie: query.verificatie === 'ontbreekt' || query.verificatie === 'verlopen' ? (query.verificatie as 'ontbreekt' | 'verlopen') : undefined,
      bevestiging: query.bevestiging === 'verlopen' ? ('verlopen' as const) : undefined,
      status: query.status === 'inactief' || query.status === 'actief' ? (query.status as 'actief' | 'inactief') : undefined,
      pagina: 1,
      paginaGrootte: 100,
    };
    const list = await listOrganisationEntries(context(principal, request), organisations.current.code, listFilter);
    const taxonomy = await app.db.select({ code: expertisegebieden.code, naam: expertisegebieden.naam, categorie: expertisegebieden.categorie }).from(expertisegebieden).where(eq(expertisegebieden.actief, true)).orderBy(asc(expertisegebieden.volgorde));
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
        taxonomy={taxonomy}
        teamValues={extra.teamValues ?? { soort: 'team', rolniveau: 'coordinatie' }}
        teamErrors={extra.teamErrors ?? []}
        csv={extra.csv ?? ''}
        importReport={extra.importReport}
        melding={messages[query.melding ?? '']}
      />,
      extra.status ?? 200,
    );
  }

  const signedIn = async (request: FastifyRequest, reply: FastifyReply) => {
    const principal = await webPrincipal(request, reply);
    if (!principal) await reply.redirect(`/inloggen?terug=${encodeURIComponent(request.url)}`, 303);
    return principal;
  };
  const back = (request: FastifyRequest, melding: string) => `/coordinatie?organisatie=${encodeURIComponent((request.query as { organisatie?: string }).organisatie ?? '')}&melding=${melding}`;

  app.get('/coordinatie', async (request, reply) => {
    const principal = await signedIn(request, reply);
    return principal ? render(request, reply, principal) : reply;
  });

  app.post('/coordinatie/verificatie/:id', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    await verifyProfessional(context(principal, request), (request.params as { id: string }).id);
    return reply.redirect(back(request, 'geverifieerd'), 303);
  });

  app.post('/coordinatie/status/:id', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    const body = request.body as { versie?: string; status?: string };
    const status = body.status === 'inactief' ? 'inactief' : 'actief';
    await updateProfessional(context(principal, request), (request.params as { id: string }).id, Number(body.versie), { status });
    return reply.redirect(back(request, 'status'), 303);
  });

  app.post('/coordinatie/vermelding', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    const body = request.body as Record<string, string | string[]>;
    const organisatie = (request.query as { organisatie?: string }).organisatie ?? principal.organisatie;
    const parsed = professionalCreateSchema.safeParse({ ...formToInput(body, 'create'), organisatie });
    if (!parsed.success) {
      return render(request, reply, principal, { teamValues: body, teamErrors: parsed.error.issues.map((i) => ({ name: i.path.join('.'), code: i.code, reason: i.message })), status: 400 });
    }
    try {
      await createProfessional(context(principal, request), parsed.data);
    } catch (error) {
      if (error instanceof InvalidInputError || error instanceof ConflictError) {
        return render(request, reply, principal, { teamValues: body, teamErrors: fieldsOf(error), status: 400 });
      }
      throw error;
    }
    return reply.redirect(back(request, 'toegevoegd'), 303);
  });

  app.post('/coordinatie/import', { preHandler: app.csrfProtection, bodyLimit: app.config.importBodyLimit }, async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    const body = request.body as { csv?: string; actie?: string };
    const organisatie = (request.query as { organisatie?: string }).organisatie ?? principal.organisatie;
    const csv = body.csv ?? '';
    const report = await importEntries(context(principal, request), organisatie, csv, body.actie !== 'importeren');
    return render(request, reply, principal, { csv: report.fouten.length || report.proefrun ? csv : '', importReport: report, status: report.fouten.length ? 400 : 200 });
  });
}
