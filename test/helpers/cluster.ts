import { fileURLToPath } from 'node:url';
import { ensureEmbeddedCluster } from '../../src/database/embedded-cluster.js';

/**
 * The test run's own embedded PostgreSQL (separate from the development data), started once by
 * test/setup/start-database.ts. Each test file clones the migrated, seeded template into a fresh database.
 */
export const TEST_DATA_DIR = fileURLToPath(new URL('../../.data/test', import.meta.url));
export const TEMPLATE_DATABASE = 'maatwerk_template';

export function testCluster() {
  return ensureEmbeddedCluster({ dataDir: TEST_DATA_DIR, durable: false });
}
