import { connect as connectSocket } from 'node:net';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { ConfigError, loadConfig } from '../../src/config.js';
import { connect } from '../../src/database/connection.js';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';

/**
 * Issue 16, F3: a 25 s lock stalled every request and exhausted the pool, and a client sending one byte every two
 * seconds held a request open for minutes. Every wait now has a configured bound.
 */

t.test('the timeouts are configuration, with sensible defaults, validated', async (t) => {
  const defaults = loadConfig({ NODE_ENV: 'test' }).timeouts;
  t.same(defaults, { statementMs: 10_000, lockMs: 3_000, idleInTransactionMs: 30_000, connectMs: 5_000, requestMs: 15_000, bodyMs: 60_000, importMs: 120_000 });
  t.ok(defaults.statementMs < defaults.requestMs, 'the database gives up before the request is answered 503');
  const set = loadConfig({
    NODE_ENV: 'test',
    DATABASE_STATEMENT_TIMEOUT_MS: '2000',
    DATABASE_LOCK_TIMEOUT_MS: '0',
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '5000',
    DATABASE_CONNECT_TIMEOUT_MS: '1000',
    REQUEST_TIMEOUT_MS: '4000',
    REQUEST_BODY_TIMEOUT_MS: '9000',
    IMPORT_TIMEOUT_MS: '60000',
  }).timeouts;
  t.same(set, { statementMs: 2000, lockMs: 0, idleInTransactionMs: 5000, connectMs: 1000, requestMs: 4000, bodyMs: 9000, importMs: 60_000 });
  for (const variable of ['DATABASE_STATEMENT_TIMEOUT_MS', 'REQUEST_TIMEOUT_MS', 'REQUEST_BODY_TIMEOUT_MS']) {
    t.throws(() => loadConfig({ NODE_ENV: 'test', [variable]: 'lang' }), ConfigError, `${variable}: not a number`);
    t.throws(() => loadConfig({ NODE_ENV: 'test', [variable]: '-5' }), ConfigError, `${variable}: negative`);
  }
});

t.test("the service's connections carry the session timeouts", async (t) => {
  const { app } = await buildTestApp(t, { DATABASE_STATEMENT_TIMEOUT_MS: '4000', DATABASE_LOCK_TIMEOUT_MS: '1500', DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '20000' });
  const [row] = await app.sql<{ statement: string; lock: string; idle: string }[]>`
    SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock,
           current_setting('idle_in_transaction_session_timeout') AS idle`;
  t.same(row, { statement: '4s', lock: '1500ms', idle: '20s' });
  const started = performance.now();
  await t.rejects(app.sql`SELECT pg_sleep(10)`, { code: '57014' }, 'a runaway statement is cancelled');
  t.ok(performance.now() - started < 8_000, 'at the statement timeout');
});

/** Holds a row lock on one entry from another session until `release()`. */
async function holdRowLock(url: string, id: string) {
  const other = connect(url, { max: 1 });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const done = other.sql.begin(async (tx) => {
    await tx`SELECT 1 FROM professionals WHERE id = ${id} FOR UPDATE`;
    locked();
    await released;
  });
  await isLocked;
  return {
    async release() {
      release();
      await done;
      await other.end();
    },
  };
}

t.test('a lock held elsewhere: the change is refused with 503 and Retry-After at the lock timeout, and not applied', async (t) => {
  const testApp = await buildTestApp(t, { DATABASE_LOCK_TIMEOUT_MS: '300' });
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.beheerder, payload: entryBody() });
  const { id } = created.json();
  const lock = await holdRowLock(database.url, id);
  t.teardown(() => lock.release());
  const started = performance.now();
  const response = await app.inject({ method: 'PATCH', url: `/api/v1/professionals/${id}`, headers: { ...cast.beheerder, 'if-match': '"1"' }, payload: { functie: 'Nieuwe functie' } });
  const waited = performance.now() - started;
  t.equal(response.statusCode, 503, `503 (${response.body})`);
  t.match(response.headers['content-type'], /^application\/problem\+json/);
  t.ok(Number(response.headers['retry-after']) > 0, 'Retry-After');
  t.ok(waited < 3_000, `answered at the lock timeout (${Math.round(waited)} ms)`);
  await lock.release();
  const after = (await app.inject({ url: `/api/v1/professionals/${id}`, headers: cast.beheerder })).json();
  t.equal(after.functie, 'Schuldhulpverlener', 'nothing applied');
  t.equal(after.versie, 1);
});

t.test('a request that takes longer than REQUEST_TIMEOUT_MS is answered 503 with Retry-After', async (t) => {
  // No database bound at all: the request bound alone must end the wait.
  const testApp = await buildTestApp(t, { DATABASE_LOCK_TIMEOUT_MS: '0', DATABASE_STATEMENT_TIMEOUT_MS: '0', REQUEST_TIMEOUT_MS: '700' });
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const { id } = (await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.beheerder, payload: entryBody() })).json();
  const lock = await holdRowLock(database.url, id);
  t.teardown(() => lock.release());
  const started = performance.now();
  const response = await app.inject({ method: 'PATCH', url: `/api/v1/professionals/${id}`, headers: { ...cast.beheerder, 'if-match': '"1"' }, payload: { functie: 'Nieuwe functie' } });
  const waited = performance.now() - started;
  t.equal(response.statusCode, 503, `503 (${response.body})`);
  t.match(response.headers['content-type'], /^application\/problem\+json/);
  t.ok(Number(response.headers['retry-after']) > 0, 'Retry-After');
  t.match(response.json(), { status: 503, detail: /te lang/ });
  t.ok(waited < 3_000, `answered at the request timeout (${Math.round(waited)} ms)`);
});

t.test('a client that sends its body too slowly is cut off at REQUEST_BODY_TIMEOUT_MS', async (t) => {
  const { app } = await buildTestApp(t, { REQUEST_BODY_TIMEOUT_MS: '1000' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const socket = connectSocket(port, '127.0.0.1');
  t.teardown(() => socket.destroy());
  await new Promise((resolve) => socket.once('connect', resolve));
  const started = performance.now();
  socket.write('POST /api/v1/professionals HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
  // One byte every 200 ms: never idle long enough for an idle timeout, and never done.
  const drip = setInterval(() => socket.writable && socket.write(' '), 200);
  t.teardown(() => clearInterval(drip));
  let received = '';
  socket.on('data', (chunk) => (received += String(chunk)));
  await new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    setTimeout(resolve, 10_000).unref();
  });
  clearInterval(drip);
  const waited = performance.now() - started;
  t.match(received, /^HTTP\/1\.1 408/, `408 Request Timeout (${received.slice(0, 40)})`);
  t.ok(waited < 4_000, `cut off near the bound (${Math.round(waited)} ms)`);
});
