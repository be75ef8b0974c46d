import { zoeklog } from '../../db/schema/index.js';
import type { Principal } from '../auth/principal.js';
import type { Config } from '../config.js';
import type { Db } from '../database/connection.js';
import type { FacetName, FacetValue, SearchEngine, SearchFilters, SearchHit } from '../search/port.js';
import { queryTerms } from '../search/text.js';
import { canonicalProvinces } from '../organisaties/provinces.js';
import { listOrganisatieNamen, listOrganisaties } from '../organisaties/service.js';
import { verifiedSince } from '../professionals/termijnen.js';
import { viewerOf } from '../professionals/visibility.js';
import { organisatieTypeLabels, rolniveauLabels } from './labels.js';
import type { SearchLogBuffer } from './search-log.js';
import type { ZoekQuery } from './schemas.js';

export interface SearchDeps {
  log?: (error: unknown) => void;
  /** Batches search log lines; without it each search writes its own. */
  searchLog?: SearchLogBuffer;
  db: Db;
  engine: SearchEngine;
  config: Pick<Config, 'termijnen'>;
}

function resultView(hit: SearchHit, now: Date, verificatieMaanden: number) {
  const d = hit.document;
  return {
    id: d.id,
    soort: d.soort,
    naam: d.naam,
    functie: d.functie,
    afdeling: d.afdeling,
    organisatie: { code: d.organisatie.code, naam: d.organisatie.naam, type: d.organisatie.type },
    rolniveau: d.rolniveau,
    expertisegebieden: d.expertisegebieden,
    trefwoorden: d.trefwoorden,
    werkgebied: d.werkgebied,
    email: d.email,
    telefoon: d.telefoon,
    bereikbaarheid: d.bereikbaarheid,
    escalatiecontact: d.escalatiecontact,
    afwezigTot: d.afwezigTot,
    afwezig: d.afwezigTot !== null && d.afwezigTot >= now.toISOString().slice(0, 10),
    geverifieerd: d.geverifieerdOp !== null && new Date(d.geverifieerdOp) > verifiedSince({ verificatieMaanden }, now),
    geverifieerdOp: d.geverifieerdOp,
    bevestigdOp: d.bevestigdOp,
    treffers: hit.treffers,
    uitleg: hit.uitleg ?? [],
  };
}

/** Selected values stay in their facet (with 0) so a page can always show and clear them. */
function withSelected(values: FacetValue[], selected: string[] | undefined, label: (value: string) => string): FacetValue[] {
  const result = values.map((v) => ({ ...v, naam: label(v.waarde) === v.waarde ? v.naam : label(v.waarde) }));
  for (const value of selected ?? []) if (!result.some((v) => v.waarde === value)) result.push({ waarde: value, naam: label(value), aantal: 0 });
  return result;
}

/** How many values a facet shows, most frequent first (the engine may count more; see ORGANISATIE_FACET_MAX). */
export const FACET_SHOWN = 30;

/** The engine's filters for a query (provinces spelled as the register does). */
export async function filtersOf(deps: Pick<SearchDeps, 'db'>, query: ZoekQuery): Promise<SearchFilters> {
  return {
    organisatie: query.organisatie,
    organisatieType: query.organisatieType,
    expertisegebied: query.expertisegebied,
    rolniveau: query.rolniveau,
    provincie: await canonicalProvinces(deps.db, query.provincie),
    soort: query.soort,
    geverifieerd: query.geverifieerd === undefined ? undefined : query.geverifieerd === 'true',
  };
}

/** How many entries this query finds for this person, without logging it (for suggestions, not a search made). */
export async function countProfessionals(deps: SearchDeps, principal: Principal, query: ZoekQuery): Promise<number> {
  const result = await deps.engine.search(
    { zoekterm: query.zoekterm, filters: await filtersOf(deps, query), pagina: 1, paginaGrootte: 1 },
    viewerOf(principal),
    { ...deps.config.termijnen, now: new Date() },
  );
  return result.totaal;
}

