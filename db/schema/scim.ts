import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisaties } from './organisaties.js';

/**
 * The bearer tokens of SCIM clients (an organisation's HR or identity system). One client provisions one
 * organisation. Only a SHA-256 hash of each token is kept: the token itself is shown once, when it is made.
 */
export const scimTokens = pgTable(
  'scim_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisatieCode: text('organisatie_code')
      .notNull()
      .references(() => organisaties.code),
    /** Hex SHA-256 of the token; tokens are 256 random bits, so a plain hash cannot be reversed by guessing. */
    tokenHash: text('token_hash').notNull().unique(),
    omschrijving: text('omschrijving'),
    aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true }).notNull().defaultNow(),
    laatstGebruiktOp: timestamp('laatst_gebruikt_op', { withTimezone: true }),
    ingetrokkenOp: timestamp('ingetrokken_op', { withTimezone: true }),
  },
  (table) => [index('scim_tokens_organisatie_idx').on(table.organisatieCode)],
);

export type ScimToken = typeof scimTokens.$inferSelect;
