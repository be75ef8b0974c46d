import { sql } from 'drizzle-orm';
import type { SendMailOptions } from 'nodemailer';
import { recordAudit } from '../audit/service.js';
import type { Db, Tx } from '../database/connection.js';
import { findEntries } from '../professionals/repository.js';
import { confirmationExpiry, type Termijnen } from '../professionals/rules.js';
import { digestFor, digestSize } from './digest.js';
import { createLink } from './links.js';
import { digestMail, reminderMail, type RenderedMail } from './templates.js';

/**
 * Sends what the planner put in the mail outbox. Each mail is its own transaction: claim one open row
 * (`FOR UPDATE SKIP LOCKED`, so workers on several nodes never take the same row), render it from the current register
 * (a reminder whose entry was confirmed meanwhile is dropped as `vervallen`), hand it to the SMTP server, and mark it
 * `verzonden` with an audit row. A failure is retried with backoff; a permanent refusal (5xx) or too many attempts
 * makes a dead letter (`opgegeven`, visible in readiness). An unreachable server ends the round at once: the rest
 * waits in the outbox, untouched, for the next round.
 *
 * SMTP has no two-phase commit: a crash after the server accepted a mail and before the commit sends it again.
 * Everything else is sent exactly once.
 */

export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<{ messageId?: string }>;
}

export interface WorkerOptions {
  termijnen: Termijnen;
  dagen: number[];
  overzichtDagen: number;
  linkGeldigDagen: number;
  publicUrl: string;
  mailFrom: string;
  maxPogingen: number;
  /** Days the record of a finished mail is kept (retention.ts). */
  bewaarDagen: number;
  /** First retry delay; doubled per attempt up to `maxBackoffMs` (default 1 minute, 6 hours). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** At most this many mails per round (default 200). */
  batch?: number;
}

export interface SendResult {
  verzonden: number;
  vervallen: number;
  mislukt: number;
  opgegeven: number;
}

type OutboxRow = {
  id: number;
  soort: 'herinnering' | 'overzicht';
  ontvanger: string;
  ontvanger_rol: 'eigenaar' | 'coordinator';
  professional_id: string | null;
  organisatie_code: string;
  pogingen: number;
  drempel_dagen: number | null;
  periode: Date | string | null;
};

const AUDIT = { actor: null, herkomst: 'herinneringen' };

/** Retry delay after `attempts` failures. */
export function backoff(attempts: number, baseMs = 60_000, maxMs = 6 * 3600_000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), maxMs);
}

