import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { testCluster } from './cluster.js';

interface Teardown {
  teardown(fn: () => unknown): void;
}

/** A new, empty database (not the seeded template): what an operator restores into. */
export async function emptyDatabase(t: Teardown): Promise<string> {
  const cluster = await testCluster();
  const name = `test_leeg_${randomBytes(5).toString('hex')}`;
  const admin = postgres(cluster.urlFor('postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`).finally(() => admin.end());
  t.teardown(async () => {
    const dropper = postgres(cluster.urlFor('postgres'), { max: 1, onnotice: () => {} });
    await dropper.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end());
  });
  return cluster.urlFor(name);
}

/** Per table: row count and a digest of every row, so "the same rows" means the same content. */
export async function fingerprint(url: string): Promise<Record<string, string>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ name: string }[]>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`;
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await sql.unsafe<{ n: number; digest: string | null }[]>(`SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${name}" t`);
      result[name] = `${row?.n}:${row?.digest}`;
    }
    const sequences = await sql<{ name: string; value: string | null }[]>`SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`;
    for (const s of sequences) result[`sequence ${s.name}`] = String(s.value);
    return result;
  } finally {
    await sql.end();
  }
}

