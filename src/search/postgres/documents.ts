import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../database/connection.js';
import { fieldTexts, weightedTexts, type SearchDocument } from '../document.js';
import { documentSource, loadSearchDocuments } from '../document-source.js';
import type { DocumentSource } from '../port.js';
import { recordCoverageEntries } from '../../inzichten/coverage-read-model.js';
import { words } from '../text.js';

/** What people wrote about themselves, folded: typo and compound candidates that disappear with the entry. */
function personalText(document: SearchDocument): string {
  const texts = fieldTexts(document);
  return words([texts.naam, texts.functie, texts.afdeling, texts.trefwoorden].join(' ')).join(' ');
}

/** Reference vocabulary only: taxonomy names and synonyms, organisation and area names. */
function vocabulary(document: SearchDocument): string[] {
  const texts = fieldTexts(document);
  return words([texts.expertise, texts.organisatie, texts.werkgebied].join(' '));
}

/**
 * The searchable words of a document (`vector`): every stemmed word once as itself ('schuld': matching anywhere),
 * and once tagged with each field class it occurs in (a: name and expertise, b: function and organisation, c:
 * keywords, department and area, d: free text — fields.ts): 'a:schuld'. A word in class a is then a GIN key of its
 * own, which is what the ranking's buckets need (ranking.ts).
 */

/**
 * Keeps the Postgres engine's documents (`zoekdocumenten`) and word list (`zoekwoorden`) in step with the entries.
 * Called in the transaction of every change, so search never lags behind the database.
 */

const BATCH = 500;

