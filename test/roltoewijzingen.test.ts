import t from 'tap';
import { buildTestApp } from './helpers/app.js';
import { castOf } from './helpers/people.js';

t.test('roles API: a beheerder assigns and revokes; a coordinator appoints coordinators of their own organisation', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const cast = await castOf(testApp);

  const granted = await app.inject({ method: 'POST', url: '/api/v1/roltoewijzingen', headers: cast.beheerder, payload: { subject: 'nieuw', rol: 'pmm' } });
  t.equal(granted.statusCode, 201);
  const assignment = granted.json();
  t.match(assignment, { subject: 'nieuw', rol: 'pmm', organisatie: null, uitgever: 'urn:maatwerkregister:ontwikkeling', toegekendDoor: 'beheerder' });
  t.equal(granted.headers.location, `/api/v1/roltoewijzingen/${assignment.id}`);
  t.equal((await app.inject({ method: 'POST', url: '/api/v1/roltoewijzingen', headers: cast.beheerder, payload: { subject: 'nieuw', rol: 'pmm' } })).statusCode, 200, 'idempotent');
  t.equal((await app.inject({ url: granted.headers.location as string, headers: cast.beheerder })).json().id, assignment.id);

  const appointed = await app.inject({ method: 'POST', url: '/api/v1/roltoewijzingen', headers: cast.coordinatorAmsterdam, payload: { subject: 'tweede-coord', rol: 'coordinator', organisatie: 'gm0363' } });
  t.equal(appointed.statusCode, 201);
  const otherOrg = await app.inject({ method: 'POST', url: '/api/v1/roltoewijzingen', headers: cast.coordinatorAmsterdam, payload: { subject: 'x', rol: 'coordinator', organisatie: 'gm0599' } });
  t.equal(otherOrg.statusCode, 403);
  const visible = (await app.inject({ url: '/api/v1/roltoewijzingen', headers: cast.coordinatorAmsterdam })).json();
  t.same(visible.resultaten.map((r: { subject: string }) => r.subject).sort(), ['coord-ams', 'tweede-coord'], 'a coordinator sees their organisation’s coordinators');

  const revokeOther = await app.inject({ method: 'DELETE', url: `/api/v1/roltoewijzingen/${assignment.id}`, headers: cast.coordinatorAmsterdam });
  t.equal(revokeOther.statusCode, 404, 'not theirs to see');
  t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/roltoewijzingen/${appointed.json().id}`, headers: cast.coordinatorAmsterdam })).statusCode, 204);
  t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/roltoewijzingen/${assignment.id}`, headers: cast.beheerder })).statusCode, 204);

  const invalid = await app.inject({ method: 'POST', url: '/api/v1/roltoewijzingen', headers: cast.beheerder, payload: { subject: 'x', rol: 'coordinator' } });
  t.equal(invalid.statusCode, 400);
  t.equal(invalid.json().invalidParams[0].name, 'organisatie');
});

t.test('the last beheerder cannot be removed', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const cast = await castOf(testApp);
  const [own] = (await app.inject({ url: '/api/v1/roltoewijzingen?rol=beheerder', headers: cast.beheerder })).json().resultaten;
  const refused = await app.inject({ method: 'DELETE', url: `/api/v1/roltoewijzingen/${own.id}`, headers: cast.beheerder });
  t.equal(refused.statusCode, 409);
  t.match(refused.json().detail, /laatste beheerder/);
});
