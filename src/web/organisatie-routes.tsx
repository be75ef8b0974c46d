import type { FastifyInstance } from 'fastify';
import { organisatieCode, organisatieListQuery } from '../organisaties/schemas.js';
import { canonicalProvinces, listProvincies } from '../organisaties/provinces.js';
import { getOrganisatie, listOrganisaties } from '../organisaties/service.js';
import { InvalidInputError } from '../domain-errors.js';
import { zoekQuerySchema } from '../zoeken/schemas.js';
import { searchProfessionals } from '../zoeken/service.js';
import { OrganisatiePagina } from './pages/organisatie.js';
import { OrganisatiesPagina } from './pages/organisaties.js';
import { FoutPagina } from './pages/tekst.js';
import { sendPage } from './render.js';
import { signedIn } from './request-frame.js';
import { invalidSearchText } from './zoek-links.js';
import { orNull } from './search-routes.js';

/** The form's values: empty fields dropped, repeatable keys as lists. */
function formValues(params: URLSearchParams, repeatable: string[]): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((v) => v !== '');
    if (values.length > 0) raw[key] = repeatable.includes(key) ? values : values[0]!;
  }
  return raw;
}

/** /organisaties (the index: by name, type and province) and /organisaties/:code (its teams and people, filtered). */
export async function organisatieRoutes(app: FastifyInstance) {
  app.get('/organisaties', async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    const csrfToken = reply.generateCsrf();
    const params = new URLSearchParams(request.url.split('?')[1] ?? '');
    const provincies = await listProvincies(app.db);
    const parsed = organisatieListQuery.safeParse({ paginaGrootte: '50', ...formValues(params, ['type', 'provincie']) });
    const page = (props: Partial<Parameters<typeof OrganisatiesPagina>[0]>, status = 200) =>
      sendPage(reply, <OrganisatiesPagina principal={principal} csrfToken={csrfToken} params={params} provincies={provincies} {...props} />, status);
    if (!parsed.success) return page({ fout: invalidSearchText(parsed.error.issues) }, 400);
    try {
      const query = { ...parsed.data, provincie: await canonicalProvinces(app.db, parsed.data.provincie) };
      const result = await listOrganisaties(app.db, query);
      return page({ result: { ...result, pagina: query.pagina, paginaGrootte: query.paginaGrootte } });
    } catch (error) {
      if (error instanceof InvalidInputError) return page({ fout: error.fields[0]?.reason ?? error.detail }, 400);
      throw error;
    }
  });

  app.get('/organisaties/:code', async (request, reply) => {
    const principal = await signedIn(request, reply);
    if (!principal) return reply;
    const csrfToken = reply.generateCsrf();
    const { code } = request.params as { code: string };
    const organisatie = organisatieCode.safeParse(code).success ? await orNull(getOrganisatie(app.db, code)) : null;
    if (!organisatie) {
      return sendPage(reply, <FoutPagina principal={principal} csrfToken={csrfToken} status={404} titel="Niet gevonden" uitleg="Er is geen organisatie met deze code." />, 404);
    }
    const params = new URLSearchParams(request.url.split('?')[1] ?? '');
    // Only the filters this page offers; anything else in the URL is ignored rather than refused.
    const offered = formValues(params, []);
    const filters = zoekQuerySchema.pick({ zoekterm: true, rolniveau: true, expertisegebied: true }).safeParse({
      zoekterm: offered.zoekterm,
      rolniveau: offered.rolniveau,
      expertisegebied: offered.expertisegebied,
    });
    const chosen = filters.success ? filters.data : {};
    const base = { organisatie: [code], pagina: 1, paginaGrootte: 50 };
    const search = { db: app.db, engine: app.searchEngine, config: app.config };
    const [teams, mensen] = await Promise.all([
      searchProfessionals(search, principal, { ...base, soort: ['team'] }),
      searchProfessionals(search, principal, { ...base, ...chosen, soort: ['persoon'] }),
    ]);
    return sendPage(reply, <OrganisatiePagina principal={principal} csrfToken={csrfToken} organisatie={organisatie} teams={teams} mensen={mensen} params={filters.success ? params : new URLSearchParams()} />);
  });
}
