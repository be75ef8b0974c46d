import t from 'tap';
import { firstPageAgreement } from '../../scripts/lib/engine-agreement.js';

/** How far two engines' first pages agree (npm run bench:search -- --engine postgres,meilisearch). Pure. */

t.test('identical pages agree in every measure', async (t) => {
  const a = firstPageAgreement([{ query: 'q', a: ['1', '2', '3', '4'], b: ['1', '2', '3', '4'] }]);
  t.match(a, { queries: 1, identical: 1, sameSet: 1, top1: 1, top3: 1, meanOverlap: 1 });
});

t.test('same entries in another order: same set, not identical; top 3 compares order', async (t) => {
  const a = firstPageAgreement([{ query: 'q', a: ['1', '2', '3', '4'], b: ['1', '3', '2', '4'] }]);
  t.match(a, { identical: 0, sameSet: 1, top1: 1, top3: 0, meanOverlap: 1 });
});

t.test('overlap is the shared part of the longer page; a missing tail counts against it', async (t) => {
  const a = firstPageAgreement([
    { query: 'half', a: ['1', '2', '3', '4'], b: ['1', '2', '5', '6'] },
    { query: 'short', a: ['1', '2', '3', '4'], b: ['1', '2'] },
  ]);
  t.equal(a.rows[0]!.overlap, 0.5);
  t.equal(a.rows[1]!.overlap, 0.5, 'one engine finds fewer: 2 shared of 4 shown');
  t.equal(a.meanOverlap, 0.5);
  t.equal(a.sameSet, 0);
  t.equal(a.top1, 2);
});

t.test('both empty is agreement (both say nobody); one empty is none', async (t) => {
  const a = firstPageAgreement([
    { query: 'none', a: [], b: [] },
    { query: 'one', a: ['1'], b: [] },
  ]);
  t.same(a.rows.map((r) => r.overlap), [1, 0]);
  t.match(a, { identical: 1, sameSet: 1, top1: 1, top3: 1 });
});

t.test('only the first k entries count; the worst queries come first in `least`', async (t) => {
  const a = firstPageAgreement(
    [
      { query: 'good', a: ['1', '2', '9'], b: ['1', '2', '8'] },
      { query: 'bad', a: ['1', '2', '3'], b: ['4', '5', '6'] },
    ],
    2,
  );
  t.same(a.rows.map((r) => r.overlap), [1, 0]);
  t.equal(a.identical, 1, 'equal in the first two');
  t.same(a.least.map((r) => r.query), ['bad', 'good']);
});

t.test('no queries: zero, not NaN', async (t) => {
  t.match(firstPageAgreement([]), { queries: 0, meanOverlap: 0 });
});
