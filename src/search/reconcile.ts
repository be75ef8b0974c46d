/**
 * Drift between the database (the source of truth) and an external index: entries missing from the index, documents
 * whose entry is gone, and documents with an older version. Pure.
 */
export interface Drift {
  ontbreekt: string[];
  overbodig: string[];
  verouderd: string[];
}

export function compareVersions(database: Map<string, number>, index: Map<string, number>): Drift {
  const drift: Drift = { ontbreekt: [], overbodig: [], verouderd: [] };
  for (const [id, versie] of database) {
    const indexed = index.get(id);
    if (indexed === undefined) drift.ontbreekt.push(id);
    else if (indexed !== versie) drift.verouderd.push(id);
  }
  for (const id of index.keys()) if (!database.has(id)) drift.overbodig.push(id);
  return drift;
}
