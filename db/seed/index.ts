import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { notInArray, sql } from 'drizzle-orm';
import { expertisegebieden, seedversies } from '../schema/index.js';
import type { Db, DbOrTx } from '../../src/database/connection.js';
import { handmatigeOrganisaties } from '../../src/organisaties/handmatige-organisaties.js';
import { importRegisterExport, upsertOrganisaties } from '../../src/organisaties/import-register.js';
import { parseRegisterExport } from '../../src/organisaties/register-export.js';
import { taxonomie } from './expertisegebieden.js';
import { refreshAllSearchDocuments } from '../../src/search/postgres/documents.js';

/**
 * Brings the reference data to the bundled version. Each seed set is applied when its content hash differs from
 * the one recorded in `seedversies`, so a restart does nothing and an upgrade with new seed data applies it once.
 */

const SEED_LOCK = 7_242_002;
export const organisatieExports = ['gemeenten.csv', 'rijk-provincies-waterschappen.csv'].map((name) =>
  fileURLToPath(new URL(`./organisaties/${name}`, import.meta.url)),
);

export interface SeedReport {
  organisaties: 'bijgewerkt' | 'actueel';
  expertisegebieden: 'bijgewerkt' | 'actueel';
}

function hash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('hex').slice(0, 16);
}

export async function seedReferenceData(db: Db, log: (message: string) => void = () => {}): Promise<SeedReport> {
  const csvFiles = organisatieExports.map((file) => readFileSync(file, 'utf8'));
  const organisatieVersie = hash(...csvFiles, JSON.stringify(handmatigeOrganisaties));
  const taxonomieVersie = hash(JSON.stringify(taxonomie));

  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const applied = new Map((await tx.select().from(seedversies)).map((row) => [row.naam, row.versie]));
    const report: SeedReport = { organisaties: 'actueel', expertisegebieden: 'actueel' };

    if (applied.get('organisaties') !== organisatieVersie) {
      // Ministries come from the second file; import it first so the hand-added organisations can refer to them.
      for (const csv of [...csvFiles].reverse()) {
        const parsed = parseRegisterExport(csv);
        if (parsed.fouten.length > 0) throw new Error(`bundled organisation data is invalid: ${JSON.stringify(parsed.fouten.slice(0, 3))}`);
        const result = await importRegisterExport(tx, parsed);
        log(`organisaties (${parsed.kind}): ${result.aangemaakt} nieuw, ${result.bijgewerkt} bijgewerkt, ${result.gedeactiveerd} inactief gemaakt`);
      }
      await upsertOrganisaties(tx, handmatigeOrganisaties);
      await recordVersion(tx, 'organisaties', organisatieVersie);
      report.organisaties = 'bijgewerkt';
    }

    if (applied.get('expertisegebieden') !== taxonomieVersie) {
      await seedTaxonomy(tx);
      await recordVersion(tx, 'expertisegebieden', taxonomieVersie);
      log(`expertisegebieden: ${taxonomie.length} bijgewerkt`);
      report.expertisegebieden = 'bijgewerkt';
    }
    // Organisation names and synonyms are part of every search document.
    if (report.organisaties === 'bijgewerkt' || report.expertisegebieden === 'bijgewerkt') await refreshAllSearchDocuments(tx);
    return report;
  });
}

async function seedTaxonomy(db: DbOrTx) {
  const rows = taxonomie.map((node, index) => ({
    code: node.code,
    naam: node.naam,
    categorie: node.categorie,
    parentCode: node.parent ?? null,
    omschrijving: node.omschrijving,
    synoniemen: node.synoniemen,
    volgorde: index,
    actief: true,
  }));
  await db
    .insert(expertisegebieden)
    .values(rows)
    .onConflictDoUpdate({
      target: expertisegebieden.code,
      set: {
        naam: sql`excluded.naam`,
        categorie: sql`excluded.categorie`,
        parentCode: sql`excluded.parent_code`,
        omschrijving: sql`excluded.omschrijving`,
        synoniemen: sql`excluded.synoniemen`,
        volgorde: sql`excluded.volgorde`,
        actief: sql`true`,
      },
    });
  // Nodes dropped from the taxonomy stay (entries may refer to them) but are no longer offered.
  await db.update(expertisegebieden).set({ actief: false }).where(notInArray(expertisegebieden.code, rows.map((r) => r.code)));
}

async function recordVersion(db: DbOrTx, naam: string, versie: string) {
  await db
    .insert(seedversies)
    .values({ naam, versie })
    .onConflictDoUpdate({ target: seedversies.naam, set: { versie, toegepastOp: sql`now()` } });
}
