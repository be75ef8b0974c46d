import { sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const organisatieTypes = [
  'gemeente',
  'ministerie',
  'agentschap',
  'zbo',
  'inspectie',
  'provincie',
  'waterschap',
  'samenwerkingsverband',
] as const;
export type OrganisatieType = (typeof organisatieTypes)[number];

export const organisatieType = pgEnum('organisatie_type', organisatieTypes);

/** Where a row came from: the register export (refreshed by `organisaties:import`) or the project's own additions. */
export const organisatieBron = pgEnum('organisatie_bron', ['register', 'handmatig']);

export const organisaties = pgTable(
  'organisaties',
  {
    /** Stable API identifier: the TOOI local id (`gm0363`, `zb000117`), else a slug of the register id. */
    code: text('code').primaryKey(),
    naam: text('naam').notNull(),
    officieleNaam: text('officiele_naam').notNull(),
    afkorting: text('afkorting'),
    type: organisatieType('type').notNull(),
    tooiUri: text('tooi_uri').unique(),
    oin: text('oin'),
    kvk: text('kvk'),
    registerId: text('register_id'),
    /** Province name, for gemeenten and provinces. */
    provincie: text('provincie'),
    /** The responsible ministry (its code), for agencies, ZBOs and inspectorates. */
    ministerieCode: text('ministerie_code').references((): AnyPgColumn => organisaties.code),
    actief: boolean('actief').notNull().default(true),
    bron: organisatieBron('bron').notNull().default('register'),
    bijgewerktOp: timestamp('bijgewerkt_op', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('organisaties_type_idx').on(table.type),
    index('organisaties_provincie_idx').on(table.provincie),
    index('organisaties_oin_idx').on(table.oin),
    index('organisaties_naam_trgm_idx').using('gin', sql`immutable_unaccent(lower(${table.naam})) gin_trgm_ops`),
  ],
);

export type Organisatie = typeof organisaties.$inferSelect;
export type NieuweOrganisatie = typeof organisaties.$inferInsert;
