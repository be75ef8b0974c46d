import { sql, type SQL } from 'drizzle-orm';
import { isBeheerder, isPmm, type Principal } from '../auth/principal.js';
import type { Db } from '../database/connection.js';
import { ForbiddenError } from '../domain-errors.js';
import { listExpertisegebieden } from '../expertisegebieden/service.js';
import { listOrganisaties } from '../organisaties/service.js';
import { personNameWords } from '../professionals/name-words.js';
import { words } from '../search/text.js';
import { maskNames, nameCandidates } from './name-mask.js';

/** At most this many distinct unmet searches are read for one answer. */
const MAX_GROUPS = 5000;

export interface UnmetFilter {
  organisatie?: string | undefined;
  van?: string | undefined;
  tot?: string | undefined;
  pagina: number;
  paginaGrootte: number;
}

/**
 * Searches that found nobody, grouped by what was asked: where the register falls short. Coordinators see the
 * searches made from their own organisation(s); beheerders and the PMM desk see all. Personal names are masked
 * (name-mask.ts), in the API as on the page.
 */
export async function unmetSearches(db: Db, principal: Principal, filter: UnmetFilter) {
  const coordinated = principal.rollen.filter((r) => r.rol === 'coordinator').map((r) => r.organisatie!);
  const everything = isBeheerder(principal) || isPmm(principal);
  if (!everything && coordinated.length === 0) {
    throw new ForbiddenError('Dit inzicht is voor coördinatoren, de PMM-desk en beheerders.');
  }
  const conditions: SQL[] = [sql`aantal = 0`, sql`zoekterm <> ''`];
  const scope = filter.organisatie ? [filter.organisatie] : everything ? [] : coordinated;
  if (!everything && filter.organisatie && !coordinated.includes(filter.organisatie)) {
    throw new ForbiddenError('Je ziet alleen de zoekvragen van de organisatie die je coördineert.');
  }
  if (scope.length > 0) conditions.push(sql`organisatie_code IN (${sql.join(scope.map((c) => sql`${c}`), sql`, `)})`);
  const van = filter.van ? new Date(filter.van) : new Date(Date.now() - 30 * 24 * 3600 * 1000);
  conditions.push(sql`tijdstip >= ${van.toISOString()}::timestamptz`);
  if (filter.tot) conditions.push(sql`tijdstip <= ${new Date(filter.tot).toISOString()}::timestamptz`);
  const where = sql.join(conditions, sql` AND `);
  // Grouped in SQL, then masked and merged here (two searches for different names are one "[naam]" row), so the
  // page is cut after masking. A month of unmet searches is a few thousand groups at most; the bound keeps it so.
  const rows = await db.execute<{ zoekterm: string; filters: Record<string, unknown>; keren: number; organisaties: string[]; laatst: string }>(sql`
    SELECT zoekterm, filters, count(*)::int AS keren, array_agg(DISTINCT organisatie_code) AS organisaties, max(tijdstip) AS laatst
    FROM zoeklog WHERE ${where}
    GROUP BY zoekterm, filters
    ORDER BY keren DESC, laatst DESC
    LIMIT ${MAX_GROUPS}`);
  const vocabulary = await referenceVocabulary(db);
  const names = await personNameWords(db, nameCandidates(rows.flatMap((r) => r.zoekterm.split(' ')), vocabulary));
  const merged = new Map<string, { zoekterm: string; filters: Record<string, unknown>; keren: number; organisaties: Set<string>; laatst: number }>();
  for (const row of rows) {
    const zoekterm = maskNames(row.zoekterm.split(' ').filter(Boolean), (w) => names.has(w), vocabulary);
    const key = `${zoekterm}\u0000${JSON.stringify(row.filters)}`;
    const group = merged.get(key) ?? { zoekterm, filters: row.filters, keren: 0, organisaties: new Set<string>(), laatst: 0 };
    group.keren += row.keren;
    for (const code of row.organisaties) group.organisaties.add(code);
    group.laatst = Math.max(group.laatst, new Date(row.laatst).getTime());
    merged.set(key, group);
  }
  const sorted = [...merged.values()].sort((a, b) => b.keren - a.keren || b.laatst - a.laatst || a.zoekterm.localeCompare(b.zoekterm));
  const offset = (filter.pagina - 1) * filter.paginaGrootte;
  return {
    resultaten: sorted.slice(offset, offset + filter.paginaGrootte).map((r) => ({
      zoekterm: r.zoekterm,
      filters: r.filters,
      keren: r.keren,
      organisaties: r.organisaties.size,
      laatstGezocht: new Date(r.laatst).toISOString(),
    })),
    totaal: sorted.length,
    van: van.toISOString(),
  };
}

/** Words of the taxonomy (names and synonyms) and of organisation names: never taken for a personal name. */
async function referenceVocabulary(db: Db): Promise<Set<string>> {
  const [taxonomy, organisations] = await Promise.all([listExpertisegebieden(db, {}), listOrganisaties(db, { pagina: 1, paginaGrootte: 10_000 })]);
  return new Set([
    ...taxonomy.resultaten.flatMap((node) => [node.code, node.naam, ...node.synoniemen].flatMap((text) => words(text))),
    ...organisations.resultaten.flatMap((o) => [o.naam, o.officieleNaam, o.afkorting ?? ''].flatMap((text) => words(text))),
  ]);
}

/** Search log retention: older searches are deleted. */
export async function pruneSearchLog(db: Db, days: number): Promise<number> {
  const deleted = await db.execute(sql`DELETE FROM zoeklog WHERE tijdstip < now() - make_interval(days => ${days}::int) RETURNING id`);
  return deleted.length;
}
