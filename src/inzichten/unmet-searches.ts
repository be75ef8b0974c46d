import { sql, type SQL } from 'drizzle-orm';
import { isBeheerder, isPmm, type Principal } from '../auth/principal.js';
import type { Db } from '../database/connection.js';
import { ForbiddenError } from '../domain-errors.js';

export interface UnmetFilter {
  organisatie?: string | undefined;
  van?: string | undefined;
  tot?: string | undefined;
  pagina: number;
  paginaGrootte: number;
}

/**
 * Searches that found nobody, grouped by what was asked: where the register falls short. Coordinators see the
 * searches made from their own organisation(s); beheerders and the PMM desk see all.
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
  const rows = await db.execute<{ zoekterm: string; filters: Record<string, unknown>; keren: number; organisaties: number; laatst: string }>(sql`
    SELECT zoekterm, filters, count(*)::int AS keren, count(DISTINCT organisatie_code)::int AS organisaties, max(tijdstip) AS laatst
    FROM zoeklog WHERE ${where}
    GROUP BY zoekterm, filters
    ORDER BY keren DESC, laatst DESC, zoekterm
    LIMIT ${filter.paginaGrootte} OFFSET ${(filter.pagina - 1) * filter.paginaGrootte}`);
  const [count] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM zoeklog WHERE ${where} GROUP BY zoekterm, filters) g`);
  return {
    resultaten: rows.map((r) => ({
      zoekterm: r.zoekterm,
      filters: r.filters,
      keren: r.keren,
      organisaties: r.organisaties,
      laatstGezocht: new Date(r.laatst).toISOString(),
    })),
    totaal: count?.n ?? 0,
    van: van.toISOString(),
  };
}

/** Search log retention: older searches are deleted. */
export async function pruneSearchLog(db: Db, days: number): Promise<number> {
  const deleted = await db.execute(sql`DELETE FROM zoeklog WHERE tijdstip < now() - make_interval(days => ${days}::int) RETURNING id`);
  return deleted.length;
}
