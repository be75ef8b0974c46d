import type { Principal } from '../auth/principal.js';
import { listOrganisaties } from '../organisaties/service.js';
import { listTeamContacts } from '../professionals/team-contacts.js';
import type { ProfessionalView } from '../professionals/schemas.js';
import type { ServiceContext } from '../service-context.js';
import { queryTerms } from '../search/text.js';
import type { ZoekQuery } from './schemas.js';
import { countProfessionals, type SearchDeps } from './service.js';

/**
 * When a search finds no one, what would: the same search without one of its words, or without one of its filters,
 * each with the number it finds; and the team entries (the way in) of the organisations the search is about. So a
 * search without results is never a dead end. Counted without logging: these are offers, not searches made.
 */

const filterKeys = ['organisatie', 'organisatieType', 'expertisegebied', 'rolniveau', 'provincie', 'soort'] as const;
export type FilterKey = (typeof filterKeys)[number] | 'geverifieerd';

export interface Alternative {
  /** What to leave out: a word of the search, or one filter value. */
  zonder: { soort: 'woord'; woord: string } | { soort: 'filter'; filter: FilterKey; waarde: string };
  query: ZoekQuery;
  aantal: number;
}

/** At most this many searches are tried, so a long query with many filters stays cheap. */
const maxTries = 8;

export async function alternativesFor(deps: SearchDeps, principal: Principal, query: ZoekQuery): Promise<Alternative[]> {
  const tries: Omit<Alternative, 'aantal'>[] = [];
  const words = queryTerms(query.zoekterm ?? '');
  const original = (query.zoekterm ?? '').split(/\s+/).filter(Boolean);
  if (original.length > 1) {
    for (const [index, woord] of original.entries()) {
      tries.push({ zonder: { soort: 'woord', woord }, query: { ...query, zoekterm: original.filter((_, i) => i !== index).join(' '), pagina: 1 } });
    }
  }
  for (const key of filterKeys) {
    for (const waarde of (query[key] ?? [])) {
      tries.push({ zonder: { soort: 'filter', filter: key, waarde }, query: { ...query, [key]: (query[key] as string[]).filter((v) => v !== waarde), pagina: 1 } });
    }
  }
  if (query.geverifieerd !== undefined) tries.push({ zonder: { soort: 'filter', filter: 'geverifieerd', waarde: query.geverifieerd }, query: { ...query, geverifieerd: undefined, pagina: 1 } });
  if (words.length === 0 && tries.length === 0) return [];
  const counted = await Promise.all(tries.slice(0, maxTries).map(async (t) => ({ ...t, aantal: await countProfessionals(deps, principal, t.query) })));
  return counted.filter((a) => a.aantal > 0).sort((a, b) => b.aantal - a.aantal);
}

/**
 * The organisations a search is about (its organisation filter, or organisations named in its words) with their
 * team entries this person may find: a maatwerkplaats or escalation desk can route the question onwards.
 */
export async function relevantTeams(context: ServiceContext, query: ZoekQuery): Promise<{ organisatie: { code: string; naam: string }; teams: ProfessionalView[] }[]> {
  const codes = new Map<string, string>();
  for (const code of query.organisatie ?? []) codes.set(code, code);
  for (const woord of (query.zoekterm ?? '').split(/\s+/).filter((w) => w.length >= 3)) {
    const named = await listOrganisaties(context.db, { zoekterm: woord, pagina: 1, paginaGrootte: 3 });
    for (const o of named.resultaten) if (!codes.has(o.code)) codes.set(o.code, o.naam);
    if (codes.size >= 3) break;
  }
  const found = await Promise.all(
    [...codes.keys()].slice(0, 3).map(async (code) => {
      const teams = await listTeamContacts(context, code, { limit: 3 });
      return { organisatie: { code, naam: teams[0]?.organisatie.naam ?? codes.get(code)! }, teams };
    }),
  );
  return found.filter((f) => f.teams.length > 0);
}
