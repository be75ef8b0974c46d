import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import t from 'tap';
import { runNextImportJob } from '../../src/professionals/import-jobs.js';
import { buildTestApp } from '../helpers/app.js';
import { importFile } from '../helpers/import-csv.js';
import { castOf, people } from '../helpers/people.js';

const url = '/api/v1/organisaties/gm0363/importen';

/** Follows a job's Location until it is done, as a client would. */
async function follow(app: Awaited<ReturnType<typeof buildTestApp>>['app'], location: string, headers: Record<string, string>) {
  const seen: number[] = [];
  for (let i = 0; i < 600; i++) {
    const response = await app.inject({ url: location, headers });
    const job = response.json();
    seen.push(job.voortgang.procent);
    if (job.status === 'klaar' || job.status === 'mislukt') return { job, seen };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('job did not finish');
}

t.test('a large import becomes a job: 202 + Location, progress, the report; all or nothing; the event loop stays free', { timeout: 120_000 }, async (t) => {
  const testApp = await buildTestApp(t, { IMPORT_JOB_ROWS: '100' });
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const headers = { ...cast.coordinatorAmsterdam, 'content-type': 'text/csv' };
  const count = async () => (await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM professionals`)[0]?.n;

  const small = await app.inject({ method: 'POST', url, headers, payload: importFile(50) });
  t.equal(small.statusCode, 200, 'at or below the threshold: imported while the client waits');

  // A bad row in a large file: the job finishes with the row report, and nothing of the file is applied.
  const bad = await app.inject({ method: 'POST', url, headers, payload: importFile(1_000, { badRow: 800, domain: 'amsterdam.nl' }).replace(/medewerker(\d+)@/g, 'nieuw$1@') });
  t.equal(bad.statusCode, 202);
  t.match(bad.headers.location, /^\/api\/v1\/organisaties\/gm0363\/importen\/[0-9a-f-]{36}$/);
  const badOutcome = await follow(app, bad.headers.location as string, cast.coordinatorAmsterdam);
  t.match(badOutcome.job, { status: 'klaar', rapport: { aangemaakt: 0, fouten: [{ regel: 801, veld: 'email' }] } });
  t.equal(await count(), 50, 'nothing of the faulty file applied');

  // The good file, with the service's event loop watched while the job runs (in a worker thread: import-job-thread.ts).
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = await app.inject({ method: 'POST', url, headers, payload: importFile(3_000) });
  t.equal(started.statusCode, 202);
  t.match(started.json(), { status: 'wachtend', proefrun: false, voortgang: { totaal: 3_000 } });
  t.equal(started.headers['retry-after'], '2');
  const { job, seen } = await follow(app, started.headers.location as string, cast.coordinatorAmsterdam);
  delay.disable();
  const maxMs = delay.max / 1e6;
  t.comment(`event loop delay during a 3,000-row import job: max ${maxMs.toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms`);
  // The work yields every few tens of milliseconds of CPU (a CPU profile of `npm run bench:import-job` shows the
  // longest stretch); wall-clock delay also counts time the OS gives other processes, so the bound scales with load.
  const busy = Math.max(1, loadavg()[0]! / availableParallelism());
  t.ok(maxMs < 150 * busy, `the event loop was never blocked long: max ${maxMs.toFixed(0)} ms, bound ${(150 * busy).toFixed(0)} ms at load ${loadavg()[0]!.toFixed(1)}`);
  t.match(job, { status: 'klaar', voortgang: { procent: 100 }, rapport: { proefrun: false, aangemaakt: 2_950, ongewijzigd: 50, fouten: [] } });
  t.ok(seen.some((p) => p > 0 && p < 100), `progress was seen between 0 and 100 (${[...new Set(seen)].join(', ')})`);
  t.equal(await count(), 3_000);
  const [stored] = await database.sql`SELECT bestand, klaar_op FROM importtaken WHERE id = ${job.id}`;
  t.equal(stored?.bestand, null, 'the file is dropped once the job is done');

  // Only those who may import for the organisation see its jobs.
  const other = await app.inject({ url: started.headers.location as string, headers: cast.coordinatorRotterdam });
  t.equal(other.statusCode, 404);
  const colleague = await app.inject({ url: started.headers.location as string, headers: cast.collega });
  t.equal(colleague.statusCode, 404);
  const refused = await app.inject({ method: 'POST', url, headers: { ...cast.coordinatorRotterdam, 'content-type': 'text/csv' }, payload: importFile(500) });
  t.equal(refused.statusCode, 403, 'no job is queued for someone who may not import');
});

t.test('the coordinator always learns the outcome: a job whose node died is run again; a job that keeps failing says so', async (t) => {
  const testApp = await buildTestApp(t, { IMPORT_JOB_ROWS: '100' });
  const { app, database, config } = testApp;
  await castOf(testApp);
  const principal = { issuer: 'http://127.0.0.1', subject: people.coordinatorAmsterdam.sub, organisatie: 'gm0363', naam: null, email: null, rollen: [{ rol: 'coordinator', organisatie: 'gm0363' }] };
  // As a node leaves it when it dies mid-import: claimed, heartbeat long ago, nothing committed.
  const [orphan] = await database.sql<{ id: string }[]>`
    INSERT INTO importtaken (organisatie_code, proefrun, status, bestand, aanvrager, herkomst, regels, pogingen, levensteken)
    VALUES ('gm0363', false, 'bezig', ${importFile(200)}, ${JSON.stringify(principal)}::jsonb, 'api:test', 200, 1, now() - interval '1 hour') RETURNING id`;
  const [worn] = await database.sql<{ id: string }[]>`
    INSERT INTO importtaken (organisatie_code, proefrun, status, bestand, aanvrager, herkomst, regels, pogingen, levensteken, aangemaakt_op)
    VALUES ('gm0363', false, 'bezig', ${importFile(5)}, ${JSON.stringify(principal)}::jsonb, 'api:test', 5, 3, now() - interval '1 hour', now() + interval '1 second') RETURNING id`;
  await app.close();
  t.equal(await runNextImportJob(database.db, config), true);
  t.equal(await runNextImportJob(database.db, config), true);
  t.equal(await runNextImportJob(database.db, config), false, 'nothing left to do');
  const jobs = await database.sql`SELECT id, status, rapport, foutmelding FROM importtaken ORDER BY aangemaakt_op`;
  t.match(jobs[0], { id: orphan!.id, status: 'klaar', rapport: { aangemaakt: 200 } });
  t.match(jobs[1], { id: worn!.id, status: 'mislukt', foutmelding: /herhaaldelijk onderbroken; er is niets geïmporteerd/ });
});
