import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { status, zichtbaarheid } from './professionals.js';

/**
 * The coverage insight's read model of its own (src/inzichten/coverage-read-model.ts), so coverage neither scans
 * every entry per request nor reads the search module's tables (#16 F12, #13 point 4).
 *
 * `dekking_vermeldingen`: per entry, the few facts coverage counts by; written in the transaction of every change.
 * No foreign key: a deleted entry's row is removed by the same call that subtracts it from the counts.
 */
export const dekkingVermeldingen = pgTable(
  'dekking_vermeldingen',
  {
    professionalId: uuid('professional_id').primaryKey(),
    organisatieCode: text('organisatie_code').notNull(),
    /** Own domains and their ancestors: a domain counts its descendants. */
    expertisePad: text('expertise_pad').array().notNull(),
    status: status('status').notNull(),
    zichtbaarheid: zichtbaarheid('zichtbaarheid').notNull(),
    bevestigdOp: timestamp('bevestigd_op', { withTimezone: true }).notNull(),
    geverifieerdOp: timestamp('geverifieerd_op', { withTimezone: true }),
  },
  (table) => [
    // The entries whose confirmation or verification lapsed since the counts' cut-offs: the read's correction.
    index('dekking_vermeldingen_bevestigd_idx').on(table.bevestigdOp),
    index('dekking_vermeldingen_geverifieerd_idx').on(table.geverifieerdOp),
  ],
);

/**
 * Per organisation and domain ('' for the organisation as a whole), the entries current and verified as of the
 * cut-offs in `dekking_peil`; kept by deltas in the writing transactions, rebuilt when the cut-offs move on.
 */
export const dekkingTellingen = pgTable(
  'dekking_tellingen',
  {
    organisatieCode: text('organisatie_code').notNull(),
    expertisegebiedCode: text('expertisegebied_code').notNull(),
    actueel: integer('actueel').notNull(),
    geverifieerd: integer('geverifieerd').notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisatieCode, table.expertisegebiedCode] })],
);

/** The one row of cut-offs the counts hold for (absent: not built yet). */
export const dekkingPeil = pgTable(
  'dekking_peil',
  {
    id: boolean('id').primaryKey().default(true),
    bevestigdSinds: timestamp('bevestigd_sinds', { withTimezone: true }).notNull(),
    geverifieerdSinds: timestamp('geverifieerd_sinds', { withTimezone: true }).notNull(),
    berekendOp: timestamp('berekend_op', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('dekking_peil_een_rij', sql`${table.id}`)],
);
