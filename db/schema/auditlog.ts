import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const auditResultaten = ['gelukt', 'geweigerd'] as const;
export const auditResultaat = pgEnum('audit_resultaat', auditResultaten);

/**
 * Append-only log of every change and every PMM lookup (BIO 8.15): action, object, result, origin, actor, time.
 * Identifiers only, no names or contact details. Each row holds the hash of its predecessor (`volgnummer` order);
 * triggers fill the chain and refuse UPDATE, DELETE and TRUNCATE (migration 0003).
 */
export const auditlog = pgTable(
  'auditlog',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Position in the hash chain, assigned under a lock by the insert trigger. */
    volgnummer: bigint('volgnummer', { mode: 'number' }).notNull().unique().default(0),
    tijdstip: timestamp('tijdstip', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    actie: text('actie').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    resultaat: auditResultaat('resultaat').notNull(),
    /** Channel and request id: `api:<request id>`, `cli`, `retentie`. */
    herkomst: text('herkomst').notNull(),
    actorIssuer: text('actor_issuer'),
    actorSubject: text('actor_subject'),
    /** Identifiers and field names only (e.g. which fields changed, the organisation), never personal data. */
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
    vorigeHash: text('vorige_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (table) => [
    index('auditlog_object_idx').on(table.objectType, table.objectId),
    index('auditlog_actor_idx').on(table.actorIssuer, table.actorSubject),
    index('auditlog_tijdstip_idx').on(table.tijdstip),
  ],
);

export type AuditRow = typeof auditlog.$inferSelect;
