import fc from 'fast-check';
import t from 'tap';
import { browsable, estimateTotal, firstSlice, nextSlice, scaleCount, settled } from '../../src/search/postgres/window.js';

/** The window the engine reads: the `size + 1` smallest of `matches` uniform values (or all, when fewer). */
function readWindow(matches: number, size: number, random: () => number) {
  // A typed array sorts numerically without a comparator callback: several times faster at 470,000 values, which
  // kept this file under tap's timeout on a busy machine (it took 134 s there with a plain array).
  const values = new Float64Array(matches);
  for (let i = 0; i < matches; i++) values[i] = 1 - random();
  values.sort();
  const rows = Math.min(matches, size + 1);
  return { rows, cutoff: rows > size ? values[size]! : null, slice: 1 };
}

/** A small deterministic generator, so the statistical checks cannot flake. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

t.test('a window that holds every match counts exactly', async (t) => {
  t.same(estimateTotal(1000, { rows: 0, cutoff: null, slice: 1 }), { totaal: 0, geschat: false });
  t.same(estimateTotal(1000, { rows: 1000, cutoff: null, slice: 1 }), { totaal: 1000, geschat: false });
  t.equal(scaleCount(17, null, 1), 17, 'facet counts are kept as counted');
  t.equal(browsable(1000, { totaal: 740, geschat: false }), 740, 'every exact result can be paged through');
});

t.test('an overflowing window estimates the total within a few percent', async (t) => {
  const random = seeded(42);
  for (const matches of [1_500, 10_000, 100_000, 470_000]) {
    const errors: number[] = [];
    for (let run = 0; run < 20; run++) {
      const { totaal, geschat } = estimateTotal(1000, readWindow(matches, 1000, random));
      t.ok(geschat, 'marked as an estimate');
      errors.push(Math.abs(totaal - matches) / matches);
    }
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    // The k-minimum-values estimator's relative standard error is about 1/sqrt(k - 2) ≈ 3.2 % at k = 1001.
    t.ok(mean < 0.05, `mean relative error ${(mean * 100).toFixed(1)} % at ${matches} matches`);
  }
});

t.test('facet counts in an overflowing window scale to the estimated total', async (t) => {
  const random = seeded(7);
  // 470,000 matches of which 20 % at one organisation: the sample below the cutoff holds about 200 of them.
  const window = readWindow(470_000, 1000, random);
  const seen = Math.round(0.2 * 1000);
  const scaled = scaleCount(seen, window.cutoff, 1);
  t.ok(Math.abs(scaled - 94_000) / 94_000 < 0.1, `scaled count ${scaled} is near 94,000`);
  t.equal(scaleCount(3, 0.5, 1), 6, 'a count scales by the inverse of the cutoff');
  t.equal(scaleCount(3, 0.9999, 1), 3, 'a scaled count is never below what was seen');
});

t.test('a partial slice that did not fill the window extrapolates from the share of the range read', async (t) => {
  t.same(estimateTotal(1000, { rows: 600, cutoff: null, slice: 0.25 }), { totaal: 2400, geschat: true });
  t.equal(scaleCount(30, null, 0.25), 120);
});

t.test('the next slice expects twice the sample it needs within a budget, or reads every match when they are few', async (t) => {
  const million = 1_000_000;
  t.equal(nextSlice(1000, 0.003, 0, million), 1, 'no match in the first slice: read all (few matches)');
  t.equal(nextSlice(1000, 0.003, 19, million), 1, 'too few to extrapolate from: read all');
  t.equal(nextSlice(1000, 0.03, 50, 100_000), 1, 'about 1,700 matches of 100,000: cheaper to read them all through the indexes');
  t.equal(nextSlice(1000, 0.03, 50, 100_000, 40_000), 0.08, 'not when the text index yields 40,000 documents for them: a slice, within the budget');
  t.equal(nextSlice(1000, 0.03, 240, 100_000), 0.075, 'about 8,000 matches: a slice expected to hold 600');
  t.equal(nextSlice(1000, 0.03, 150, 100_000), 0.08, 'about 5,000: a slice of the budget (it would take 12,000 to hold 600)');
  t.equal(nextSlice(1000, 0.003, 30, million), 0.008, 'about 10,000 of a million: the budget of 8,000 documents');
  t.equal(nextSlice(40, 0.1, 10, 1000), 1, 'a small window reads every match sooner');
  t.equal(nextSlice(40, 0.1, 30, 1000), 0.82 / 3, 'a window of 40 aims at twice 41 matches');
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 1e-6, max: 1, noNaN: true }), fc.integer({ min: 0, max: 5000 }), (size, slice, rows) => {
      const next = nextSlice(size, slice, Math.min(rows, size), million);
      return next > 0 && next <= 1 && (next === 1 || next >= slice);
    }),
  );
});

t.test('the first read is sized by the lexeme counts when no filter narrows them', async (t) => {
  t.equal(firstSlice(1000, 100_000, 800, false), 1, 'at most 800 matches: read them all');
  t.equal(firstSlice(1000, 100_000, 45_000, false), 0.01, 'nearly half the register: 1,000 documents hold 300 matches');
  t.equal(firstSlice(1000, 100_000, 9_000, false), 0.05, '9 %: 5,000 documents');
  t.equal(firstSlice(1000, 100_000, 3_000, false), 0.08, '3 %: the budget of 8,000');
  t.equal(firstSlice(1000, 100_000, 2_000, true), 1, 'at most 2,000 possible matches: cheaper through the indexes than the budget');
  t.equal(firstSlice(1000, 100_000, 9_000, true), 0.03, 'under filters the bound says little: three windows');
  t.equal(firstSlice(1000, 100_000, Infinity, false), 0.03, 'no bound (a short prefix): three windows');
  t.equal(firstSlice(1000, 20_000, 15_000, false), 0.05, 'a small register: at least 1,000 documents');
});

t.test('a window is settled by a full window, the whole range, or a sample of 300', async (t) => {
  t.ok(settled(1000, 1, 12), 'the whole range: exact');
  t.ok(settled(1000, 0.03, 1001), 'a full window');
  t.ok(settled(1000, 0.03, 300), '300 matches estimate the total within about 6 %');
  t.notOk(settled(1000, 0.03, 299), 'fewer: read a larger slice');
  t.ok(settled(40, 0.03, 40), 'a window smaller than 300 settles when full');
  t.notOk(settled(40, 0.03, 39));
});

t.test('with an estimate only the ranked sample can be paged through', async (t) => {
  t.equal(browsable(1000, { totaal: 470_000, geschat: true }), 1000);
  t.equal(browsable(1000, { totaal: 800, geschat: true }), 800);
});
