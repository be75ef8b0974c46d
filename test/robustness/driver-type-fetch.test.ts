import t from 'tap';
import { connect } from '../../src/database/connection.js';
import { createTestDatabase } from '../helpers/database.js';

/**
 * The open bug of session 5: killing database sessions under load now and then crashed the service with an
 * unhandled rejection (57P01 / CONNECTION_ENDED). The source is the driver: every new connection of a postgres.js
 * pool first reads the array types from pg_type and discards that promise (porsager/postgres#1192), so when that
 * read fails — the session is killed, or a statement times out — nothing catches it. Our pool reads the types once;
 * connections opened afterwards (the reconnects after a restart) no longer run the read that nobody awaits.
 *
 * Made deterministic here with a 1 ms statement timeout for every new session of the database, which cancels the
 * driver's type read on any connection that still makes it.
 */
t.test('new connections of a pool whose types are known do not leave an unhandled rejection when they fail early', async (t) => {
  const database = await createTestDatabase(t);
  const pool = connect(database.url, { max: 4 });
  t.teardown(() => pool.end());
  const unhandled: unknown[] = [];
  const listener = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', listener);
  t.teardown(() => void process.off('unhandledRejection', listener));

  const [first] = await pool.sql<{ werkt: number[] }[]>`SELECT ARRAY[1, 2] AS werkt`;
  t.same(first?.werkt, [1, 2], 'array types are known after the first connection (arrays are parsed)');

  await database.sql.unsafe(`ALTER DATABASE "${database.name}" SET statement_timeout = '1ms'`);
  t.teardown(() => database.sql.unsafe(`ALTER DATABASE "${database.name}" RESET statement_timeout`));
  // Four queries at once: the pool opens three more connections, each one under the 1 ms timeout.
  const outcomes = await Promise.allSettled(Array.from({ length: 4 }, () => pool.sql`SELECT pg_sleep(0.05)`));
  await new Promise((resolve) => setTimeout(resolve, 300));
  t.ok(outcomes.some((o) => o.status === 'rejected'), 'the statement timeout applied to the new connections');
  t.same(
    unhandled.map((reason) => (reason as { code?: string }).code ?? String(reason)),
    [],
    'no unhandled rejection from the driver',
  );

  await database.sql.unsafe(`ALTER DATABASE "${database.name}" RESET statement_timeout`);
  await database.sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'maatwerkregister' AND pid <> pg_backend_pid()`;
  let again: { werkt: number[] } | undefined;
  for (let attempt = 0; attempt < 20 && !again; attempt++) [again] = await pool.sql<{ werkt: number[] }[]>`SELECT ARRAY[3] AS werkt`.catch(() => []);
  t.same(again?.werkt, [3], 'a connection that did not read the types still parses arrays (the parsers are shared)');
});
