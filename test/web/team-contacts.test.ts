import t from 'tap';
import { SESSION_COOKIE } from '../../src/web/session.js';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';

/**
 * The team entries an entry page shows beside it follow the one visibility rule. Before issue 13 the page ran its own
 * query, which ignored the confirmation period: a team entry that the API and search hid as expired was still shown
 * there, with its e-mail address.
 */
t.test('the entry page shows only the teams the viewer may find', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);
  const create = async (body: Record<string, unknown>) => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody(body) });
    t.equal(response.statusCode, 201);
    return response.json<{ id: string }>().id;
  };
  const person = await create({});
  const current = await create({ soort: 'team', naam: 'Maatwerkplaats Amsterdam', functie: 'Maatwerkplaats', rolniveau: 'coordinatie', email: 'maatwerkplaats@amsterdam.nl' });
  const expired = await create({ soort: 'team', naam: 'Escalatieteam Amsterdam', functie: 'Escalatieteam', rolniveau: 'coordinatie', email: 'escalatie@amsterdam.nl' });
  const inactive = await create({ soort: 'team', naam: 'Oud team Amsterdam', functie: 'Team', rolniveau: 'coordinatie', email: 'oud-team@amsterdam.nl' });
  const ownOrganisation = await create({ soort: 'team', naam: 'Intern team Amsterdam', functie: 'Team', rolniveau: 'coordinatie', email: 'intern@amsterdam.nl', zichtbaarheid: 'eigen-organisatie' });
  await database.sql`UPDATE professionals SET bevestigd_op = now() - interval '13 months' WHERE id = ${expired}`;
  await database.sql`UPDATE professionals SET status = 'inactief' WHERE id = ${inactive}`;

  const rotterdam = { sub: 'kees', organisatie: 'gm0599', naam: 'Kees Rotterdam', email: 'kees@rotterdam.nl' };
  t.equal((await app.inject({ url: `/api/v1/professionals/${expired}`, headers: await testApp.auth(rotterdam) })).statusCode, 404, 'the API does not show the expired team');

  const page = async (claims: Record<string, string>) => {
    const response = await app.inject({ url: `/professionals/${person}`, headers: { cookie: `${SESSION_COOKIE}=${await testApp.token(claims)}`, accept: 'text/html' } });
    t.equal(response.statusCode, 200);
    return response.body;
  };
  const elsewhere = await page(rotterdam);
  t.match(elsewhere, /maatwerkplaats@amsterdam\.nl/, 'a current public team is shown');
  t.notMatch(elsewhere, /escalatie@amsterdam\.nl/, 'a team whose confirmation expired is not');
  t.notMatch(elsewhere, /oud-team@amsterdam\.nl/, 'nor an inactive one');
  t.notMatch(elsewhere, /intern@amsterdam\.nl/, 'nor one for its own organisation only');

  const colleague = await page({ sub: 'collega', organisatie: 'gm0363' });
  t.match(colleague, /intern@amsterdam\.nl/, 'a colleague of the same organisation finds the internal team, as in search');
  t.notMatch(colleague, /escalatie@amsterdam\.nl/, 'but not the expired one');
  t.ok(current && ownOrganisation);
});
