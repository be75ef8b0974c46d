import { sql, type SQL } from 'drizzle-orm';
import type { QueryPlan } from '../query-plan.js';

/**
 * The Postgres engine's ranking rules, as Meilisearch's bucket sort applies them: one after the other, each only
 * breaking the ties of the rules before it.
 *
 *  1. words without typos — how many query words match in an exact, stemmed, synonym, prefix or compound form;
 *  2. field evidence — how many query words match in name or expertise (class a), then in function or
 *     organisation (b), then in keywords, department or area (c), then in free text (d): a word found in several
 *     fields counts in each, so evidence adds up across fields before any tie-breaker decides;
 *  3. exactness — how many query words match in their exact (stemmed or synonym) form;
 *  4. verified, not absent, closeness to the desired level — properties of the entry;
 *  5. freshness (confirmed most recently), then the id.
 *
 * Every text rule counts query words matching a tsquery against the document's class-tagged words
 * (`vector`: 'a:schuld', 'c:bewindvoer', …; see documents.ts), so each bucket of every rule is a tsquery that the
 * GIN index answers. That is what lets the first page be found exactly without ranking every match (first-page.ts).
 */

export const fieldClasses = ['a', 'b', 'c', 'd'] as const;
type FieldClass = (typeof fieldClasses)[number];

/** Folded word → its lexemes under the `maatwerk_nl` configuration (none for a stop word). */
export type Stems = Map<string, string[]>;

/** One query word, as lexemes: what it may match as. */
export interface RankTerm {
  /** The word itself and its synonyms, stemmed. */
  exact: string[];
  /** Words that contain it (compound parts). */
  compounds: string[];
  /** Words within the allowed typos. */
  typos: string[];
  /** The stemmed word as a prefix (the last word, which may still be being typed). */
  prefix: string | undefined;
}

export function rankTerms(plan: QueryPlan, stems: Stems): RankTerm[] {
  const lexemes = (words: string[]) => [...new Set(words.flatMap((w) => stems.get(w) ?? []))];
  return plan.terms
    .map((t) => ({
      exact: lexemes(t.exact),
      compounds: lexemes(t.compounds),
      typos: lexemes(t.typos),
      prefix: t.prefix ? (stems.get(t.term) ?? [])[0] : undefined,
    }))
    .filter((t) => t.exact.length + t.compounds.length + t.typos.length > 0 || t.prefix);
}

/** Every folded word a plan needs lexemes for. */
export function planWords(plan: QueryPlan): string[] {
  return [...new Set(plan.terms.flatMap((t) => [t.term, ...t.exact, ...t.compounds, ...t.typos]))];
}

type Kind = 'all' | 'untypo' | 'exact';

