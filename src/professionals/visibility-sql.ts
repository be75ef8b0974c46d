import { sql, type SQL } from 'drizzle-orm';
import type { Condition } from './visibility.js';

/**
 * The visibility rule as SQL, on any table with the entry's columns under their own names (`professionals` and the
 * search documents `zoekdocumenten` both have status, bevestigd_op, zichtbaarheid, organisatie_code).
 *
 * Enum values are written as literals, not parameters: a partial index (`zoekdocumenten_besloten_idx`, WHERE
 * zichtbaarheid <> 'alle-professionals') is used only when the planner can see the value, also in generic plans.
 */

const literal = (value: string) => {
  // Only the schema's own enum values reach here; refuse anything else rather than quote it.
  if (!/^[a-z-]+$/.test(value)) throw new Error(`not an enum value: ${value}`);
  return sql.raw(`'${value}'`);
};

export function visibilitySql(condition: Condition, alias: string): SQL {
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  switch (condition.op) {
    case 'actief':
      return sql`${column('status')} = ${literal('actief')}`;
    case 'bevestigdNa':
      return sql`${column('bevestigd_op')} > ${condition.since.toISOString()}::timestamptz`;
    case 'zichtbaarheid':
      return sql`${column('zichtbaarheid')} = ${literal(condition.is)}`;
    case 'organisatie':
      return sql`${column('organisatie_code')} = ${condition.is}`;
    case 'not':
      // `<>` rather than NOT (…): the form the partial index's predicate is written in.
      if (condition.of.op === 'zichtbaarheid') return sql`${column('zichtbaarheid')} <> ${literal(condition.of.is)}`;
      return sql`NOT (${visibilitySql(condition.of, alias)})`;
    case 'and':
    case 'or': {
      if (condition.of.length === 0) return condition.op === 'and' ? sql`true` : sql`false`;
      if (condition.of.length === 1) return visibilitySql(condition.of[0]!, alias);
      return sql`(${sql.join(condition.of.map((c) => visibilitySql(c, alias)), condition.op === 'and' ? sql` AND ` : sql` OR `)})`;
    }
  }
}
