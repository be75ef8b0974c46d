/**
 * How far two engines' first pages agree on the same queries (`npm run bench:search -- --engine postgres,meilisearch`).
 * Pure. Per query, over the first `k` ids of each page:
 *  - `overlap`: ids both pages show, as a share of the longer page (both empty: 1, both say "nobody"; one empty: 0);
 *  - `identical`: the same ids in the same order; `sameSet`: the same ids in any order;
 *  - `top1`: the same first entry; `top3`: the same first three, in order.
 */

export interface PagePair {
  query: string;
  a: string[];
  b: string[];
}

export interface QueryAgreement {
  query: string;
  overlap: number;
  identical: boolean;
  sameSet: boolean;
  top1: boolean;
  top3: boolean;
}

export interface Agreement {
  queries: number;
  identical: number;
  sameSet: number;
  top1: number;
  top3: number;
  /** Mean of the per-query overlaps (0 when there are no queries). */
  meanOverlap: number;
  rows: QueryAgreement[];
  /** The rows by overlap, lowest first (ties in query order). */
  least: QueryAgreement[];
}

const sameOrder = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export function firstPageAgreement(pages: PagePair[], k = 10): Agreement {
  const rows = pages.map(({ query, a: fullA, b: fullB }): QueryAgreement => {
    const a = fullA.slice(0, k);
    const b = fullB.slice(0, k);
    const inB = new Set(b);
    const shared = new Set(a.filter((id) => inB.has(id))).size;
    const longer = Math.max(new Set(a).size, new Set(b).size);
    return {
      query,
      overlap: longer === 0 ? 1 : shared / longer,
      identical: sameOrder(a, b),
      sameSet: shared === longer,
      top1: a[0] === b[0],
      top3: sameOrder(a.slice(0, 3), b.slice(0, 3)),
    };
  });
  const count = (test: (row: QueryAgreement) => boolean) => rows.filter(test).length;
  return {
    queries: rows.length,
    identical: count((r) => r.identical),
    sameSet: count((r) => r.sameSet),
    top1: count((r) => r.top1),
    top3: count((r) => r.top3),
    meanOverlap: rows.length === 0 ? 0 : rows.reduce((sum, r) => sum + r.overlap, 0) / rows.length,
    rows,
    least: rows.map((row, i) => ({ row, i })).sort((x, y) => x.row.overlap - y.row.overlap || x.i - y.i).map(({ row }) => row),
  };
}
