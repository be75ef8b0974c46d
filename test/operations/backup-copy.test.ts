import t from 'tap';
import { copyOut } from '../../src/backup/backup.js';
import { connect } from '../../src/database/connection.js';
import { testCluster } from '../helpers/cluster.js';

/**
 * The backup reads every table with COPY through the `postgres` driver, whose socket stays paused when a COPY stream's
 * buffer filled just before its end (porsager/postgres#499): the next statement then never returns. A sink slower than
 * the database (compression on a busy machine) makes that happen; here the first chunk waits 200 ms, which fills the
 * buffer for every size tried. Without the workaround in `copyOut` this test hangs at the statement after the COPY.
 */
t.test('after a COPY read by a slow sink, the connection answers the next statement', { timeout: 30_000 }, async (t) => {
  const cluster = await testCluster();
  const connection = connect(cluster.urlFor('postgres'), { max: 1 });
  t.teardown(() => connection.end());
  for (const rows of [170, 300, 600, 1000]) {
    await connection.sql.begin(async (tx) => {
      let first = true;
      let bytes = 0;
      const counted = await copyOut(tx, `COPY (SELECT repeat('x', 100) FROM generate_series(1, ${rows})) TO STDOUT`, async (chunk) => {
        if (first) await new Promise((resolve) => setTimeout(resolve, 200));
        first = false;
        bytes += chunk.length;
      });
      t.equal(counted, rows, `${rows} rows counted`);
      t.equal(bytes, rows * 101, 'every byte delivered');
      const answer = await Promise.race([tx`SELECT 1 AS one`.then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('no answer within 5 s'), 5_000))]);
      t.equal(answer, 'answered', `the statement after a ${rows}-row COPY`);
    });
  }
});
