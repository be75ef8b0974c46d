import type { Config } from '../config.js';

/**
 * The register's periods (`BEVESTIGING_GELDIG_MAANDEN`, `VERIFICATIE_GELDIG_MAANDEN`) and the one way months are
 * counted. Every translation (code, SQL, Meilisearch) compares with an instant computed here, so they cannot
 * disagree at the end of a month or in another time zone.
 */

export type Termijnen = Config['termijnen'];

/**
 * Calendar months in UTC, as PostgreSQL counts them: the day of the month is kept, or becomes the last day of a
 * shorter month (31 March minus one month is 29 February, not 2 March).
 */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** Entries confirmed after this instant are still confirmed in time at `now`. */
export const confirmedSince = (termijnen: Pick<Termijnen, 'bevestigingMaanden'>, now: Date) => addMonths(now, -termijnen.bevestigingMaanden);

/** Verifications after this instant are still valid at `now`. */
export const verifiedSince = (termijnen: Pick<Termijnen, 'verificatieMaanden'>, now: Date) => addMonths(now, -termijnen.verificatieMaanden);

/**
 * "Confirmation expires soon": confirmed in time now, but no longer `days` from now. The coordinator's digest and
 * the coordination page's filter both use these bounds: `after < bevestigdOp <= atMost`.
 */
export function expiringWithin(termijnen: Pick<Termijnen, 'bevestigingMaanden'>, now: Date, days: number): { after: Date; atMost: Date } {
  return { after: confirmedSince(termijnen, now), atMost: confirmedSince(termijnen, new Date(now.getTime() + days * 86_400_000)) };
}
