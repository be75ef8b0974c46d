import { sql } from 'drizzle-orm';
import { bigserial, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Changes that search engines fed from outside the database (Meilisearch) must pick up. Written in the same
 * transaction as the change; carries only the entry id, never its content (the relay re-reads the current row).
 */
export const zoekindexOutbox = pgTable(
  'zoekindex_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    professionalId: uuid('professional_id').notNull(),
    aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true }).notNull().defaultNow(),
    verwerktOp: timestamp('verwerkt_op', { withTimezone: true }),
    pogingen: integer('pogingen').notNull().default(0),
    laatsteFout: text('laatste_fout'),
    /** Not before: set after a failed attempt (exponential backoff). */
    volgendePogingOp: timestamp('volgende_poging_op', { withTimezone: true }),
    /** Given up after RELAY_MAX_POGINGEN attempts (dead letter): visible in /health/ready, needs an operator. */
    doodOp: timestamp('dood_op', { withTimezone: true }),
  },
  (table) => [index('zoekindex_outbox_open_idx').on(table.id).where(sql`verwerkt_op IS NULL`)],
);
