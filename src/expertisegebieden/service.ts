import { and, asc, eq } from 'drizzle-orm';
import { expertisegebieden, type Expertisegebied, type ExpertiseCategorie } from '../../db/schema/index.js';
import type { Db } from '../database/connection.js';
import { NotFoundError } from '../domain-errors.js';

const toView = (row: Expertisegebied) => ({
  code: row.code,
  naam: row.naam,
  categorie: row.categorie,
  parent: row.parentCode,
  omschrijving: row.omschrijving,
  synoniemen: row.synoniemen,
});

/** The active taxonomy in its curated order. */
export async function listExpertisegebieden(db: Db, filter: { categorie?: ExpertiseCategorie | undefined }) {
  const rows = await db
    .select()
    .from(expertisegebieden)
    .where(and(eq(expertisegebieden.actief, true), filter.categorie ? eq(expertisegebieden.categorie, filter.categorie) : undefined))
    .orderBy(asc(expertisegebieden.volgorde), asc(expertisegebieden.code));
  return { resultaten: rows.map(toView), totaal: rows.length };
}

export async function getExpertisegebied(db: Db, code: string) {
  const [row] = await db.select().from(expertisegebieden).where(eq(expertisegebieden.code, code));
  if (!row) throw new NotFoundError(`Er is geen expertisegebied met code "${code}".`);
  return toView(row);
}
