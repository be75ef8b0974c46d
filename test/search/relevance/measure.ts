import type { Db } from '../../../src/database/connection.js';
import { insertEntries } from '../../../db/seed/bulk-entries.js';
import { seedDemoData } from '../../../db/seed/demo.js';
import type { SearchDocument } from '../../../src/search/document.js';
import type { SearchEngine, SearchFilters, SearchPolicy, Viewer } from '../../../src/search/port.js';
import { targetEntries } from './entries.js';
import { fillerEntries } from './fillers.js';
import { judgements as allJudgements, type Also, type Judgement } from './judgements.js';

/**
 * How the relevance suite measures an engine: every judged query's first page (10), the rank of its first relevant
 * entry, success@3 and MRR. Shared by the test (Postgres, Meilisearch) and `npm run bench:relevance` (the register
 * beside MiniSearch, Lunr and Orama), so all of them are judged by the same rules.
 */

/** Who searches in the suite: a Groningen professional (sees every entry open to all professionals, and Groningen's own). */
export const viewer: Viewer = { organisatie: 'gm0014', pmm: false };
export const policy = (): SearchPolicy => ({ bevestigingMaanden: 12, verificatieMaanden: 12, now: new Date() });

/** A ranker: the first page of documents for a judged query, best first. */
export type Ranker = (zoekterm: string, filters: SearchFilters) => Promise<SearchDocument[]>;

export function engineRanker(engine: SearchEngine, size = 10): Ranker {
  return async (zoekterm, filters) => {
    const result = await engine.search({ zoekterm, filters, pagina: 1, paginaGrootte: size }, viewer, policy());
    return result.hits.map((h) => h.document);
  };
}

/** The key of a fixture entry (entries.ts: `eva-tilburg`), or undefined for a demo, filler or generated entry. */
export function fixtureKey(document: SearchDocument): string | undefined {
  const [local, domain] = document.email.split('@');
  return domain === 'relevantie.example' ? local : undefined;
}

/** A short readable label: the key for a fixture entry, else name and organisation. */
export function label(document: SearchDocument): string {
  return fixtureKey(document) ?? `${document.naam} (${document.organisatie.afkorting ?? document.organisatie.naam})`;
}

function meets(document: SearchDocument, also: Also): boolean {
  return (
    (!also.organisatie || also.organisatie.includes(document.organisatie.code)) &&
    (!also.organisatieType || also.organisatieType.includes(document.organisatie.type)) &&
    (!also.afdeling || also.afdeling.test(document.afdeling ?? '')) &&
    (!also.expertisegebied || also.expertisegebied.some((code) => document.expertisePad.includes(code))) &&
    (!also.functie || also.functie.test(document.functie)) &&
    (!also.naam || also.naam.test(document.naam)) &&
    (!also.trefwoord || document.trefwoorden.some((w) => also.trefwoord!.test(w)))
  );
}

/** Is this document a right answer to the judged query? */
export function isRelevant(judgement: Judgement, document: SearchDocument): boolean {
  const key = fixtureKey(document);
  if (key && judgement.relevant.includes(key)) return true;
  const also = judgement.ookRelevant;
  return (Array.isArray(also) ? also : also ? [also] : []).some((rule) => meets(document, rule));
}

export interface RelevanceRow extends Judgement {
  /** Rank of the first relevant entry on the first page; 0 when there is none. */
  rank: number;
  /** Labels of the first three results. */
  top: string[];
  /** The first three results, each judged. */
  judged: { label: string; relevant: boolean; document: SearchDocument }[];
  /** Right answers on the first page that are not fixture entries (demo, filler or generated ones). */
  others: number;
}

export interface Relevance {
  rows: RelevanceRow[];
  /** Share of queries with a relevant entry in the top 3. */
  success: number;
  mrr: number;
}

export async function measure(rank: Ranker, judgements: Judgement[] = allJudgements): Promise<Relevance> {
  const rows: RelevanceRow[] = [];
  for (const judgement of judgements) {
    const documents = await rank(judgement.zoekterm, judgement.filters ?? {});
    const position = documents.findIndex((document) => isRelevant(judgement, document)) + 1;
    const judged = documents.slice(0, 3).map((document) => ({ label: label(document), relevant: isRelevant(judgement, document), document }));
    const others = documents.filter((document) => !fixtureKey(document) && isRelevant(judgement, document)).length;
    rows.push({ ...judgement, rank: position, top: judged.map((j) => j.label), judged, others });
  }
  return summarise(rows);
}

export function summarise(rows: RelevanceRow[]): Relevance {
  const n = Math.max(rows.length, 1);
  return {
    rows,
    success: rows.filter((r) => r.rank >= 1 && r.rank <= 3).length / n,
    mrr: rows.reduce((sum, r) => sum + (r.rank > 0 ? 1 / r.rank : 0), 0) / n,
  };
}

/** One line per query outside the top 3: what was asked, which rule, where the right entry was, and what came first. */
export function describeMiss(row: RelevanceRow): string {
  const top = row.judged.map((j) => `${j.relevant ? '✓' : '✗'} ${j.label}`).join(', ') || '(nothing)';
  return `miss: "${row.zoekterm}" (${row.regel}) → rank ${row.rank || '>10'}, top 3: ${top}`;
}

/**
 * The registers the suite is measured on:
 *  - `fixture`: the judged entries (entries.ts) and a few hundred fillers at organisations without a judged entry;
 *  - `demo`: the same beside the demo data (db/seed/demo.ts: 5 showcase and 600 synthetic entries at every kind of
 *    organisation, including those of the judged entries): legitimate competing answers for many queries.
 */
export type Scenario = 'fixture' | 'demo';

export async function loadScenario(db: Db, scenario: Scenario): Promise<void> {
  // The demo data goes in first: it only seeds an empty register.
  if (scenario === 'demo' && (await seedDemoData(db)) === 0) throw new Error('the demo data needs an empty register');
  await insertEntries(db, [...targetEntries, ...(await fillerEntries(db))]);
}
