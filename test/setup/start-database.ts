import postgres from 'postgres';
import { seedReferenceData } from '../../db/seed/index.js';
import { connect } from '../../src/database/connection.js';
import { runMigrations } from '../../src/database/migrate.js';
import { TEMPLATE_DATABASE, testCluster } from '../helpers/cluster.js';

// Runs once before all test files (tap "before"): start the test cluster, build a migrated and seeded template.
const cluster = await testCluster();
const admin = postgres(cluster.urlFor('postgres'), { max: 1, onnotice: () => {} });
try {
  const leftovers = await admin<{ datname: string }[]>`SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%' OR datname = ${TEMPLATE_DATABASE}`;
  for (const { datname } of leftovers) await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
} finally {
  await admin.end();
}
const template = connect(cluster.urlFor(TEMPLATE_DATABASE), { max: 2 });
try {
  await runMigrations(template.db, template.sql);
  await seedReferenceData(template.db);
} finally {
  await template.end();
}
