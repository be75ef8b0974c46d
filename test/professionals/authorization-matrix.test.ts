import { createHash } from 'node:crypto';
import t from 'tap';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';

/**
 * Every action on an entry × every kind of caller gives the expected status, and a refused action changes nothing
 * (the register's tables are byte-for-byte the same afterwards; only the audit log records the refusal).
 *
 * The entry under test belongs to a professional of Amsterdam (gm0363), is visible to all professionals, and is
 * made fresh for every cell of the matrix.
 */

type Actor = 'eigenaar' | 'andereProfessional' | 'coordinatorZelfdeOrganisatie' | 'coordinatorAndereOrganisatie' | 'pmm' | 'beheerder' | 'geenToken';
const actors: Actor[] = ['eigenaar', 'andereProfessional', 'coordinatorZelfdeOrganisatie', 'coordinatorAndereOrganisatie', 'pmm', 'beheerder', 'geenToken'];

interface Cell {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: (id: string) => string;
  payload?: unknown;
  contentType?: string;
  ifMatch?: boolean;
  expected: Record<Actor, number>;
}

const all = (status: number, overrides: Partial<Record<Actor, number>> = {}) =>
  ({ ...Object.fromEntries(actors.map((a) => [a, status])), geenToken: 401, ...overrides }) as Record<Actor, number>;

const importCsv = 'naam,functie,email,rolniveau,expertisegebieden\nNieuwe Collega,Consulent,nieuw@amsterdam.nl,uitvoering,schulden\n';

const matrix: Record<string, Cell> = {
  'lezen': { method: 'GET', url: (id) => `/api/v1/professionals/${id}`, expected: all(200) },
  'wijzigen': {
    method: 'PATCH',
    url: (id) => `/api/v1/professionals/${id}`,
    payload: { bereikbaarheid: 'ma–vr' },
    ifMatch: true,
    expected: all(403, { eigenaar: 200, coordinatorZelfdeOrganisatie: 200, beheerder: 200 }),
  },
  'deactiveren': {
    method: 'PATCH',
    url: (id) => `/api/v1/professionals/${id}`,
    payload: { status: 'inactief' },
    ifMatch: true,
    expected: all(403, { coordinatorZelfdeOrganisatie: 200, beheerder: 200 }),
  },
  'verplaatsen naar andere organisatie': {
    method: 'PATCH',
    url: (id) => `/api/v1/professionals/${id}`,
    payload: { organisatie: 'gm0599' },
    ifMatch: true,
    expected: all(403, { beheerder: 200 }),
  },
  'verwijderen': { method: 'DELETE', url: (id) => `/api/v1/professionals/${id}`, expected: all(403, { eigenaar: 204, coordinatorZelfdeOrganisatie: 204, beheerder: 204 }) },
  'bevestigen': { method: 'POST', url: (id) => `/api/v1/professionals/${id}/bevestiging`, expected: all(403, { eigenaar: 200 }) },
  'verifiëren': { method: 'POST', url: (id) => `/api/v1/professionals/${id}/verificatie`, expected: all(403, { coordinatorZelfdeOrganisatie: 200, beheerder: 200 }) },
  'claimen (al geclaimd)': { method: 'POST', url: (id) => `/api/v1/professionals/${id}/claim`, expected: all(409, { eigenaar: 200 }) },
  'organisatielijst': { method: 'GET', url: () => '/api/v1/organisaties/gm0363/professionals', expected: all(403, { coordinatorZelfdeOrganisatie: 200, beheerder: 200 }) },
  'importeren': {
    method: 'POST',
    url: () => '/api/v1/organisaties/gm0363/importen',
    payload: importCsv,
    contentType: 'text/csv',
    expected: all(403, { coordinatorZelfdeOrganisatie: 200, beheerder: 200 }),
  },
  'teamvermelding maken': {
    method: 'POST',
    url: () => '/api/v1/professionals',
    payload: entryBody({ soort: 'team', organisatie: 'gm0363', naam: 'Maatwerkteam', email: 'maatwerkteam@amsterdam.nl' }),
    expected: all(403, { coordinatorZelfdeOrganisatie: 201, beheerder: 201 }),
  },
  'coördinator benoemen': {
    method: 'POST',
    url: () => '/api/v1/roltoewijzingen',
    payload: { subject: 'nieuwe-coordinator', rol: 'coordinator', organisatie: 'gm0363' },
    expected: all(403, { coordinatorZelfdeOrganisatie: 201, beheerder: 201 }),
  },
  'beheerder benoemen': {
    method: 'POST',
    url: () => '/api/v1/roltoewijzingen',
    payload: { subject: 'nieuwe-beheerder', rol: 'beheerder' },
    expected: all(403, { beheerder: 201 }),
  },
  'roltoewijzingen zien': {
    method: 'GET',
    url: () => '/api/v1/roltoewijzingen',
    expected: all(403, { coordinatorZelfdeOrganisatie: 200, coordinatorAndereOrganisatie: 200, beheerder: 200 }),
  },
  'auditlog': { method: 'GET', url: () => '/api/v1/auditlog', expected: all(403, { beheerder: 200 }) },
  'eigen gegevens': { method: 'GET', url: () => '/api/v1/mij/gegevens', expected: all(200) },
};

