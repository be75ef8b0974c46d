import t from 'tap';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';

/**
 * Issue 16, F11: with a full disk, writes answered 500 without Retry-After and readiness stayed 200. PostgreSQL's
 * own "disk full" error is raised by a trigger here (filling a disk in a test would harm the other files).
 */

t.test('a full disk: writes 503 with Retry-After, readiness reports it, reads still work; recovery clears it', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  t.equal((await app.inject({ url: '/health/ready' })).statusCode, 200, 'ready before');
  await database.sql.unsafe(`
    CREATE FUNCTION test_schijf_vol() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'could not extend file "base/1/2": No space left on device' USING ERRCODE = 'disk_full'; END $$;
    CREATE TRIGGER schijf_vol BEFORE INSERT OR UPDATE ON professionals FOR EACH ROW EXECUTE FUNCTION test_schijf_vol();`);

  const write = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.beheerder, payload: entryBody() });
  t.equal(write.statusCode, 503, `write: 503 (${write.body})`);
  t.match(write.headers['content-type'], /^application\/problem\+json/);
  t.ok(Number(write.headers['retry-after']) > 0, 'write: Retry-After');
  t.match(write.json().detail, /opslag/);

  const ready = await app.inject({ url: '/health/ready' });
  t.equal(ready.statusCode, 503, 'readiness: 503');
  t.ok(Number(ready.headers['retry-after']) > 0, 'readiness: Retry-After');
  t.match(ready.json(), { checks: { opslag: { status: 'down', reden: /53100/ } } }, 'readiness names the storage');

  t.equal((await app.inject({ url: '/api/v1/organisaties/gm0363', headers: cast.collega })).statusCode, 200, 'reads still work');

  await database.sql.unsafe('DROP TRIGGER schijf_vol ON professionals');
  t.equal((await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.beheerder, payload: entryBody() })).statusCode, 201, 'space again: the write works');
  t.equal((await app.inject({ url: '/health/ready' })).statusCode, 200, 'and readiness is back');
});