/** A tsquery operand in text form; lexemes come from the stemmer, but are quoted and escaped all the same. */
const operand = (tag: FieldClass, lexeme: string, prefix = false) =>
  `'${`${tag}:${lexeme}`.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;

/** The tsquery (text form) for: this term matches, in one of these field classes, in a form of this kind. */
export function termQuery(term: RankTerm, classes: readonly FieldClass[], kind: Kind): string {
  const words = kind === 'exact' ? term.exact : kind === 'untypo' ? [...term.exact, ...term.compounds] : [...term.exact, ...term.compounds, ...term.typos];
  const parts = classes.flatMap((c) => [
    ...words.map((w) => operand(c, w)),
    ...(kind !== 'exact' && term.prefix ? [operand(c, term.prefix, true)] : []),
  ]);
  return parts.length > 0 ? `(${parts.join(' | ')})` : '';
}

/** Every term matches somewhere, in any form: the match condition. */
export function matchTsquery(terms: RankTerm[]): string {
  return terms.map((t) => termQuery(t, fieldClasses, 'all')).join(' & ');
}

/** A rule that counts matching terms; `perTerm[i]` is the tsquery for term i ('' = never). */
interface CountRule {
  kind: 'count';
  perTerm: string[];
}
/** A rule on the entry's own properties: an SQL expression, higher is better. */
interface PropertyRule {
  kind: 'property';
  expression: SQL;
}
type Rule = CountRule | PropertyRule;

export interface RankingOptions {
  verifiedSince: SQL;
  today: string;
  /** rolniveau_rang of the desired level, if any. */
  wantedRang: number | undefined;
}

export class Ranking {
  readonly rules: Rule[];

  constructor(
    readonly terms: RankTerm[],
    options: RankingOptions,
  ) {
    const count = (kind: Kind, classes: readonly FieldClass[] = fieldClasses): CountRule => ({ kind: 'count', perTerm: terms.map((t) => termQuery(t, classes, kind)) });
    const text: Rule[] =
      terms.length === 0
        ? []
        : [
            // Without typo forms, every matching word matches without a typo: the rule is constant, so it is left out.
            ...(terms.some((t) => t.typos.length > 0) ? [count('untypo')] : []),
            ...fieldClasses.map((c) => count('all', [c])),
            count('exact'),
          ];
    this.rules = [
      ...text,
      { kind: 'property', expression: sql`coalesce(d.geverifieerd_op > ${options.verifiedSince}, false)::int` },
      { kind: 'property', expression: sql`(NOT coalesce(d.afwezig_tot >= ${options.today}::date, false))::int` },
      ...(options.wantedRang === undefined ? [] : [{ kind: 'property' as const, expression: sql`-abs(d.rolniveau_rang - ${options.wantedRang}::int)` }]),
    ];
  }

  /** The rules' values for row `d`, as SQL expressions (all: higher is better). */
  expressions(): SQL[] {
    return this.rules.map((rule) =>
      rule.kind === 'property'
        ? rule.expression
        : sql.join(
            rule.perTerm.map((q) => (q ? sql`ts_match_vq(d.vector, ${q}::tsquery)::int` : sql`0`)),
            sql` + `,
          ),
    );
  }

  /** `k0, k1, …` for a SELECT list: the values, named, so a caller can read the key of a row back. */
  keyColumns(): SQL {
    return sql.join(
      this.expressions().map((e, i) => sql`${e} AS ${sql.raw(`k${i}`)}`),
      sql`, `,
    );
  }

  /** The complete order: every rule, then freshness and id. */
  orderBy(): SQL {
    return sql.join([...this.expressions().map((e) => sql`${e} DESC`), sql`d.bevestigd_op DESC`, sql`d.professional_id`], sql`, `);
  }

  /** Row `d` ranks strictly above the rules' values `key` (before freshness and id decide). */
  above(key: number[]): SQL {
    const values = this.expressions();
    return sql`(${sql.join(values, sql`, `)}) > (${sql.join(key.map((v) => sql`${v}::int`), sql`, `)})`;
  }

  /**
   * A tsquery (text form) that every row ranking strictly above `key` satisfies, for the GIN index to narrow the
   * candidates: by the lexicographic order, such a row ties the first rules and beats the next, so it has at least
   * as many terms in each class as `key` up to some rule, and more in that one. '' when nothing narrows it.
   */
  narrowingAbove(key: number[]): string {
    const branches: string[] = [];
    for (let i = 0; i < this.rules.length; i++) {
      const conditions: string[] = [];
      let possible = true;
      for (let j = 0; j <= i; j++) {
        const rule = this.rules[j]!;
        if (rule.kind !== 'count') continue;
        const needed = j < i ? key[j]! : key[j]! + 1;
        const condition = atLeast(needed, rule.perTerm);
        if (condition === false) possible = false;
        else if (condition) conditions.push(condition);
      }
      if (!possible) continue;
      // One branch without any text condition: the candidates cannot be narrowed by text.
      if (conditions.length === 0) return '';
      branches.push(conditions.length === 1 ? conditions[0]! : `(${conditions.join(' & ')})`);
    }
    if (branches.length === 0) return "'-'"; // nothing can rank above: a tsquery no document matches
    return branches.length === 1 ? branches[0]! : `(${branches.join(' | ')})`;
  }
}

/** "At least `m` of these terms match": the OR of the m-term conjunctions (or weaker when there are too many). */
function atLeast(m: number, perTerm: string[]): string | false | undefined {
  const present = perTerm.filter(Boolean);
  if (m <= 0) return undefined;
  if (m > present.length) return false;
  const subsets = combinations(present, m);
  if (subsets.length > 16) return `(${present.join(' | ')})`;
  const clauses = subsets.map((s) => (s.length === 1 ? s[0]! : `(${s.join(' & ')})`));
  return clauses.length === 1 ? clauses[0]! : `(${clauses.join(' | ')})`;
}

function combinations<T>(items: T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items;
  return [...combinations(rest, size - 1).map((c) => [first!, ...c]), ...combinations(rest, size)];
}
