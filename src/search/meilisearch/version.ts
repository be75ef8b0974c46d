/**
 * Which Meilisearch servers this engine works with. The engine relies on settings and behaviour checked against a
 * real server (page-based exhaustive totals, `sortFacetValuesBy`, `localizedAttributes`, match positions in UTF-8
 * bytes, the filter grammar's escaping); a server outside this range is refused at start-up and search falls back
 * to Postgres. Pure.
 */
export const SUPPORTED_MEILISEARCH = { from: '1.50.0', below: '2.0.0' } as const;

export type VersionVerdict = { supported: true; version: string } | { supported: false; version: string; detail: string };

function parse(version: string): [number, number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function checkVersion(version: string): VersionVerdict {
  const parsed = parse(version);
  const range = `vereist ${SUPPORTED_MEILISEARCH.from} of nieuwer, lager dan ${SUPPORTED_MEILISEARCH.below}`;
  if (!parsed) return { supported: false, version, detail: `Meilisearch meldt een onbekende versie "${version}" (${range}); zoeken via Postgres` };
  if (compare(parsed, parse(SUPPORTED_MEILISEARCH.from)!) < 0 || compare(parsed, parse(SUPPORTED_MEILISEARCH.below)!) >= 0) {
    return { supported: false, version, detail: `Meilisearch ${version} wordt niet ondersteund (${range}); zoeken via Postgres` };
  }
  return { supported: true, version };
}

export class MeiliVersionError extends Error {
  constructor(readonly verdict: Extract<VersionVerdict, { supported: false }>) {
    super(verdict.detail);
    this.name = 'MeiliVersionError';
  }
}
