import { sql } from 'drizzle-orm';
import { bigserial, boolean, customType, date, doublePrecision, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { professionals } from './professionals.js';
import { rolniveau, soort, status, zichtbaarheid } from './professionals.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The Postgres search engine's documents: one per entry, derived from the entry, its organisation and the taxonomy
 * by the shared document mapping (src/search/document.ts), refreshed in the same transaction as every change.
 * Filter columns are denormalised so a search touches this table only.
 */
export const zoekdocumenten = pgTable(
  'zoekdocumenten',
  {
    professionalId: uuid('professional_id')
      .primaryKey()
      .references(() => professionals.id, { onDelete: 'cascade' }),
    /**
     * The searchable words, stemmed, each tagged with its field class: 'a:…' name and expertise, 'b:…' function and
     * organisation, 'c:…' keywords, department and area, 'd:…' free text (migration 0017; src/search/postgres/ranking.ts).
     */
    vector: tsvector('vector').notNull(),
    /** Uniform in (0, 1], from the id: the order in which matches are sampled (migration 0011). */
    steekproef: doublePrecision('steekproef')
      .notNull()
      .generatedAlwaysAs(sql`zoek_steekproef(professional_id)`),
    organisatieCode: text('organisatie_code').notNull(),
    organisatieNaam: text('organisatie_naam').notNull(),
    organisatieType: text('organisatie_type').notNull(),
    expertisePad: text('expertise_pad').array().notNull(),
    provincies: text('provincies').array().notNull(),
    rolniveau: rolniveau('rolniveau').notNull(),
    rolniveauRang: smallint('rolniveau_rang').notNull(),
    soort: soort('soort').notNull(),
    zichtbaarheid: zichtbaarheid('zichtbaarheid').notNull(),
    status: status('status').notNull(),
    geverifieerdOp: timestamp('geverifieerd_op', { withTimezone: true }),
    bevestigdOp: timestamp('bevestigd_op', { withTimezone: true }).notNull(),
    afwezigTot: date('afwezig_tot'),
    /** For case routing, which ranks on these without reading the display document (migration 0015). */
    escalatiecontact: boolean('escalatiecontact').notNull().default(false),
    werkgebied: text('werkgebied').array().notNull().default(sql`'{}'::text[]`),
    versie: integer('versie').notNull(),
    /**
     * Name, function, department and keywords, folded: where typo and compound candidates for what people wrote
     * about themselves come from. It lives and dies with the entry, unlike the shared word list.
     */
    persoonlijkeTekst: text('persoonlijke_tekst').notNull().default(''),
  },
  (table) => [
    index('zoekdocumenten_vector_idx').using('gin', table.vector),
    index('zoekdocumenten_steekproef_idx').on(table.steekproef),
    index('zoekdocumenten_expertise_idx').using('gin', table.expertisePad),
    index('zoekdocumenten_provincies_idx').using('gin', table.provincies),
    index('zoekdocumenten_organisatie_idx').on(table.organisatieCode),
    // The first-page walk reads findable documents freshest first, in the ranking's last two rules' order.
    index('zoekdocumenten_versheid_idx').on(table.status, table.bevestigdOp.desc().nullsFirst(), table.professionalId),
    index('zoekdocumenten_geverifieerd_idx').on(table.geverifieerdOp),
    // "Does this organisation have non-public entries?" is asked on every cached search: answer it from a tiny index.
    index('zoekdocumenten_besloten_idx').on(table.organisatieCode).where(sql`zichtbaarheid <> 'alle-professionals'`),
  ],
);

/**
 * Reference vocabulary (taxonomy names and synonyms, organisation names; lower case, without accents): candidates
 * for typos and compound parts. Never words people wrote about themselves, so nothing personal outlives an entry.
 */
export const zoekwoorden = pgTable(
  'zoekwoorden',
  { woord: text('woord').primaryKey() },
  (table) => [index('zoekwoorden_trgm_idx').using('gin', sql`${table.woord} gin_trgm_ops`)],
);

/**
 * The distinct words in the documents' `persoonlijke_tekst`, with how many live documents hold each: typo and compound
 * candidates for what people wrote about themselves, found without scanning the documents (so query planning costs
 * the same at 10,000 and 1,000,000 entries). Kept by triggers on zoekdocumenten (migration 0014): a word goes when
 * its last document goes, so nothing personal outlives the entries that hold it.
 */
export const persoonlijkeZoekwoorden = pgTable(
  'persoonlijke_zoekwoorden',
  { woord: text('woord').primaryKey(), aantal: integer('aantal').notNull() },
  (table) => [index('persoonlijke_zoekwoorden_trgm_idx').using('gin', sql`${table.woord} gin_trgm_ops`)],
);

/**
 * Every word (lexeme, untagged) in the live documents, with how many documents hold it: what a typed prefix can
 * complete to. The ranking's catch-up asks the GIN index for those words one by one instead of as a prefix, so a
 * broad prefix's posting lists can be skipped through rather than read whole (src/search/postgres/ranking.ts). Kept by
 * triggers on zoekdocumenten (migration 0019); a word goes when its last document goes.
 */
export const zoeklexemen = pgTable('zoeklexemen', {
  lexeme: text('lexeme').primaryKey(),
  aantal: integer('aantal').notNull(),
});

/**
 * What was searched, for monitoring where the register falls short: the normalised query, the filters, how many
 * results, and the searcher's organisation — not the person. Kept for ZOEKLOG_BEWAAR_DAGEN.
 */
export const zoeklog = pgTable(
  'zoeklog',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tijdstip: timestamp('tijdstip', { withTimezone: true }).notNull().defaultNow(),
    zoekterm: text('zoekterm').notNull(),
    filters: jsonb('filters').notNull(),
    aantal: integer('aantal').notNull(),
    organisatieCode: text('organisatie_code').notNull(),
  },
  (table) => [index('zoeklog_onbeantwoord_idx').on(table.tijdstip).where(sql`aantal = 0`), index('zoeklog_tijdstip_idx').on(table.tijdstip)],
);

/**
 * What a result shows, apart from the columns searched and filtered on: kept out of `zoekdocumenten` so that a search
 * scanning thousands of matches reads narrow rows, and fetched for the one page shown.
 */
export const zoekdocumentWeergave = pgTable('zoekdocument_weergave', {
  professionalId: uuid('professional_id')
    .primaryKey()
    .references(() => professionals.id, { onDelete: 'cascade' }),
  document: jsonb('document').notNull(),
});
