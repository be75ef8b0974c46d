import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { connect, type Database, type SessionTimeouts } from '../../src/database/connection.js';
import { TEMPLATE_DATABASE, testCluster } from './cluster.js';

interface Teardown {
  teardown(fn: () => unknown): void;
}

export interface TestDatabase extends Database {
  name: string;
}

/**
 * A database of its own for one test file: a copy of the migrated, seeded template, dropped at the end.
 * Files run in parallel without seeing each other's data.
 */
export async function createTestDatabase(t: Teardown, options: { timeouts?: SessionTimeouts } = {}): Promise<TestDatabase> {
  const cluster = await testCluster();
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(cluster.urlFor('postgres'), { max: 1, onnotice: () => {} });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
        break;
      } catch (error) {
        // 55006: the template is briefly in use by another file's CREATE DATABASE; try again.
        if ((error as { code?: string }).code !== '55006' || attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      }
    }
  } finally {
    await admin.end();
  }
  const url = cluster.urlFor(name);
  const connection = connect(url, { max: 5, timeouts: options.timeouts });
  let closed = false;
  const database: TestDatabase = {
    url,
    name,
    db: connection.db,
    sql: connection.sql,
    async close() {
      if (closed) return;
      closed = true;
      await connection.end();
    },
  };
  t.teardown(async () => {
    await database.close();
    const dropper = postgres(cluster.urlFor('postgres'), { max: 1, onnotice: () => {} });
    await dropper.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end());
  });
  return database;
}
