import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisaties } from './organisaties.js';

export const rollen = ['beheerder', 'coordinator', 'pmm'] as const;
export type Rol = (typeof rollen)[number];

export const rol = pgEnum('rol', rollen);

/**
 * Who holds which role. A person is identified by the pair (issuer, subject): a `sub` is only unique within
 * the identity provider that issued it.
 */
export const roltoewijzingen = pgTable(
  'roltoewijzingen',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    rol: rol('rol').notNull(),
    /** Required for `coordinator` (the organisation coordinated); empty for the other roles. */
    organisatieCode: text('organisatie_code').references(() => organisaties.code),
    toegekendDoor: text('toegekend_door').notNull(),
    toegekendOp: timestamp('toegekend_op', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('roltoewijzingen_uniek').on(table.issuer, table.subject, table.rol, table.organisatieCode).nullsNotDistinct(),
    index('roltoewijzingen_persoon_idx').on(table.issuer, table.subject),
    check(
      'roltoewijzingen_organisatie_bij_coordinator',
      sql`(${table.rol} = 'coordinator') = (${table.organisatieCode} IS NOT NULL)`,
    ),
  ],
);

export type Roltoewijzing = typeof roltoewijzingen.$inferSelect;
