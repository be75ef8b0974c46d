import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgSequence, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
 * Numbers every write of a count row, so a reader can tell whether the counts changed since it last read them
 * (coverage-cache.ts). A sequence, not a counter row: a counter would make every writing transaction in the
 * register wait for the one before it (an import job holds its transaction for minutes).
 */
export const dekkingVersie = pgSequence('dekking_versie');

/**
 * Per organisation and domain ('' for the organisation as a whole), the entries current and verified as of the
 * cut-offs in `dekking_peil`; kept by deltas in the writing transactions, rebuilt when the cut-offs move on.
 * `versie`: the sequence's value at the row's last write. A row's next write is numbered after its previous one
 * committed (it waits for that row lock), so a row's `versie` only grows and the sum over all rows grows with every
 * committed change; a rebuild renumbers every row above the previous maximum.
 */
export const dekkingTellingen = pgTable(
  'dekking_tellingen',
  {
    organisatieCode: text('organisatie_code').notNull(),
    expertisegebiedCode: text('expertisegebied_code').notNull(),
    actueel: integer('actueel').notNull(),
    geverifieerd: integer('geverifieerd').notNull(),
    versie: bigint('versie', { mode: 'number' }).notNull().default(sql`nextval('dekking_versie')`),
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
