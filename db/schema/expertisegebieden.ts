import { sql } from 'drizzle-orm';
import { boolean, integer, pgEnum, pgTable, text, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const expertiseCategorieen = ['beleidsdomein', 'wet', 'thema', 'methode', 'bouwsteen'] as const;
export type ExpertiseCategorie = (typeof expertiseCategorieen)[number];

export const expertiseCategorie = pgEnum('expertise_categorie', expertiseCategorieen);

/** The controlled expertise taxonomy; synonyms (incl. abbreviations such as Pw, Wmo, BVV) feed search. */
export const expertisegebieden = pgTable('expertisegebieden', {
  code: text('code').primaryKey(),
  naam: text('naam').notNull(),
  categorie: expertiseCategorie('categorie').notNull(),
  parentCode: text('parent_code').references((): AnyPgColumn => expertisegebieden.code),
  omschrijving: text('omschrijving').notNull(),
  synoniemen: text('synoniemen').array().notNull().default(sql`'{}'::text[]`),
  volgorde: integer('volgorde').notNull().default(0),
  actief: boolean('actief').notNull().default(true),
});

export type Expertisegebied = typeof expertisegebieden.$inferSelect;
export type NieuwExpertisegebied = typeof expertisegebieden.$inferInsert;
