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
  /**
   * Every lexeme in the documents that the prefix completes to (zoeklexemen), when there are not too many: the
   * same set of documents as the prefix, but as whole words the GIN index can skip through.
   */
  completions?: string[] | undefined;
}

export function rankTerms(plan: QueryPlan, stems: Stems, completions: Map<string, string[]> = new Map()): RankTerm[] {
  const lexemes = (words: string[]) => [...new Set(words.flatMap((w) => stems.get(w) ?? []))];
  return plan.terms
    .map((t) => ({
      exact: lexemes(t.exact),
      compounds: lexemes(t.compounds),
      typos: lexemes(t.typos),
      prefix: t.prefix ? (stems.get(t.term) ?? [])[0] : undefined,
    }))
    .map((t) => ({ ...t, completions: t.prefix ? completions.get(t.prefix) : undefined }))
    .filter((t) => t.exact.length + t.compounds.length + t.typos.length > 0 || t.prefix);
}

/** Every folded word a plan needs lexemes for. */
export function planWords(plan: QueryPlan): string[] {
  return [...new Set(plan.terms.flatMap((t) => [t.term, ...t.exact, ...t.compounds, ...t.typos]))];
}

type Kind = 'all' | 'untypo' | 'exact';

/**
 * Up to this many completions, the GIN index is asked for a prefix's words one by one (it can skip through each
 * posting list); beyond it, for the prefix (one range of its entry tree, read as one bitmap): with hundreds of
 * words per field class the index would check every candidate against each of them.
 */
export const indexedCompletions = 100;

/**
 * A tsquery operand in text form: the lexeme itself (found in any field) or tagged with a field class ('a:schuld').
 * Lexemes come from the stemmer, but are quoted and escaped all the same.
 */
