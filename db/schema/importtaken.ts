import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisaties } from './organisaties.js';

export const importtaakStatussen = ['wachtend', 'bezig', 'klaar', 'mislukt'] as const;
export type ImporttaakStatus = (typeof importtaakStatussen)[number];
export const importtaakStatus = pgEnum('importtaak_status', importtaakStatussen);

/**
 * A large CSV import, run in the background (issue 16, F9): the file waits here until a node claims it, progress is
 * written as it goes, and the outcome (the row report, or why it failed) stays for the coordinator to read, whether
 * or not the request that started it is still there. The file itself is dropped once the job is done.
 */
export const importtaken = pgTable(
  'importtaken',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisatieCode: text('organisatie_code')
      .notNull()
      .references(() => organisaties.code),
    proefrun: boolean('proefrun').notNull(),
    status: importtaakStatus('status').notNull().default('wachtend'),
    /** The CSV, until the job is done. */
    bestand: text('bestand'),
    /** Who started it (the principal as verified then), for authorisation and the audit log when it runs. */
    aanvrager: jsonb('aanvrager').notNull(),
    herkomst: text('herkomst').notNull(),
    /** Lines in the file (an upper bound of the rows), and rows handled so far. */
    regels: integer('regels').notNull(),
    verwerkt: integer('verwerkt').notNull().default(0),
    fase: text('fase').notNull().default('wachten'),
    pogingen: integer('pogingen').notNull().default(0),
    rapport: jsonb('rapport'),
    /** Set when the job failed for another reason than the file (Dutch, for the coordinator). */
    foutmelding: text('foutmelding'),
    aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true }).notNull().defaultNow(),
    /** Renewed while a node works on it: a job whose heartbeat stops is taken over by another node. */
    levensteken: timestamp('levensteken', { withTimezone: true }),
    klaarOp: timestamp('klaar_op', { withTimezone: true }),
  },
  (table) => [
    index('importtaken_open_idx').on(table.status).where(sql`${table.status} IN ('wachtend', 'bezig')`),
    index('importtaken_organisatie_idx').on(table.organisatieCode, table.aangemaaktOp),
    check('importtaken_klaar', sql`(${table.status} IN ('klaar', 'mislukt')) = (${table.klaarOp} IS NOT NULL)`),
  ],
);

export type Importtaak = typeof importtaken.$inferSelect;
