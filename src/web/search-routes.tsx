import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../domain-errors.js';
import { getProfessional } from '../professionals/service.js';
import { listTeamContacts } from '../professionals/team-contacts.js';
import { zoekQuerySchema } from '../zoeken/schemas.js';
import { alternativesFor, relevantTeams } from '../zoeken/alternatives.js';
import { searchProfessionals, type SearchDeps } from '../zoeken/service.js';
import { mayRoute } from '../casusroutering/service.js';
import { backToSearch, HERKOMST, invalidSearchText, searchParams } from './zoek-links.js';
import { ProfessionalPagina } from './pages/professional.js';
import { ownEntryInvitation } from './own-entry-invitation.js';
import { FoutPagina } from './pages/tekst.js';
import { EigenVermeldingUitnodiging } from './pages/uitnodiging.js';
import { ZoekPagina } from './pages/zoeken.js';
import { sendPage } from './render.js';
import { pageContext, signedIn } from './request-frame.js';

/** A NotFoundError as null, so a page can say "not found" in its own words. */
export const orNull = <T,>(promise: Promise<T>) => promise.catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error)));

/** Keys of the search form that take one value; the others (filters) repeat. */
const singleValued = ['zoekterm', 'organisatieZoekterm', 'pagina', 'paginaGrootte', 'geverifieerd', 'gewenstRolniveau'];

/** Search and an entry: the pages of finding someone, on the API's services. */
export async function searchRoutes(app: FastifyInstance) {
  const deps = (): SearchDeps => ({ db: app.db, engine: app.searchEngine, config: app.config, searchLog: app.searchLog });

  app.get('/', async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    const csrfToken = reply.generateCsrf();
    const params = new URLSearchParams(request.url.split('?')[1] ?? '');
    const raw: Record<string, string | string[]> = {};
    for (const key of new Set(params.keys())) {
      if (key === HERKOMST) continue;
      const values = params.getAll(key).filter((v) => v !== '');
      if (values.length > 0) raw[key] = singleValued.includes(key) ? values[0]! : values;
    }
    const parsed = zoekQuerySchema.safeParse(raw);
    if (!parsed.success) {
      return sendPage(reply, <ZoekPagina principal={principal} csrfToken={csrfToken} params={params} fout={invalidSearchText(parsed.error.issues)} />, 400);
    }
    try {
      // The service decides what the origin means (a re-run from the insights is not logged); the page only passes it on.
      const herkomst = params.get(HERKOMST) === 'inzichten' ? 'inzichten' : undefined;
      const answer = await searchProfessionals(deps(), principal, parsed.data, { herkomst });
      // A page past the last one (an old link, a count that shrank) shows the last page.
      const lastPage = Math.max(1, Math.ceil(answer.bladerbaar / answer.paginaGrootte));
      if (parsed.data.pagina > lastPage) {
        const last = searchParams(params);
        if (lastPage > 1) last.set('pagina', String(lastPage));
        else last.delete('pagina');
        return reply.redirect(last.size > 0 ? `/?${last}` : '/', 303);
      }
      const geenResultaten =
        answer.totaal === 0
          ? {
              alternatives: await alternativesFor(deps(), principal, parsed.data),
              teams: await relevantTeams(pageContext(request, principal), parsed.data),
              pmmDeskEmail: app.config.pmmDeskEmail,
              mayRoute: mayRoute(principal),
            }
          : undefined;
      const invitation = params.size === 0 ? await ownEntryInvitation(pageContext(request, principal)) : null;
      const uitnodiging = invitation && <EigenVermeldingUitnodiging claimable={invitation.claimable} csrfToken={csrfToken} />;
      return sendPage(reply, <ZoekPagina principal={principal} csrfToken={csrfToken} params={params} answer={answer} geenResultaten={geenResultaten} uitnodiging={uitnodiging} />);
    } catch (error) {
      if (error instanceof InvalidInputError) {
        return sendPage(reply, <ZoekPagina principal={principal} csrfToken={csrfToken} params={params} fout={error.fields[0]?.reason ?? error.detail} />, 400);
      }
      throw error;
    }
  });

  app.get('/professionals/:id', async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    const csrfToken = reply.generateCsrf();
    const { id } = request.params as { id: string };
    const context = pageContext(request, principal);
    const entry = z.uuid().safeParse(id).success ? await orNull(getProfessional(context, id)) : null;
    if (!entry) {
      return sendPage(reply, <FoutPagina principal={principal} csrfToken={csrfToken} status={404} titel="Niet gevonden" uitleg="Deze vermelding bestaat niet (meer), of je mag haar niet zien." />, 404);
    }
    const teams = await listTeamContacts(context, entry.organisatie.code, { except: entry.id });
    const { terug } = request.query as { terug?: unknown };
    const back = backToSearch(typeof terug === 'string' ? terug : undefined);
    return sendPage(reply, <ProfessionalPagina principal={principal} csrfToken={csrfToken} entry={entry} teams={teams} terug={back} />);
  });
}