t.test('authorisation matrix', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);

  /** Everything but the audit log (which records refusals), as one hash. */
  const snapshot = async () => {
    const rows = await database.sql`
      SELECT (SELECT coalesce(json_agg(p ORDER BY p.id)::text, '') FROM professionals p) AS p,
             (SELECT coalesce(json_agg(e ORDER BY e.professional_id, e.expertisegebied_code)::text, '') FROM professional_expertisegebieden e) AS e,
             (SELECT coalesce(json_agg(r ORDER BY r.id)::text, '') FROM roltoewijzingen r) AS r`;
    return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  };

  let serial = 0;
  for (const [action, cell] of Object.entries(matrix)) {
    for (const actor of actors) {
      serial++;
      // A fresh entry, owned by a fresh professional of Amsterdam.
      const owner = { sub: `eigenaar-${serial}`, organisatie: 'gm0363', email: `eigenaar${serial}@amsterdam.nl` };
      const ownerHeaders = await testApp.auth(owner);
      const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: ownerHeaders, payload: entryBody({ email: owner.email }) });
      const entry = created.json();

      const headers: Record<string, string> = {};
      if (actor === 'eigenaar') Object.assign(headers, ownerHeaders);
      else if (actor === 'andereProfessional') Object.assign(headers, cast.collega);
      else if (actor === 'coordinatorZelfdeOrganisatie') Object.assign(headers, cast.coordinatorAmsterdam);
      else if (actor === 'coordinatorAndereOrganisatie') Object.assign(headers, cast.coordinatorRotterdam);
      else if (actor === 'pmm') Object.assign(headers, cast.pmm);
      else if (actor === 'beheerder') Object.assign(headers, cast.beheerder);
      if (cell.ifMatch) headers['if-match'] = `"${entry.versie}"`;
      if (cell.contentType) headers['content-type'] = cell.contentType;

      const before = await snapshot();
      const response = await app.inject({ method: cell.method, url: cell.url(entry.id), headers, ...(cell.payload === undefined ? {} : { payload: cell.payload as string }) });
      const expected = cell.expected[actor];
      t.equal(response.statusCode, expected, `${action} × ${actor}: ${expected}${response.statusCode !== expected ? ` (${response.body.slice(0, 200)})` : ''}`);
      if (expected >= 400) {
        t.match(response.headers['content-type'], /^application\/problem\+json/, `${action} × ${actor}: problem+json`);
        t.equal(await snapshot(), before, `${action} × ${actor}: refused, nothing changed`);
      }
      // Undo what an allowed creation did, so the next cell starts from the same kind of state.
      if (expected === 201 && cell.url('') === '/api/v1/professionals') {
        await database.sql`DELETE FROM professionals WHERE email = 'maatwerkteam@amsterdam.nl'`;
      }
      if (expected === 201 && cell.url('') === '/api/v1/roltoewijzingen') {
        await database.sql`DELETE FROM roltoewijzingen WHERE subject IN ('nieuwe-coordinator', 'nieuwe-beheerder')`;
      }
      if (action === 'importeren' && expected === 200) await database.sql`DELETE FROM professionals WHERE email = 'nieuw@amsterdam.nl'`;
    }
  }
});