/**
 * The organisation facet: the most frequent organisations, or, with `organisatieZoekterm`, every organisation with
 * matches whose name, official name or abbreviation looks like it (so any organisation can be chosen, not only the
 * top); selected organisations always stay, by name.
 */
async function organisationFacet(deps: Pick<SearchDeps, 'db'>, values: FacetValue[], selected: string[] | undefined, zoekterm: string | undefined): Promise<FacetValue[]> {
  let shown = values.slice(0, FACET_SHOWN);
  if (zoekterm) {
    const named = await listOrganisaties(deps.db, { zoekterm, pagina: 1, paginaGrootte: 1000 });
    const order = new Map(named.resultaten.map((o, index) => [o.code, index]));
    shown = values.filter((v) => order.has(v.waarde)).sort((a, b) => order.get(a.waarde)! - order.get(b.waarde)!);
  }
  const missing = (selected ?? []).filter((code) => !shown.some((v) => v.waarde === code));
  if (missing.length === 0) return shown;
  const names = new Map((await listOrganisatieNamen(deps.db, missing)).map((o) => [o.code, o.naam]));
  return [...shown, ...missing.map((code) => values.find((v) => v.waarde === code) ?? { waarde: code, naam: names.get(code) ?? code, aantal: 0 })];
}

/**
 * Where a search was started, when not from the search form: `inzichten` is a search re-run from the insights' list
 * of unmet searches. That is someone checking the register, not someone looking for a colleague, so it is not logged:
 * otherwise every click there would count the same unmet search once more.
 */
export type SearchOrigin = 'inzichten';

export async function searchProfessionals(deps: SearchDeps, principal: Principal, query: ZoekQuery, options: { herkomst?: SearchOrigin | undefined } = {}) {
  const now = new Date();
  const filters = await filtersOf(deps, query);
  const result = await deps.engine.search(
    { zoekterm: query.zoekterm, filters, gewenstRolniveau: query.gewenstRolniveau, pagina: query.pagina, paginaGrootte: query.paginaGrootte },
    viewerOf(principal),
    { ...deps.config.termijnen, now },
  );
  // Logged without holding up the answer; a lost log line is no reason to fail a search.
  if (query.pagina === 1 && options.herkomst !== 'inzichten') {
    const row = logRow(principal, query.zoekterm, filters, result.totaal);
    if (deps.searchLog) deps.searchLog.add(row);
    else void deps.db.insert(zoeklog).values(row).catch((error: unknown) => deps.log?.(error));
  }

  const same = (v: string) => v;
  const facetten: Record<FacetName, FacetValue[]> = {
    organisatie: await organisationFacet(deps, result.facetten.organisatie, filters.organisatie, query.organisatieZoekterm),
    organisatieType: withSelected(result.facetten.organisatieType, filters.organisatieType, (v) => organisatieTypeLabels[v] ?? v),
    expertisegebied: withSelected(result.facetten.expertisegebied.slice(0, FACET_SHOWN), filters.expertisegebied, same),
    rolniveau: withSelected(result.facetten.rolniveau, filters.rolniveau, (v) => rolniveauLabels[v] ?? v),
    provincie: withSelected(result.facetten.provincie, filters.provincie, same),
  };
  return {
    resultaten: result.hits.map((hit) => resultView(hit, now, deps.config.termijnen.verificatieMaanden)),
    totaal: result.totaal,
    geschat: result.geschat,
    bladerbaar: result.bladerbaar,
    facetten,
    /** How many organisations have matches (the facet shows the first FACET_SHOWN unless asked for a name). */
    organisatiesMetTreffers: result.facetten.organisatie.length,
    pagina: query.pagina,
    paginaGrootte: query.paginaGrootte,
  };
}

/** The first page of every search, without the person: normalised words, filters, count, organisation. */
function logRow(principal: Principal, zoekterm: string | undefined, filters: SearchFilters, aantal: number) {
  const defined = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
  return { zoekterm: queryTerms(zoekterm ?? '').join(' '), filters: defined, aantal, organisatieCode: principal.organisatie };
}