export async function writeDocuments(db: DbOrTx, documents: SearchDocument[]): Promise<void> {
  if (documents.length === 0) return;
  const rows = documents.map((document) => ({ document, texts: weightedTexts(document) }));
  const payload = JSON.stringify(
    rows.map(({ document: d, texts }) => ({
      id: d.id,
      document: d,
      a: texts.A,
      b: texts.B,
      c: texts.C,
      d: texts.D,
      organisatie_code: d.organisatie.code,
      organisatie_naam: d.organisatie.naam,
      organisatie_type: d.organisatie.type,
      expertise_pad: d.expertisePad,
      provincies: d.provincies,
      rolniveau: d.rolniveau,
      rolniveau_rang: d.rolniveauRang,
      soort: d.soort,
      zichtbaarheid: d.zichtbaarheid,
      status: d.status,
      geverifieerd_op: d.geverifieerdOp,
      bevestigd_op: d.bevestigdOp,
      afwezig_tot: d.afwezigTot,
      escalatiecontact: d.escalatiecontact,
      werkgebied: d.werkgebied,
      versie: d.versie,
      persoonlijke_tekst: personalText(d),
    })),
  );
  await db.execute(sql`
    INSERT INTO zoekdocumenten (professional_id, vector, organisatie_code, organisatie_naam, organisatie_type,
      expertise_pad, provincies, rolniveau, rolniveau_rang, soort, zichtbaarheid, status, geverifieerd_op, bevestigd_op, afwezig_tot, versie,
      persoonlijke_tekst, escalatiecontact, werkgebied)
    SELECT v.id,
      (SELECT coalesce(array_to_tsvector(array_agg(DISTINCT w.woord)), ''::tsvector)
       FROM (SELECT 'a' AS tag, unnest(tsvector_to_array(to_tsvector('maatwerk_nl', v.a))) AS lexeme
             UNION ALL SELECT 'b', unnest(tsvector_to_array(to_tsvector('maatwerk_nl', v.b)))
             UNION ALL SELECT 'c', unnest(tsvector_to_array(to_tsvector('maatwerk_nl', v.c)))
             UNION ALL SELECT 'd', unnest(tsvector_to_array(to_tsvector('maatwerk_nl', v.d)))) AS x,
            LATERAL (VALUES (x.lexeme), (x.tag || ':' || x.lexeme)) AS w(woord)),
      v.organisatie_code, v.organisatie_naam, v.organisatie_type,
      ARRAY(SELECT jsonb_array_elements_text(v.expertise_pad)), ARRAY(SELECT jsonb_array_elements_text(v.provincies)),
      v.rolniveau::rolniveau, v.rolniveau_rang, v.soort::soort, v.zichtbaarheid::zichtbaarheid, v.status::status,
      v.geverifieerd_op, v.bevestigd_op, v.afwezig_tot, v.versie, v.persoonlijke_tekst,
      v.escalatiecontact, ARRAY(SELECT jsonb_array_elements_text(v.werkgebied))
    FROM jsonb_to_recordset(${payload}::jsonb) AS v(id uuid, document jsonb, a text, b text, c text, d text,
      organisatie_code text, organisatie_naam text, organisatie_type text, expertise_pad jsonb, provincies jsonb,
      rolniveau text, rolniveau_rang smallint, soort text, zichtbaarheid text, status text,
      geverifieerd_op timestamptz, bevestigd_op timestamptz, afwezig_tot date, versie integer, persoonlijke_tekst text,
      escalatiecontact boolean, werkgebied jsonb)
    ON CONFLICT (professional_id) DO UPDATE SET
      vector = excluded.vector, organisatie_code = excluded.organisatie_code,
      organisatie_naam = excluded.organisatie_naam, organisatie_type = excluded.organisatie_type,
      expertise_pad = excluded.expertise_pad, provincies = excluded.provincies, rolniveau = excluded.rolniveau,
      rolniveau_rang = excluded.rolniveau_rang, soort = excluded.soort, zichtbaarheid = excluded.zichtbaarheid,
      status = excluded.status, geverifieerd_op = excluded.geverifieerd_op, bevestigd_op = excluded.bevestigd_op,
      afwezig_tot = excluded.afwezig_tot, versie = excluded.versie, persoonlijke_tekst = excluded.persoonlijke_tekst,
      escalatiecontact = excluded.escalatiecontact, werkgebied = excluded.werkgebied`);

  await db.execute(sql`
    INSERT INTO zoekdocument_weergave (professional_id, document)
    SELECT v.id, v.document FROM jsonb_to_recordset(${payload}::jsonb) AS v(id uuid, document jsonb)
    ON CONFLICT (professional_id) DO UPDATE SET document = excluded.document`);

  const lexicon = [...new Set(rows.flatMap(({ document }) => vocabulary(document)).filter((w) => w.length >= 3 && w.length <= 40))];
  if (lexicon.length > 0) {
    await db.execute(sql`
      INSERT INTO zoekwoorden (woord) SELECT jsonb_array_elements_text(${JSON.stringify(lexicon)}::jsonb)
      ON CONFLICT DO NOTHING`);
  }
}

/**
 * Refreshes the documents of these entries; entries that no longer exist lost theirs by cascade. The coverage
 * insight's read model takes the same documents in the same transaction (inzichten/coverage-read-model.ts).
 */
export async function refreshSearchDocuments(db: DbOrTx, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += BATCH) {
    const batch = unique.slice(i, i + BATCH);
    const { documents, removed } = await loadSearchDocuments(db, batch);
    await writeDocuments(db, documents);
    await recordCoverageEntries(db, documents, removed);
  }
}

/** Writes every document the source yields, in batches (`npm run reindex`, or after reference data changed). */
export async function writeAllDocuments(db: DbOrTx, source: DocumentSource, progress?: (done: number, total: number) => void): Promise<number> {
  const total = await source.count();
  let done = 0;
  let written = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await source.batchAfter(after, BATCH);
    if (batch.lastId === undefined) break;
    await writeDocuments(db, batch.documents);
    await recordCoverageEntries(db, batch.documents, []);
    written += batch.documents.length;
    done += batch.entries;
    after = batch.lastId;
    progress?.(done, total);
  }
  return written;
}

/** Rebuilds every document of the register in this transaction (after the organisation register changed). */
export function refreshAllSearchDocuments(db: DbOrTx): Promise<number> {
  return writeAllDocuments(db, documentSource(db));
}
