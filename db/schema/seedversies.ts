import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Which version (content hash) of each bundled seed set was applied, so start-up seeds once per change. */
export const seedversies = pgTable('seedversies', {
  naam: text('naam').primaryKey(),
  versie: text('versie').notNull(),
  toegepastOp: timestamp('toegepast_op', { withTimezone: true }).notNull().defaultNow(),
});