const operand = (tag: FieldClass | undefined, lexeme: string, prefix = false) =>
  `'${(tag ? `${tag}:${lexeme}` : lexeme).replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;

/**
 * The tsquery (text form) for: this term matches, in a form of this kind — anywhere (`classes` undefined: the
 * untagged lexemes, one posting list per form) or in one of these field classes. '' when it has no such form.
 */
export function termQuery(term: RankTerm, classes: readonly FieldClass[] | undefined, kind: Kind, forIndex = false): string {
  const asWords = forIndex && kind !== 'exact' && term.prefix !== undefined && term.completions !== undefined && term.completions.length <= indexedCompletions;
  const completions = asWords ? term.completions! : [];
  // For the index, a prefix with known completions is those words (a document holding a completion holds the prefix).
  const prefix = kind !== 'exact' && !asWords ? term.prefix : undefined;
  const forms = kind === 'exact' ? term.exact : kind === 'untypo' ? [...term.exact, ...term.compounds] : [...term.exact, ...term.compounds, ...term.typos];
  // Words the prefix covers anyway are left out: every operand is a lookup per document checked.
  const words = [...new Set([...forms, ...completions])].filter((w) => !prefix || !w.startsWith(prefix));
  const parts = (classes ?? [undefined]).flatMap((c) => [...words.map((w) => operand(c, w)), ...(prefix ? [operand(c, prefix, true)] : [])]);
  return parts.length > 0 ? `(${parts.join(' | ')})` : '';
}

/** Every term matches somewhere, in any form: the match condition (`forIndex`: prefixes as their completions). */
export function matchTsquery(terms: RankTerm[], forIndex = false): string {
  return terms.map((t) => termQuery(t, undefined, 'all', forIndex)).join(' & ');
}

/** A rule that counts matching terms; `perTerm[i]` is the tsquery for term i ('' = never). */
interface CountRule {
  kind: 'count';
  perTerm: string[];
  /** The same sets of documents, written for the GIN index (prefixes as their completions). */
  perTermIndexed: string[];
}
/** A rule on the entry's own properties: an SQL expression, higher is better. */
interface PropertyRule {
  kind: 'property';
  expression: SQL;
  /** The best value it takes. */
  best: number;
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
    const count = (kind: Kind, classes?: readonly FieldClass[]): CountRule => ({
      kind: 'count',
      perTerm: terms.map((t) => termQuery(t, classes, kind)),
      perTermIndexed: terms.map((t) => termQuery(t, classes, kind, true)),
    });
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
      { kind: 'property', expression: sql`coalesce(d.geverifieerd_op > ${options.verifiedSince}, false)::int`, best: 1 },
      { kind: 'property', expression: sql`(NOT coalesce(d.afwezig_tot >= ${options.today}::date, false))::int`, best: 1 },
      ...(options.wantedRang === undefined ? [] : [{ kind: 'property' as const, expression: sql`-abs(d.rolniveau_rang - ${options.wantedRang}::int)`, best: 0 }]),
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

  /** How many rules, from the first, are text rules (counts of matching terms). */
  get textRules(): number {
    return this.rules.filter((r) => r.kind === 'count').length;
  }

  /** Row `d` beats `key` on the text rules alone. */
  aboveOnText(key: number[]): SQL {
    const n = this.textRules;
    if (n === 0) return sql`false`;
    return sql`(${sql.join(this.expressions().slice(0, n), sql`, `)}) > (${sql.join(key.slice(0, n).map((v) => sql`${v}::int`), sql`, `)})`;
  }

  /** Row `d` ties `key` on the text rules and beats it on the entry's properties (verified, present, level). */
  aboveOnProperties(key: number[]): SQL {
    const n = this.textRules;
    const values = this.expressions();
    const same = n === 0 ? sql`true` : sql`(${sql.join(values.slice(0, n), sql`, `)}) = (${sql.join(key.slice(0, n).map((v) => sql`${v}::int`), sql`, `)})`;
    return sql`${same} AND (${sql.join(values.slice(n), sql`, `)}) > (${sql.join(key.slice(n).map((v) => sql`${v}::int`), sql`, `)})`;
  }

  /** `key`'s property values are the best there are: nothing can beat it on them. */
  bestOnProperties(key: number[]): boolean {
    return this.rules.every((rule, i) => rule.kind === 'count' || key[i] === rule.best);
  }

  /**
   * Tsqueries (text form) that every row beating `key` on the text rules satisfies, all of them: for the GIN index
   * to narrow the candidates, each as its own index condition (zoekdocumenten_met_alle). By the lexicographic
   * order such a row ties the first rules and beats the next: at least as many terms matching each rule as `key` up
   * to some rule r, and more for that one. false when no row can; [] when nothing narrows it.
   */
  narrowingAboveOnText(key: number[]): string[] | false {
    // OR over r of (C_0 ∧ … ∧ C_{r-1} ∧ D_r), with C_j "at least key[j] terms match rule j" and D_r "more than
    // key[r]", written nested: D_0 ∨ (C_0 ∧ (D_1 ∨ (C_1 ∧ …))). Every condition appears once, and where D_r cannot
    // hold (key[r] is already every term) the C's form a chain of separate conditions, which the index intersects
    // far faster than one expression it must check every candidate against ('sc' at a million: 322 → 110 ms).
    let tail: Conjunction = false;
    for (let rule = this.textRules - 1; rule >= 0; rule--) {
      const terms = (this.rules[rule] as CountRule).perTermIndexed;
      tail = or(atLeast(key[rule]! + 1, terms), and(atLeast(key[rule]!, terms), tail));
    }
    return tail;
  }

  /** The tsqueries every row tying `key` on the text rules satisfies, all of them (false: none can; []: every row). */
  narrowingTiesOnText(key: number[]): string[] | false {
    return this.countConditions(key, this.textRules);
  }

  /** At least key[j] matching terms for every text rule j before `rule`, and more than key[rule] for that one. */
  private countConditions(key: number[], rule: number): string[] | false {
    const conditions: string[] = [];
    for (let j = 0; j <= rule && j < this.textRules; j++) {
      const condition = atLeast(j < rule ? key[j]! : key[j]! + 1, (this.rules[j] as CountRule).perTermIndexed);
      if (condition === false) return false;
      if (condition) conditions.push(condition);
    }
    return conditions;
  }
}

/** Tsqueries (text form) that must all hold: [] is every row, false is none. */
type Conjunction = string[] | false;

/** `condition` (a tsquery; undefined: every row; false: none) and every one of `rest`. */
function and(condition: string | false | undefined, rest: Conjunction): Conjunction {
  if (condition === false || rest === false) return false;
  return condition === undefined ? rest : [condition, ...rest];
}

/** `condition` or all of `rest`, as a conjunction. */
function or(condition: string | false | undefined, rest: Conjunction): Conjunction {
  if (condition === false) return rest;
  if (condition === undefined || (rest !== false && rest.length === 0)) return [];
  if (rest === false) return [condition];
  return [`(${condition} | ${rest.length === 1 ? rest[0] : `(${rest.join(' & ')})`})`];
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
