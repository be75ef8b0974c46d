import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisaties } from './organisaties.js';
import { professionals } from './professionals.js';

/**
 * E-mail reminders (src/herinneringen). A decision that a mail is due is a row here, unique per occasion, written in
 * the transaction that also writes the mails to the outbox: however often (and on however many nodes) the planner
 * runs, an occasion is decided once.
 */

/** "This entry's owner was reminded `drempelDagen` before the end of the confirmation period that began at `periode`." */
export const herinneringen = pgTable(
  'herinneringen',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    professionalId: uuid('professional_id')
      .notNull()
      .references(() => professionals.id, { onDelete: 'cascade' }),
    drempelDagen: integer('drempel_dagen').notNull(),
    /** The entry's `bevestigd_op` when decided: a new confirmation starts a new period with reminders of its own. */
    periode: timestamp('periode', { withTimezone: true }).notNull(),
    aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('herinneringen_eenmalig').on(table.professionalId, table.drempelDagen, table.periode)],
);

/** "The coordinators of this organisation got their digest for this period" (`periode`: first day of the period). */
export const overzichten = pgTable(
  'overzichten',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisatieCode: text('organisatie_code')
      .notNull()
      .references(() => organisaties.code, { onDelete: 'cascade' }),
    periode: text('periode').notNull(),
    aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('overzichten_eenmalig').on(table.organisatieCode, table.periode)],
);

/**
 * Mails to send, and afterwards the record of what was sent to whom. Holds no content: the worker renders each mail
 * from the current register when it sends it (an entry deleted meanwhile takes its pending mails with it).
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    soort: text('soort', { enum: ['herinnering', 'overzicht'] }).notNull(),
    ontvanger: text('ontvanger').notNull(),
    /** Why this address: the entry's owner, or a coordinator of its organisation. */
    ontvangerRol: text('ontvanger_rol', { enum: ['eigenaar', 'coordinator'] }).notNull(),
    herinneringId: uuid('herinnering_id').references(() => herinneringen.id, { onDelete: 'cascade' }),
    overzichtId: uuid('overzicht_id').references(() => overzichten.id, { onDelete: 'cascade' }),
    professionalId: uuid('professional_id').references(() => professionals.id, { onDelete: 'cascade' }),
    organisatieCode: text('organisatie_code')
      .notNull()
      .references(() => organisaties.code, { onDelete: 'cascade' }),
    aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true }).notNull().defaultNow(),
    pogingen: integer('pogingen').notNull().default(0),
    laatsteFout: text('laatste_fout'),
    volgendePogingOp: timestamp('volgende_poging_op', { withTimezone: true }),
    /** Set when done: `verzonden` (accepted by the SMTP server), `vervallen` (no longer due), `opgegeven` (dead letter). */
    afgehandeldOp: timestamp('afgehandeld_op', { withTimezone: true }),
    uitkomst: text('uitkomst', { enum: ['verzonden', 'vervallen', 'opgegeven'] }),
    messageId: text('message_id'),
  },
  (table) => [
    index('mail_outbox_open_idx').on(table.id).where(sql`afgehandeld_op IS NULL`),
    index('mail_outbox_opgegeven_idx').on(table.id).where(sql`uitkomst = 'opgegeven'`),
    index('mail_outbox_professional_idx').on(table.professionalId),
    check('mail_outbox_uitkomst', sql`(${table.afgehandeldOp} IS NULL) = (${table.uitkomst} IS NULL)`),
  ],
);

/**
 * The confirmation links in reminders. The link carries a random token; only its SHA-256 hash is kept. A link
 * confirms its own entry only, once, before `verlooptOp`.
 */
export const bevestigingslinks = pgTable(
  'bevestigingslinks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    professionalId: uuid('professional_id')
      .notNull()
      .references(() => professionals.id, { onDelete: 'cascade' }),
    mailId: bigint('mail_id', { mode: 'number' }).references(() => mailOutbox.id, { onDelete: 'set null' }),
    aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true }).notNull().defaultNow(),
    verlooptOp: timestamp('verloopt_op', { withTimezone: true }).notNull(),
    gebruiktOp: timestamp('gebruikt_op', { withTimezone: true }),
  },
  (table) => [index('bevestigingslinks_professional_idx').on(table.professionalId)],
);
