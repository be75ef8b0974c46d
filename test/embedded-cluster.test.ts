import postgres from 'postgres';
import t from 'tap';
import { ensureEmbeddedCluster, stopEmbeddedCluster } from '../src/database/embedded-cluster.js';
import { tempDataDir } from './helpers/processes.js';

const query = async (url: string, text: string) => {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await sql.unsafe(text);
  } finally {
    await sql.end();
  }
};

t.test('one cluster per data directory: started once, attached to by others, stopped by its starter', { timeout: 120_000 }, async (t) => {
  const dataDir = tempDataDir();
  t.teardown(() => stopEmbeddedCluster(dataDir));

  const owner = await ensureEmbeddedCluster({ dataDir });
  t.ok(owner.startedHere);
  await query(owner.url, 'CREATE TABLE bewaard (waarde text); INSERT INTO bewaard VALUES (\'blijft\')');

  const guest = await ensureEmbeddedCluster({ dataDir });
  t.notOk(guest.startedHere, 'a second process attaches to the running cluster');
  t.equal(guest.port, owner.port);
  await guest.release();
  t.same(await query(owner.url, 'SELECT waarde FROM bewaard'), [{ waarde: 'blijft' }], 'a guest leaving does not stop it');

  // The owner leaves while someone else is still connected: the cluster stays up for them.
  const other = postgres(owner.url, { max: 1, onnotice: () => {} });
  await other`SELECT 1`;
  await owner.release();
  t.same(await other`SELECT 1 AS een`, [{ een: 1 }], 'still serving the remaining client');
  await other.end();
  await stopEmbeddedCluster(dataDir);

  const again = await ensureEmbeddedCluster({ dataDir });
  t.ok(again.startedHere, 'started again after a stop');
  t.same(await query(again.url, 'SELECT waarde FROM bewaard'), [{ waarde: 'blijft' }], 'data survives a restart');
  await again.release();
  await t.rejects(query(again.url, 'SELECT 1'), 'stopped once its starter left and nobody else was connected');
});
