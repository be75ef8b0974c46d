import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { routeringVraagSchema } from '../casusroutering/schemas.js';
import { mayRoute, routeCase } from '../casusroutering/service.js';
import { mostRoutedOrganisations } from '../casusroutering/usage.js';
import { InvalidInputError } from '../domain-errors.js';
import { listExpertisegebieden } from '../expertisegebieden/service.js';
import type { InvalidParam } from '../http/problem.js';
import { coverage, coverageCsv, coverageOverview, mayViewCoverage } from '../inzichten/coverage.js';
import { unmetSearches } from '../inzichten/unmet-searches.js';
import { organisatieTypeSchema } from '../organisaties/schemas.js';
import { listOrganisaties } from '../organisaties/service.js';
import { resolveGemeente } from '../casusroutering/gemeente.js';
import { organisatieTypeLabels } from '../zoeken/labels.js';
import { CasusrouteringPagina, InzichtenPagina } from './pages/pmm.js';
import { FoutPagina } from './pages/tekst.js';
import { sendPage } from './render.js';
import { pageContext, parseForm, signedIn } from './request-frame.js';

/** Every active organisation fits one picker (the register has about 650). */
const ALL_ORGANISATIONS = { pagina: 1, paginaGrootte: 10_000 };

/** A valid organisation type from the query, else none (the page then shows every type). */
const organisationType = (value: string | undefined) => organisatieTypeSchema.safeParse(value).data;

/** /casusroutering and /inzichten: the PMM desk's pages (coordinators and beheerders too). */
export async function pmmRoutes(app: FastifyInstance) {
  const forbidden = (reply: FastifyReply, principal: Principal) =>
    sendPage(reply, <FoutPagina principal={principal} csrfToken={reply.generateCsrf()} status={403} titel="Geen toegang" uitleg="Deze pagina is voor de PMM-desk, coördinatoren en beheerders." />, 403);

  app.get('/casusroutering', async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    if (!mayRoute(principal)) return forbidden(reply, principal);
    const params = new URLSearchParams(request.url.split('?')[1] ?? '');
    // The gemeente is typed by name (a list of 342 to pick from is no use on a phone); the API takes its code.
    const gemeenteTekst = (params.get('gemeente') ?? '').trim().slice(0, 100);
    const gemeente = gemeenteTekst ? await resolveGemeente(app.db, gemeenteTekst) : undefined;
    const gekozen = {
      // A code ticked twice (in "vaak gevraagd" and in the search result) counts once.
      organisaties: [...new Set(params.getAll('organisaties'))],
      expertisegebieden: params.getAll('expertisegebieden'),
      ...(params.get('gewenstRolniveau') ? { gewenstRolniveau: params.get('gewenstRolniveau')! } : {}),
      ...(gemeente && 'code' in gemeente ? { gemeente: gemeente.code } : {}),
    };
    const zoekterm = (params.get('organisatieZoekterm') ?? '').trim().slice(0, 100);
    const [orgs, taxonomy, veelgebruikt, gevonden] = await Promise.all([
      listOrganisaties(app.db, ALL_ORGANISATIONS),
      listExpertisegebieden(app.db, {}),
      mostRoutedOrganisations(app.db),
      zoekterm ? listOrganisaties(app.db, { zoekterm, pagina: 1, paginaGrootte: 30 }) : undefined,
    ]);
    let resultaat;
    let errors: InvalidParam[] = [];
    // "Zoek organisatie" (the picker without JavaScript) only looks up organisations; it does not route yet.
    // A sent form (`zoek`, the submit button) is checked even when nothing was chosen, so it says what is missing.
    if (!params.has('organisatieZoeken') && (params.has('zoek') || params.has('organisaties') || params.has('expertisegebieden'))) {
      const form = parseForm(routeringVraagSchema, gekozen);
      const gemeenteFout = gemeente && 'reason' in gemeente ? [{ name: 'gemeente', code: 'invalid_value', reason: gemeente.reason }] : [];
      if (!form.ok || gemeenteFout.length > 0) errors = [...(form.ok ? [] : form.errors), ...gemeenteFout];
      else {
        try {
          resultaat = await routeCase(pageContext(request, principal), form.data);
        } catch (error) {
          if (!(error instanceof InvalidInputError)) throw error;
          errors = error.fields;
        }
      }
    }
    return sendPage(
      reply,
      <CasusrouteringPagina
        principal={principal}
        csrfToken={reply.generateCsrf()}
        organisaties={orgs.resultaten}
        kiezer={{ organisaties: orgs.resultaten, gekozen: gekozen.organisaties, veelgebruikt, zoekterm, gevonden: gevonden?.resultaten ?? [] }}
        taxonomy={taxonomy.resultaten} gekozen={gekozen} gemeenteTekst={gemeenteTekst} resultaat={resultaat} errors={errors} />,
      errors.length ? 400 : 200,
    );
  });

  app.get('/inzichten', async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    if (!mayViewCoverage(principal)) return forbidden(reply, principal);
    const type = organisationType((request.query as { type?: string }).type);
    const context = pageContext(request, principal);
    const { dekking, perType } = await coverageOverview(context, type);
    const onbeantwoord = (await unmetSearches(app.db, principal, { pagina: 1, paginaGrootte: 50 })).resultaten;
    return sendPage(
      reply,
      <InzichtenPagina
        principal={principal}
        csrfToken={reply.generateCsrf()}
        dekking={dekking}
        perType={perType.map((t) => ({ ...t, naam: organisatieTypeLabels[t.type] ?? t.type }))}
        onbeantwoord={onbeantwoord}
        filterType={type ?? ''}
        sorteer={(request.query as { sorteer?: string }).sorteer === 'provincie' ? 'provincie' : 'naam'}
        openType={organisationType((request.query as { open?: string }).open) ?? ''}
      />,
    );
  });

  app.get('/inzichten/dekking.csv', async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    if (!mayViewCoverage(principal)) return forbidden(reply, principal);
    const type = organisationType((request.query as { type?: string }).type);
    const { organisaties } = await coverage(pageContext(request, principal), type ? { type: [type] } : {});
    return reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="maatwerkregister-dekking.csv"').send(coverageCsv(organisaties));
  });
}
