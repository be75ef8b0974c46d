import t from 'tap';
import { fidelityQueries, firstPagesEqualTheExhaustiveRanking, minimumBroad } from './first-page-fidelity.js';

// The first pages are exact (see first-page-fidelity.ts); part 2 of the queries.
t.test('first pages equal the exhaustive ranking', (t) => firstPagesEqualTheExhaustiveRanking(t, fidelityQueries[1], minimumBroad[1]));