/** SMTP 5xx: the server refused this mail for good (unknown mailbox, policy); retrying will not help. */
const permanent = (error: unknown) => {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

/** No answer from the server at all: the whole round stops (the next mails would fail alike). */
const unreachable = (error: unknown) => {
  const code = (error as { code?: string }).code;
  return code === 'ECONNECTION' || code === 'ETIMEDOUT' || code === 'ESOCKET' || code === 'EDNS' || code === 'ECONNREFUSED';
};

async function render(tx: Tx, row: OutboxRow, options: WorkerOptions, now: Date): Promise<RenderedMail | null> {
  if (row.soort === 'overzicht') {
    const digest = await digestFor(tx, row.organisatie_code, { termijnen: options.termijnen, binnenkortDagen: Math.max(...options.dagen) }, now);
    if (!digest || digestSize(digest) === 0) return null;
    return digestMail(digest, { publicUrl: options.publicUrl, periodeDagen: options.overzichtDagen || 7 });
  }
  const [entry] = row.professional_id ? await findEntries(tx, sql`p.id = ${row.professional_id}`) : [];
  // Confirmed since the reminder was decided (a new period), deactivated, or no longer the owner's address: not due.
  if (!entry || entry.status !== 'actief' || row.periode === null || entry.bevestigdOp.getTime() !== new Date(row.periode).getTime()) return null;
  if (row.ontvanger_rol === 'eigenaar' && (entry.eigenaarSubject === null || entry.email !== row.ontvanger)) return null;
  const expiry = confirmationExpiry(entry, options.termijnen);
  if (expiry <= now) return null;
  const token = await createLink(tx, { professionalId: entry.id, mailId: row.id, now, geldigDagen: options.linkGeldigDagen });
  return reminderMail({
    aan: row.ontvanger_rol,
    entry: { naam: entry.naam, functie: entry.functie, soort: entry.soort, organisatieNaam: entry.organisatieNaam, organisatieCode: entry.organisatieCode },
    bevestigingTot: expiry,
    dagenOver: Math.max(1, Math.ceil((expiry.getTime() - now.getTime()) / 86_400_000)),
    link: `${options.publicUrl}/herinnering/${token}`,
    linkTot: new Date(now.getTime() + options.linkGeldigDagen * 86_400_000),
    publicUrl: options.publicUrl,
  });
}

type Outcome = 'verzonden' | 'vervallen' | 'mislukt' | 'opgegeven' | 'onbereikbaar' | 'leeg';

async function sendOne(db: Db, transport: MailTransport, options: WorkerOptions, now: Date): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const at = sql`${now.toISOString()}::timestamptz`;
    const [row] = await tx.execute<OutboxRow>(sql`
      SELECT m.id::int, m.soort, m.ontvanger, m.ontvanger_rol, m.professional_id, m.organisatie_code, m.pogingen,
             h.drempel_dagen, h.periode
      FROM mail_outbox m LEFT JOIN herinneringen h ON h.id = m.herinnering_id
      WHERE m.afgehandeld_op IS NULL AND (m.volgende_poging_op IS NULL OR m.volgende_poging_op <= ${at})
      ORDER BY m.id LIMIT 1
      FOR UPDATE OF m SKIP LOCKED`);
    if (!row) return 'leeg';
    const objectType = row.soort === 'herinnering' ? 'professional' : 'organisatie';
    const objectId = row.soort === 'herinnering' ? row.professional_id : row.organisatie_code;
    const mail = await render(tx, row, options, now);
    if (!mail) {
      await tx.execute(sql`UPDATE mail_outbox SET afgehandeld_op = ${at}, uitkomst = 'vervallen' WHERE id = ${row.id}`);
      return 'vervallen';
    }
    try {
      const info = await transport.sendMail({
        from: options.mailFrom,
        to: row.ontvanger,
        subject: mail.onderwerp,
        text: mail.tekst,
        html: mail.html,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', 'Content-Language': 'nl' },
      });
      await tx.execute(sql`
        UPDATE mail_outbox SET afgehandeld_op = ${at}, uitkomst = 'verzonden', pogingen = pogingen + 1, laatste_fout = NULL,
          message_id = ${info.messageId ?? null}
        WHERE id = ${row.id}`);
      await recordAudit(tx, AUDIT, {
        actie: `mail.${row.soort}.verzonden`,
        objectType,
        objectId,
        details: { mail: row.id, aan: row.ontvanger_rol, ...(row.drempel_dagen !== null ? { drempelDagen: row.drempel_dagen } : {}) },
      });
      return 'verzonden';
    } catch (error) {
      // The link of a mail that did not go out must not linger.
      await tx.execute(sql`DELETE FROM bevestigingslinks WHERE mail_id = ${row.id} AND gebruikt_op IS NULL`);
      const message = String((error as Error).message ?? error).slice(0, 500);
      const attempts = row.pogingen + 1;
      const dead = permanent(error) || attempts >= options.maxPogingen;
      await tx.execute(sql`
        UPDATE mail_outbox SET pogingen = ${attempts}, laatste_fout = ${message},
          volgende_poging_op = ${dead ? null : new Date(now.getTime() + backoff(attempts, options.backoffMs, options.maxBackoffMs)).toISOString()}::timestamptz,
          afgehandeld_op = ${dead ? now.toISOString() : null}::timestamptz, uitkomst = ${dead ? 'opgegeven' : null}
        WHERE id = ${row.id}`);
      if (dead) {
        await recordAudit(tx, AUDIT, { actie: `mail.${row.soort}.opgegeven`, objectType, objectId, resultaat: 'geweigerd', details: { mail: row.id, aan: row.ontvanger_rol, pogingen: attempts } });
        return 'opgegeven';
      }
      return unreachable(error) ? 'onbereikbaar' : 'mislukt';
    }
  });
}

/** One round: sends due mails until the outbox has none left (or the batch is full, or the server is unreachable). */
export async function sendDueMails(db: Db, transport: MailTransport, options: WorkerOptions, now: () => Date = () => new Date()): Promise<SendResult & { onbereikbaar: boolean }> {
  const result = { verzonden: 0, vervallen: 0, mislukt: 0, opgegeven: 0, onbereikbaar: false };
  for (let i = 0; i < (options.batch ?? 200); i++) {
    const outcome = await sendOne(db, transport, options, now());
    if (outcome === 'leeg') break;
    if (outcome === 'onbereikbaar') {
      result.mislukt++;
      result.onbereikbaar = true;
      break;
    }
    result[outcome]++;
  }
  return result;
}

export interface MailState {
  openstaand: number;
  opgegeven: number;
  oudsteOpenstaand: string | null;
  laatsteFout: string | null;
}

export async function mailState(db: Db): Promise<MailState> {
  // Both parts read partial indexes only (open rows, dead letters): cheap enough for every readiness probe.
  const [row] = await db.execute<{ openstaand: number; opgegeven: number; oudste: Date | string | null; fout: string | null }>(sql`
    SELECT open.openstaand, open.oudste, open.fout,
           (SELECT count(*)::int FROM mail_outbox WHERE uitkomst = 'opgegeven') AS opgegeven
    FROM (SELECT count(*)::int AS openstaand, min(aangemaakt_op) AS oudste,
                 (array_agg(laatste_fout ORDER BY id DESC) FILTER (WHERE laatste_fout IS NOT NULL))[1] AS fout
          FROM mail_outbox WHERE afgehandeld_op IS NULL) open`);
  return {
    openstaand: row?.openstaand ?? 0,
    opgegeven: row?.opgegeven ?? 0,
    oudsteOpenstaand: row?.oudste ? new Date(row.oudste).toISOString() : null,
    laatsteFout: row?.fout ?? null,
  };
}
