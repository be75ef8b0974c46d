/**
 * Drift between the database (the source of truth) and an external index: entries missing from the index, documents
 * whose entry is gone, and documents that are stale (an older version, or — for Meilisearch — time-dependent ranking
 * keys that no longer hold). Pure.
 */
export interface Drift {
  ontbreekt: string[];
  overbodig: string[];
  verouderd: string[];
}

/** Compares what each side says about every entry (a version, or any comparable state). */
export function compareVersions<V extends string | number>(database: Map<string, V>, index: Map<string, V>): Drift {
  const drift: Drift = { ontbreekt: [], overbodig: [], verouderd: [] };
  for (const [id, versie] of database) {
    const indexed = index.get(id);
    if (indexed === undefined) drift.ontbreekt.push(id);
    else if (indexed !== versie) drift.verouderd.push(id);
  }
  for (const id of index.keys()) if (!database.has(id)) drift.overbodig.push(id);
  return drift;
}
