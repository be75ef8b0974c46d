import { existsSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { runScript, startServer, tempDataDir } from './helpers/processes.js';

/**
 * The first-run experience, end to end: `npm start` with no DATABASE_URL starts its own PostgreSQL, loads the
 * reference data and serves; `npm run token` and `npm run rol` work against it while it runs; Ctrl-C stops
 * everything; a second start finds the data again.
 */
t.test('embedded default: start, use, stop, start again with the data kept', { timeout: 240_000 }, async (t) => {
  const dataDir = tempDataDir();
  const env = { DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'info' };

  const first = await startServer(t, env);
  t.match(first.logs(), /creating embedded PostgreSQL cluster/, 'a fresh cluster is created');
  const ready = await fetch(`${first.url}/health/ready`);
  t.equal(ready.status, 200, '/health/ready answers 200');

  const token = await runScript('scripts/token.ts', ['--sub', 'eerste-beheerder', '--organisatie', 'gm0363', '--naam', 'Eva'], env);
  t.equal(token.code, 0, `token command succeeds: ${token.stderr}`);
  t.match(token.stdout, /^[\w-]+\.[\w-]+\.[\w-]+\n$/, 'stdout holds only the token');

  const gemeenten = await fetch(`${first.url}/api/v1/organisaties?type=gemeente`, { headers: { authorization: `Bearer ${token.stdout.trim()}` } });
  t.equal(gemeenten.status, 200);
  t.equal((await gemeenten.json()).totaal, 342);

  const grant = await runScript('scripts/rol.ts', ['toekennen', '--sub', 'eerste-beheerder', '--rol', 'beheerder'], env);
  t.equal(grant.code, 0, `rol command succeeds: ${grant.stderr}`);

  t.equal(await first.stop('SIGINT'), 0, 'Ctrl-C stops cleanly');
  t.match(first.logs(), /stopping embedded PostgreSQL/);
  t.notOk(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')), 'the database stopped with the service');

  const second = await startServer(t, env);
  t.notMatch(second.logs(), /creating embedded PostgreSQL cluster/, 'the existing cluster is reused');
  const mij = await fetch(`${second.url}/api/v1/mij`, { headers: { authorization: `Bearer ${token.stdout.trim()}` } });
  t.same((await mij.json()).rollen, [{ rol: 'beheerder', organisatie: null }], 'the role granted before the restart is still there');
  t.equal(await second.stop('SIGTERM'), 0, 'SIGTERM stops cleanly');
});
