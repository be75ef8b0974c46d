import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { expertisegebieden } from './expertisegebieden.js';
import { organisaties } from './organisaties.js';

export const soorten = ['persoon', 'team'] as const;
export const rolniveaus = ['uitvoering', 'specialist', 'coordinatie', 'management', 'bestuur'] as const;
export const zichtbaarheden = ['alle-professionals', 'eigen-organisatie', 'pmm'] as const;
export const statussen = ['actief', 'inactief'] as const;
export type Soort = (typeof soorten)[number];
export type Rolniveau = (typeof rolniveaus)[number];
export type Zichtbaarheid = (typeof zichtbaarheden)[number];
export type Status = (typeof statussen)[number];

export const soort = pgEnum('soort', soorten);
export const rolniveau = pgEnum('rolniveau', rolniveaus);
export const zichtbaarheid = pgEnum('zichtbaarheid', zichtbaarheden);
export const status = pgEnum('status', statussen);

/**
 * An entry in the register: a person, or a functional contact point (maatwerkplaats, maatwerkteam, escalation desk).
 * Work contact data only.
 */
export const professionals = pgTable(
  'professionals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    soort: soort('soort').notNull(),
    naam: text('naam').notNull(),
    functie: text('functie').notNull(),
    afdeling: text('afdeling'),
    organisatieCode: text('organisatie_code')
      .notNull()
      .references(() => organisaties.code),
    rolniveau: rolniveau('rolniveau').notNull(),
    trefwoorden: text('trefwoorden').array().notNull().default(sql`'{}'::text[]`),
    /** Province names or gemeente codes the entry serves. */
    werkgebied: text('werkgebied').array().notNull().default(sql`'{}'::text[]`),
    /** Stored lower-case; unique within the organisation (the import upserts by it). */
    email: text('email').notNull(),
    telefoon: text('telefoon'),
    bereikbaarheid: text('bereikbaarheid'),
    overMij: text('over_mij'),
    zichtbaarheid: zichtbaarheid('zichtbaarheid').notNull().default('alle-professionals'),
    escalatiecontact: boolean('escalatiecontact').notNull().default(false),
    afwezigTot: date('afwezig_tot'),
    status: status('status').notNull().default('actief'),
    geverifieerdOp: timestamp('geverifieerd_op', { withTimezone: true }),
    /** The owner's "still current" confirmation; creation counts as one. */
    bevestigdOp: timestamp('bevestigd_op', { withTimezone: true }).notNull().defaultNow(),
    /** Who owns the entry (issuer + subject); empty for entries a coordinator made and nobody claimed yet. */
    eigenaarIssuer: text('eigenaar_issuer'),
    eigenaarSubject: text('eigenaar_subject'),
    /** SCIM `userName` of a provisioned entry (often the UPN, which may differ from the work e-mail); else empty. */
    gebruikersnaam: text('gebruikersnaam'),
    /** SCIM `externalId`: the provisioning client's own id for the person (e.g. Entra ID's objectId). */
    externId: text('extern_id'),
    versie: integer('versie').notNull().default(1),
    aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true }).notNull().defaultNow(),
    gewijzigdOp: timestamp('gewijzigd_op', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('professionals_email_per_organisatie').on(table.organisatieCode, table.email),
    uniqueIndex('professionals_eigenaar').on(table.eigenaarIssuer, table.eigenaarSubject),
    // SCIM userNames compare case-insensitively (RFC 7643 §4.1.1, caseExact false).
    uniqueIndex('professionals_gebruikersnaam_per_organisatie').on(table.organisatieCode, sql`lower(${table.gebruikersnaam})`),
    index('professionals_organisatie_idx').on(table.organisatieCode, table.status),
    index('professionals_bevestigd_idx').on(table.bevestigdOp),
  ],
);

export const professionalExpertisegebieden = pgTable(
  'professional_expertisegebieden',
  {
    professionalId: uuid('professional_id')
      .notNull()
      .references(() => professionals.id, { onDelete: 'cascade' }),
    expertisegebiedCode: text('expertisegebied_code')
      .notNull()
      .references(() => expertisegebieden.code),
    volgorde: integer('volgorde').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.professionalId, table.expertisegebiedCode] }), index('professional_expertise_code_idx').on(table.expertisegebiedCode)],
);

