import t from 'tap';
import { OUT_OF_MEMORY_MESSAGE } from '../../src/professionals/import-job-thread.js';
import { buildTestApp } from '../helpers/app.js';
import { importFile } from '../helpers/import-csv.js';
import { castOf } from '../helpers/people.js';

const url = '/api/v1/organisaties/gm0363/importen';

/** Entries of the test file (importFile's addresses) in the database. */
const imported = async (database: Awaited<ReturnType<typeof buildTestApp>>['database']) =>
  (await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM professionals WHERE email LIKE 'medewerker%'`)[0]?.n;

async function follow(app: Awaited<ReturnType<typeof buildTestApp>>['app'], location: string, headers: Record<string, string>) {
  for (let i = 0; i < 600; i++) {
    const job = (await app.inject({ url: location, headers })).json<{ status: string }>();
    if (job.status === 'klaar' || job.status === 'mislukt') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('job did not finish');
}

t.test('an import job runs in a thread with its own heap limit: a job that exceeds it fails with a message, the service goes on', async (t) => {
  // 32 MB of old generation cannot hold the modules and a 20,000-row file; the service's own heap could.
  const testApp = await buildTestApp(t, { IMPORT_JOB_ROWS: '100', IMPORT_JOB_HEAP_MB: '32' });
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const started = await app.inject({ method: 'POST', url, headers: { ...cast.coordinatorAmsterdam, 'content-type': 'text/csv' }, payload: importFile(20_000) });
  t.equal(started.statusCode, 202);
  const job = await follow(app, started.headers.location as string, cast.coordinatorAmsterdam);
  t.match(job, { status: 'mislukt', foutmelding: OUT_OF_MEMORY_MESSAGE, rapport: null }, 'the coordinator learns the outcome in plain Dutch');
  const n = await imported(database);
  t.equal(n, 0, 'nothing of the file was imported');
  const health = await app.inject({ url: '/api/v1/organisaties/gm0363', headers: cast.coordinatorAmsterdam });
  t.equal(health.statusCode, 200, 'the service still answers');
});

t.test('stopping the service ends a job under way at once; nothing of it is committed, and it is run again later', async (t) => {
  const testApp = await buildTestApp(t, { IMPORT_JOB_ROWS: '100' });
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const started = await app.inject({ method: 'POST', url, headers: { ...cast.coordinatorAmsterdam, 'content-type': 'text/csv' }, payload: importFile(20_000) });
  t.equal(started.statusCode, 202);
  // Wait until the worker is writing chunks.
  for (let i = 0; i < 600; i++) {
    const job = (await app.inject({ url: started.headers.location as string, headers: cast.coordinatorAmsterdam })).json<{ voortgang: { verwerkt: number } }>();
    if (job.voortgang.verwerkt > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const before = performance.now();
  await app.close();
  const closeMs = performance.now() - before;
  t.ok(closeMs < 5_000, `closed in ${closeMs.toFixed(0)} ms, not after the whole import`);
  const n = await imported(database);
  t.equal(n, 0, 'the interrupted transaction was rolled back');
  const [job] = await database.sql`SELECT status FROM importtaken`;
  t.equal(job?.status, 'bezig', 'left claimed: a node picks it up again once its heartbeat is old');
});
