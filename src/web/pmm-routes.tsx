import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { expertisegebieden, organisaties } from '../../db/schema/index.js';
import type { Principal } from '../auth/principal.js';
import { mayRoute, routeCase } from '../casusroutering/service.js';
import { routeringVraagSchema } from '../casusroutering/routes.js';
import { InvalidInputError } from '../domain-errors.js';
import type { InvalidParam } from '../http/problem.js';
import { coverage, coverageCsv, mayViewCoverage } from '../inzichten/coverage.js';
import { unmetSearches } from '../inzichten/unmet-searches.js';
import { organisatieTypeLabels } from '../zoeken/labels.js';
import { CasusrouteringPagina, InzichtenPagina } from './pages/pmm.js';
import { FoutPagina } from './pages/tekst.js';
import { sendPage } from './render.js';

type WebPrincipal = (request: FastifyRequest, reply: FastifyReply) => Promise<Principal | null>;

/** /casusroutering and /inzichten: the PMM desk's pages (coordinators and beheerders too). */
export async function pmmRoutes(app: FastifyInstance, webPrincipal: WebPrincipal) {
  const signedIn = async (request: FastifyRequest, reply: FastifyReply) => {
    const principal = await webPrincipal(request, reply);
    if (!principal) await reply.redirect(`/inloggen?terug=${encodeURIComponent(request.url)}`, 303);
    return principal;
  };
  const forbidden = (reply: FastifyReply, principal: Principal) =>
    sendPage(reply, <FoutPagina principal={principal} csrfToken={reply.generateCsrf()} status={403} titel="Geen toegang" uitleg="Deze pagina is voor de PMM-desk, coördinatoren en beheerders." />, 403);

  app.get('/casusroutering', async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    if (!mayRoute(principal)) return forbidden(reply, principal);
    const params = new URLSearchParams(request.url.split('?')[1] ?? '');
    const gekozen = {
      organisaties: params.getAll('organisaties'),
      expertisegebieden: params.getAll('expertisegebieden'),
      ...(params.get('gewenstRolniveau') ? { gewenstRolniveau: params.get('gewenstRolniveau')! } : {}),
      ...(params.get('gemeente') ? { gemeente: params.get('gemeente')! } : {}),
    };
    const [orgs, taxonomy] = await Promise.all([
      app.db.select({ code: organisaties.code, naam: organisaties.naam, type: organisaties.type }).from(organisaties).where(eq(organisaties.actief, true)).orderBy(asc(organisaties.naam)),
      app.db.select({ code: expertisegebieden.code, naam: expertisegebieden.naam, categorie: expertisegebieden.categorie }).from(expertisegebieden).where(eq(expertisegebieden.actief, true)).orderBy(asc(expertisegebieden.volgorde)),
    ]);
    let resultaat;
    let errors: InvalidParam[] = [];
    if (params.has('organisaties') || params.has('expertisegebieden')) {
      const parsed = routeringVraagSchema.safeParse(gekozen);
      if (!parsed.success) errors = parsed.error.issues.map((i) => ({ name: String(i.path[0] ?? ''), code: i.code, reason: i.message }));
      else {
        try {
          resultaat = await routeCase({ db: app.db, principal, audit: { actor: principal, herkomst: `web:${request.id}` }, termijnen: app.config.termijnen }, parsed.data);
        } catch (error) {
          if (!(error instanceof InvalidInputError)) throw error;
          errors = error.fields;
        }
      }
    }
    return sendPage(
      reply,
      <CasusrouteringPagina principal={principal} csrfToken={reply.generateCsrf()} organisaties={orgs} taxonomy={taxonomy} gekozen={gekozen} resultaat={resultaat} errors={errors} />,
      errors.length ? 400 : 200,
    );
  });

  app.get('/inzichten', async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    if (!mayViewCoverage(principal)) return forbidden(reply, principal);
    const type = (request.query as { type?: string }).type ?? '';
    const validType = Object.keys(organisatieTypeLabels).includes(type) ? type : '';
    const all = (await coverage(app.db, principal, app.config.termijnen, {})).organisaties;
    const perType = Object.entries(organisatieTypeLabels)
      .map(([code, naam]) => ({ type: code, naam, organisaties: all.filter((o) => o.type === code).length, zonderContact: all.filter((o) => o.type === code && o.actueel === 0).length }))
      .filter((t) => t.organisaties > 0);
    const dekking = validType ? all.filter((o) => o.type === validType) : all;
    const onbeantwoord = (await unmetSearches(app.db, principal, { pagina: 1, paginaGrootte: 50 })).resultaten;
    return sendPage(reply, <InzichtenPagina principal={principal} csrfToken={reply.generateCsrf()} dekking={dekking} perType={perType} onbeantwoord={onbeantwoord} filterType={validType} />);
  });

  app.get('/inzichten/dekking.csv', async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    if (!mayViewCoverage(principal)) return forbidden(reply, principal);
    const type = (request.query as { type?: string }).type;
    const rows = (await coverage(app.db, principal, app.config.termijnen, type && Object.keys(organisatieTypeLabels).includes(type) ? { type: [type as never] } : {})).organisaties;
    return reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="maatwerkregister-dekking.csv"').send(coverageCsv(rows));
  });
}
