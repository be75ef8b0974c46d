import { sql } from 'drizzle-orm';
import type { Db } from '../../src/database/connection.js';
import type { PostgresSearchEngine } from '../../src/search/postgres/engine.js';
import { matchTsquery, Ranking } from '../../src/search/postgres/ranking.js';
import type { SearchPolicy } from '../../src/search/port.js';

/**
 * Why the Postgres engine put one entry above another: each entry's values for the ranking rules (ranking.ts), and
 * the first rule on which two entries differ. For the relevance benchmark's list of queries the register loses.
 */

export interface RuleValues {
  id: string;
  /** Whether the entry matches the query at all. */
  matches: boolean;
  /** One value per rule, then freshness (bevestigd_op) and id: the complete order. */
  values: (number | string)[];
}

export interface Explainer {
  /** Names of the rules, in order (the last two: freshness, id). */
  names: string[];
  /** What each query word may match as (lexemes): "urgentieverklaring = urgentieverklar | urgentie | uitstroom …". */
  plan: string;
  values(ids: string[]): Promise<Map<string, RuleValues>>;
}

/** Names of the Postgres rules as ranking.ts builds them; generic names if the rules change shape. */
function ruleNames(ranking: Ranking, wantedLevel: boolean): string[] {
  const text = ranking.textRules;
  const properties = ranking.rules.length - text;
  const evidence = ['evidence a (name, expertise)', 'evidence b (function, organisation)', 'evidence c (keywords, department, area)', 'evidence d (free text)', 'exactness'];
  const textNames = text === 6 ? ['words without typos', ...evidence] : text === 5 ? evidence : Array.from({ length: text }, (_, i) => `text rule ${i + 1}`);
  const propertyNames = ['verified', 'not absent', ...(wantedLevel ? ['level closeness'] : [])];
  const props = properties === propertyNames.length ? propertyNames : Array.from({ length: properties }, (_, i) => `property rule ${i + 1}`);
  return [...textNames, ...props, 'freshness', 'id'];
}

export async function explainer(db: Db, engine: PostgresSearchEngine, zoekterm: string, policy: SearchPolicy): Promise<Explainer> {
  const planned = await engine.plan(zoekterm);
  const terms = planned?.terms ?? [];
  const iso = policy.now.toISOString();
  const ranking = new Ranking(terms, {
    verifiedSince: sql`${iso}::timestamptz - make_interval(months => ${policy.verificatieMaanden}::int)`,
    today: iso.slice(0, 10),
    wantedRang: undefined,
  });
  const match = terms.length > 0 ? matchTsquery(terms) : '';
  const names = ruleNames(ranking, false);
  const plan = terms
    .map((term) => {
      const forms = [
        term.exact.join(' | '),
        term.compounds.length ? `compounds ${term.compounds.slice(0, 6).join(' | ')}${term.compounds.length > 6 ? ' …' : ''}` : '',
        term.typos.length ? `typos ${term.typos.slice(0, 6).join(' | ')}` : '',
        term.prefix ? `prefix ${term.prefix}*` : '',
      ].filter(Boolean);
      return `[${forms.join('; ')}]`;
    })
    .join(' & ');
  return {
    names,
    plan,
    async values(ids) {
      if (ids.length === 0) return new Map();
      const rows = await db.execute<{ id: string; matches: boolean; bevestigd: string } & Record<string, number>>(sql`
        SELECT d.professional_id AS id, ${match ? sql`d.vector @@ ${match}::tsquery` : sql`true`} AS matches,
               d.bevestigd_op::text AS bevestigd, ${ranking.rules.length > 0 ? ranking.keyColumns() : sql`0 AS k0`}
        FROM zoekdocumenten d WHERE d.professional_id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
      return new Map(
        rows.map((r) => [
          r.id,
          { id: r.id, matches: r.matches, values: [...ranking.rules.map((_, i) => Number(r[`k${i}`])), r.bevestigd.slice(0, 10), r.id.slice(0, 8)] },
        ]),
      );
    },
  };
}

/** The first rule on which `above` and `below` differ, with both values: "evidence a (name, expertise) 2 > 1". */
export function decidingRule(names: string[], above: RuleValues, below: RuleValues): string {
  if (!below.matches) return 'does not match the query';
  for (let i = 0; i < above.values.length; i++) {
    if (above.values[i] !== below.values[i]) return `${names[i] ?? `rule ${i + 1}`} ${above.values[i]} vs ${below.values[i]}`;
  }
  return 'identical keys';
}
