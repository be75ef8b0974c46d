import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../database/connection.js';
import { confirmationExpiry, type Termijnen } from '../professionals/rules.js';
import { digestFor, digestSize } from './digest.js';

/**
 * Decides which mails are due and writes them to the mail outbox, in the transaction that records the decision.
 * An occasion — an entry's threshold within one confirmation period, an organisation's digest period — is a unique
 * row (`herinneringen`, `overzichten`); a planner that finds it taken (another run, another node) writes nothing.
 * So however often and wherever the planner runs, each occasion yields its mails once.
 */

export interface PlanRules {
  termijnen: Termijnen;
  /** Days before expiry, largest first (config HERINNERING_DAGEN). */
  dagen: number[];
  /** Digest period in days; 0 = no digests. */
  overzichtDagen: number;
}

export interface PlanResult {
  herinneringen: number;
  overzichten: number;
  mails: number;
}

const DAY = 86_400_000;

/** The threshold an entry is in now: the smallest one whose day has come, before expiry; null when none. */
export function dueThreshold(expiry: Date, now: Date, dagen: number[]): number | null {
  const left = expiry.getTime() - now.getTime();
  if (left <= 0) return null;
  const crossed = dagen.filter((d) => left <= d * DAY);
  return crossed.length > 0 ? Math.min(...crossed) : null;
}

/** The digest period `now` falls in, named by its first day; periods of 7 days start on Mondays. */
export function digestPeriod(now: Date, days: number): string {
  const epochDay = Math.floor(now.getTime() / DAY);
  // 1970-01-01 was a Thursday; shifting by 3 makes 7-day periods run Monday to Sunday.
  const start = Math.floor((epochDay + 3) / days) * days - 3;
  return new Date(start * DAY).toISOString().slice(0, 10);
}

/** Coordinators are reached at the work e-mail of their own active entry in the register. */
export async function coordinatorAddresses(db: DbOrTx, organisatieCode: string): Promise<string[]> {
  const rows = await db.execute<{ email: string }>(sql`
    SELECT DISTINCT p.email FROM roltoewijzingen r
    JOIN professionals p ON p.eigenaar_issuer = r.issuer AND p.eigenaar_subject = r.subject AND p.status = 'actief'
    WHERE r.rol = 'coordinator' AND r.organisatie_code = ${organisatieCode}
    ORDER BY p.email`);
  return rows.map((row) => row.email);
}

export async function planReminders(db: Db, rules: PlanRules, now: Date): Promise<Omit<PlanResult, 'overzichten'>> {
  const result = { herinneringen: 0, mails: 0 };
  const largest = Math.max(...rules.dagen);
  const at = sql`${now.toISOString()}::timestamptz`;
  // Candidates with a few days' margin (PostgreSQL and JavaScript add months differently at month ends); the rules'
  // own confirmationExpiry decides.
  const candidates = await db.execute<{ id: string; bevestigd_op: Date | string }>(sql`
    SELECT id, bevestigd_op FROM professionals
    WHERE status = 'actief'
      AND bevestigd_op + make_interval(months => ${rules.termijnen.bevestigingMaanden}::int) > ${at} - interval '4 days'
      AND bevestigd_op + make_interval(months => ${rules.termijnen.bevestigingMaanden}::int) <= ${at} + make_interval(days => ${largest + 4}::int)`);
  for (const candidate of candidates) {
    const bevestigdOp = new Date(candidate.bevestigd_op);
    const threshold = dueThreshold(confirmationExpiry({ bevestigdOp }, rules.termijnen), now, rules.dagen);
    if (threshold === null) continue;
    const mails = await db.transaction(async (tx) => {
      // Re-read under lock: the entry may have been confirmed, deactivated or deleted since the candidate query.
      const [entry] = await tx.execute<{ organisatie_code: string; email: string; eigenaar_subject: string | null; bevestigd_op: Date | string }>(sql`
        SELECT organisatie_code, email, eigenaar_subject, bevestigd_op FROM professionals
        WHERE id = ${candidate.id} AND status = 'actief' FOR SHARE`);
      if (!entry || new Date(entry.bevestigd_op).getTime() !== bevestigdOp.getTime()) return -1;
      const [decided] = await tx.execute<{ id: string }>(sql`
        INSERT INTO herinneringen (professional_id, drempel_dagen, periode, aangemaakt_op)
        VALUES (${candidate.id}, ${threshold}, ${bevestigdOp.toISOString()}::timestamptz, ${at})
        ON CONFLICT ON CONSTRAINT herinneringen_eenmalig DO NOTHING RETURNING id`);
      if (!decided) return -1;
      const owned = entry.eigenaar_subject !== null;
      const recipients = owned ? [entry.email] : await coordinatorAddresses(tx, entry.organisatie_code);
      for (const ontvanger of recipients) {
        await tx.execute(sql`
          INSERT INTO mail_outbox (soort, ontvanger, ontvanger_rol, herinnering_id, professional_id, organisatie_code, aangemaakt_op)
          VALUES ('herinnering', ${ontvanger}, ${owned ? 'eigenaar' : 'coordinator'}, ${decided.id}, ${candidate.id}, ${entry.organisatie_code}, ${at})`);
      }
      return recipients.length;
    });
    if (mails >= 0) {
      result.herinneringen++;
      result.mails += mails;
    }
  }
  return result;
}

export async function planDigests(db: Db, rules: PlanRules, now: Date): Promise<Omit<PlanResult, 'herinneringen'>> {
  const result = { overzichten: 0, mails: 0 };
  if (rules.overzichtDagen === 0) return result;
  const periode = digestPeriod(now, rules.overzichtDagen);
  const organisations = await db.execute<{ code: string }>(sql`
    SELECT DISTINCT r.organisatie_code AS code FROM roltoewijzingen r
    WHERE r.rol = 'coordinator' AND NOT EXISTS (SELECT 1 FROM overzichten v WHERE v.organisatie_code = r.organisatie_code AND v.periode = ${periode})
    ORDER BY 1`);
  for (const { code } of organisations) {
    const mails = await db.transaction(async (tx) => {
      const recipients = await coordinatorAddresses(tx, code);
      if (recipients.length === 0) return -1;
      // Only when something needs attention; a later run in the same period may still find something.
      const digest = await digestFor(tx, code, { termijnen: rules.termijnen, binnenkortDagen: Math.max(...rules.dagen) }, now);
      if (!digest || digestSize(digest) === 0) return -1;
      const [decided] = await tx.execute<{ id: string }>(sql`
        INSERT INTO overzichten (organisatie_code, periode, aangemaakt_op) VALUES (${code}, ${periode}, ${now.toISOString()}::timestamptz)
        ON CONFLICT ON CONSTRAINT overzichten_eenmalig DO NOTHING RETURNING id`);
      if (!decided) return -1;
      for (const ontvanger of recipients) {
        await tx.execute(sql`
          INSERT INTO mail_outbox (soort, ontvanger, ontvanger_rol, overzicht_id, organisatie_code, aangemaakt_op)
          VALUES ('overzicht', ${ontvanger}, 'coordinator', ${decided.id}, ${code}, ${now.toISOString()}::timestamptz)`);
      }
      return recipients.length;
    });
    if (mails >= 0) {
      result.overzichten++;
      result.mails += mails;
    }
  }
  return result;
}

export async function planMails(db: Db, rules: PlanRules, now = new Date()): Promise<PlanResult> {
  const reminders = await planReminders(db, rules, now);
  const digests = await planDigests(db, rules, now);
  return { herinneringen: reminders.herinneringen, overzichten: digests.overzichten, mails: reminders.mails + digests.mails };
}
