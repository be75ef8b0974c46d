import type { Status, Zichtbaarheid } from '../../db/schema/index.js';
import { isPmm, type Principal } from '../auth/principal.js';
import { confirmedSince, type Termijnen } from './termijnen.js';

/**
 * The one visibility rule: an entry is findable for a viewer at a time when it is active, confirmed within the
 * confirmation period, and its `zichtbaarheid` admits the viewer (`alle-professionals`: everyone;
 * `eigen-organisatie`: the same organisation; `pmm`: the PMM desk and the same organisation).
 *
 * It is written once, as a small condition tree, and translated where it is needed: `holds` (code, below),
 * `visibilitySql` (PostgreSQL, visibility-sql.ts) and `meiliFilter` (search/meilisearch/filter.ts).
 * test/professionals/visibility.test.ts runs one table of cases through every translation.
 */

/** Who looks: visibility depends on their organisation and on whether they are the PMM desk. */
export interface Viewer {
  organisatie: string;
  pmm: boolean;
}

export const viewerOf = (principal: Principal): Viewer => ({ organisatie: principal.organisatie, pmm: isPmm(principal) });

/** The facts of an entry the rule reads. */
export interface VisibilityFacts {
  status: Status;
  bevestigdOp: Date;
  zichtbaarheid: Zichtbaarheid;
  organisatieCode: string;
}

export type Condition =
  | { op: 'actief' }
  | { op: 'bevestigdNa'; since: Date }
  | { op: 'zichtbaarheid'; is: Zichtbaarheid }
  | { op: 'organisatie'; is: string }
  | { op: 'not'; of: Condition }
  | { op: 'and' | 'or'; of: Condition[] };

/** Nested ANDs are flattened, so every translation reads as one conjunction. */
const and = (...of: Condition[]): Condition => ({ op: 'and', of: of.flatMap((c) => (c.op === 'and' ? c.of : [c])) });
const or = (...of: Condition[]): Condition => ({ op: 'or', of });

const everyone: Condition = { op: 'zichtbaarheid', is: 'alle-professionals' };

/** Active and confirmed in time: what an entry needs to be found at all (coverage counts these). */
export function findable(termijnen: Pick<Termijnen, 'bevestigingMaanden'>, now: Date): Condition {
  return and({ op: 'actief' }, { op: 'bevestigdNa', since: confirmedSince(termijnen, now) });
}

/** The audiences other than everyone that admit this viewer. */
function ownAudiences(viewer: Viewer): Condition[] {
  const audiences: Condition[] = [{ op: 'organisatie', is: viewer.organisatie }];
  if (viewer.pmm) audiences.push({ op: 'zichtbaarheid', is: 'pmm' });
  return audiences;
}

/** What `zichtbaarheid` admits for this viewer, whatever the entry's state. */
export function admits(viewer: Viewer): Condition {
  return or(everyone, ...ownAudiences(viewer));
}

/** Findable for this viewer at `now`: the rule itself. */
export function findableFor(viewer: Viewer, termijnen: Pick<Termijnen, 'bevestigingMaanden'>, now: Date): Condition {
  return and(findable(termijnen, now), admits(viewer));
}

/** Entries this viewer may see that not everyone may: when there are none, the viewer sees what everyone sees. */
export function beyondEveryone(viewer: Viewer): Condition {
  return and({ op: 'not', of: everyone }, or(...ownAudiences(viewer)));
}

/** The rule in code. */
export function holds(condition: Condition, entry: VisibilityFacts): boolean {
  switch (condition.op) {
    case 'actief':
      return entry.status === 'actief';
    case 'bevestigdNa':
      return entry.bevestigdOp > condition.since;
    case 'zichtbaarheid':
      return entry.zichtbaarheid === condition.is;
    case 'organisatie':
      return entry.organisatieCode === condition.is;
    case 'not':
      return !holds(condition.of, entry);
    case 'and':
      return condition.of.every((c) => holds(c, entry));
    case 'or':
      return condition.of.some((c) => holds(c, entry));
  }
}
