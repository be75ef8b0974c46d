import { stopEmbeddedCluster } from '../../src/database/embedded-cluster.js';
import { TEST_DATA_DIR } from '../helpers/cluster.js';

// Runs once after all test files (tap "after").
await stopEmbeddedCluster(TEST_DATA_DIR);
