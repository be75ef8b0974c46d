import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * How often case routing was asked about each organisation: the routing page lists the organisations the desk works
 * with most first (#14 point 12). Counts only — who asked and about which case is in the audit log, not here.
 */
export const casusrouteringGebruik = pgTable('casusroutering_gebruik', {
  organisatieCode: text('organisatie_code').primaryKey(),
  aantal: integer('aantal').notNull().default(0),
  laatstGevraagd: timestamp('laatst_gevraagd', { withTimezone: true }).notNull().defaultNow(),
});
