import t from 'tap';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';

t.test('a professional creates, reads and edits their own entry', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const eva = await testApp.auth({ sub: 'eva', organisatie: 'gm0363', email: 'eva.deboer@amsterdam.nl' });

  const created = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: eva, payload: entryBody({ werkgebied: ['noord-holland', 'GM0363'] }) });
  t.equal(created.statusCode, 201);
  const entry = created.json();
  t.equal(created.headers.location, `/api/v1/professionals/${entry.id}`);
  t.equal(created.headers.etag, '"1"');
  t.match(entry, {
    soort: 'persoon',
    organisatie: { code: 'gm0363', naam: 'Amsterdam', type: 'gemeente' },
    expertisegebieden: [{ code: 'schulden' }, { code: 'wgs' }],
    werkgebied: ['Noord-Holland', 'gm0363'],
    telefoon: '+31201234567',
    zichtbaarheid: 'alle-professionals',
    status: 'actief',
    verificatie: { status: 'ontbreekt', geverifieerdOp: null },
    bevestiging: { status: 'actueel' },
    vindbaar: true,
    geclaimd: true,
    versie: 1,
  });

  const read = await app.inject({ url: created.headers.location as string, headers: eva });
  t.equal(read.statusCode, 200);
  t.equal(read.headers.etag, '"1"');

  const patched = await app.inject({
    method: 'PATCH',
    url: created.headers.location as string,
    headers: { ...eva, 'if-match': '"1"' },
    payload: { functie: 'Casusregisseur', afwezigTot: '2099-12-31', expertisegebieden: ['multiproblematiek'] },
  });
  t.equal(patched.statusCode, 200);
  t.equal(patched.headers.etag, '"2"');
  t.match(patched.json(), { functie: 'Casusregisseur', naam: 'Eva de Boer', afwezigTot: '2099-12-31', expertisegebieden: [{ code: 'multiproblematiek' }], versie: 2 });

  const second = await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: eva, payload: entryBody({ email: 'eva2@amsterdam.nl' }) });
  t.equal(second.statusCode, 409, 'one own entry per person');
});

t.test('PATCH needs If-Match; a stale version gets 412; of two PATCHes with one ETag exactly one wins', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const eva = await testApp.auth({ sub: 'eva', organisatie: 'gm0363' });
  const { id } = (await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: eva, payload: entryBody() })).json();
  const url = `/api/v1/professionals/${id}`;

  const without = await app.inject({ method: 'PATCH', url, headers: eva, payload: { functie: 'Iets anders' } });
  t.equal(without.statusCode, 428);
  t.match(without.json(), { status: 428, detail: /If-Match/ });
  t.equal((await app.inject({ method: 'PATCH', url, headers: { ...eva, 'if-match': 'W/"x"' }, payload: { functie: 'Iets anders' } })).statusCode, 412);

  const [a, b] = await Promise.all([
    app.inject({ method: 'PATCH', url, headers: { ...eva, 'if-match': '"1"' }, payload: { functie: 'Versie A' } }),
    app.inject({ method: 'PATCH', url, headers: { ...eva, 'if-match': '"1"' }, payload: { bereikbaarheid: 'Versie B' } }),
  ]);
  t.same([a.statusCode, b.statusCode].sort(), [200, 412]);
  const loser = a.statusCode === 412 ? a : b;
  t.match(loser.json(), { status: 412, detail: /intussen gewijzigd/ });
  const final = (await app.inject({ url, headers: eva })).json();
  t.equal(final.versie, 2, 'exactly one update applied');
  t.ok(a.statusCode === 200 ? final.functie === 'Versie A' && final.bereikbaarheid === null : final.bereikbaarheid === 'Versie B' && final.functie === 'Schuldhulpverlener', 'the winner’s change is there, the loser’s is not');

  const retried = await app.inject({ method: 'PATCH', url, headers: { ...eva, 'if-match': '"2"' }, payload: loser === b ? { bereikbaarheid: 'Versie B' } : { functie: 'Versie A' } });
  t.equal(retried.statusCode, 200, 'the loser re-reads and retries: nothing is lost');
  t.match(retried.json(), { functie: 'Versie A', bereikbaarheid: 'Versie B', versie: 3 });
});

t.test('coordinator: creates team and person entries, verifies, lists with maintenance filters, deactivates', async (t) => {
  const testApp = await buildTestApp(t);
  const { app, database } = testApp;
  const cast = await castOf(testApp);

  const team = await app.inject({
    method: 'POST',
    url: '/api/v1/professionals',
    headers: cast.coordinatorAmsterdam,
    payload: entryBody({ soort: 'team', naam: 'Maatwerkplaats Amsterdam', functie: 'Maatwerkplaats', email: 'maatwerkplaats@amsterdam.nl', rolniveau: 'coordinatie', escalatiecontact: true }),
  });
  t.equal(team.statusCode, 201);
  t.match(team.json(), { soort: 'team', geclaimd: false, escalatiecontact: true });
  const person = (await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ email: 'piet@amsterdam.nl', naam: 'Piet Jansen' }) })).json();
  t.equal(person.geclaimd, false, 'made on behalf of the organisation: no owner until claimed');

  const list = async (query = '') =>
    (await app.inject({ url: `/api/v1/organisaties/gm0363/professionals${query}`, headers: cast.coordinatorAmsterdam })).json();
  t.equal((await list()).totaal, 2);
  t.equal((await list('?verificatie=ontbreekt')).totaal, 2);

  const verified = await app.inject({ method: 'POST', url: `/api/v1/professionals/${person.id}/verificatie`, headers: cast.coordinatorAmsterdam });
  t.equal(verified.statusCode, 200);
  t.match(verified.json(), { verificatie: { status: 'geldig' }, versie: 2 });
  t.equal((await list('?verificatie=ontbreekt')).totaal, 1);

  // Thirteen months ago: verification expired, confirmation expired (not findable any more).
  await database.sql`UPDATE professionals SET geverifieerd_op = now() - interval '13 months', bevestigd_op = now() - interval '13 months' WHERE id = ${person.id}`;
  t.same((await list('?verificatie=verlopen')).resultaten.map((e: { id: string }) => e.id), [person.id]);
  const expired = (await list('?bevestiging=verlopen')).resultaten;
  t.same(expired.map((e: { id: string }) => e.id), [person.id]);
  t.match(expired[0], { vindbaar: false, bevestiging: { status: 'verlopen' }, verificatie: { status: 'verlopen' } });
  t.equal((await app.inject({ url: `/api/v1/professionals/${person.id}`, headers: cast.collega })).statusCode, 404, 'an expired entry is not shown to others');

  const confirmed = await app.inject({ method: 'POST', url: `/api/v1/professionals/${person.id}/bevestiging`, headers: cast.coordinatorAmsterdam });
  t.equal(confirmed.statusCode, 200, 'an unclaimed entry is confirmed by its coordinator');
  t.match(confirmed.json(), { vindbaar: true, bevestiging: { status: 'actueel' } });

  const etag = confirmed.headers.etag as string;
  const deactivated = await app.inject({ method: 'PATCH', url: `/api/v1/professionals/${person.id}`, headers: { ...cast.coordinatorAmsterdam, 'if-match': etag }, payload: { status: 'inactief' } });
  t.equal(deactivated.statusCode, 200);
  t.equal(deactivated.json().vindbaar, false);
  t.equal((await app.inject({ url: `/api/v1/professionals/${person.id}`, headers: cast.collega })).statusCode, 404, 'hidden at once');
  t.equal((await list('?status=inactief')).totaal, 1, 'the coordinator still sees it');
});

t.test('claim: the person with the matching work e-mail takes over the entry their coordinator made', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const cast = await castOf(testApp);
  const made = (await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ email: 'Piet@Amsterdam.nl' }) })).json();
  const url = `/api/v1/professionals/${made.id}/claim`;

  const stranger = await app.inject({ method: 'POST', url, headers: await testApp.auth({ sub: 'x', organisatie: 'gm0363', email: 'iemand@amsterdam.nl' }) });
  t.equal(stranger.statusCode, 403, 'another e-mail');
  const elsewhere = await app.inject({ method: 'POST', url, headers: await testApp.auth({ sub: 'y', organisatie: 'gm0599', email: 'piet@amsterdam.nl' }) });
  t.equal(elsewhere.statusCode, 403, 'same e-mail, other organisation');

  const piet = await testApp.auth({ sub: 'piet', organisatie: 'gm0363', email: 'piet@amsterdam.nl' });
  const claimed = await app.inject({ method: 'POST', url, headers: piet });
  t.equal(claimed.statusCode, 200);
  t.match(claimed.json(), { geclaimd: true, versie: 2 });
  const patched = await app.inject({ method: 'PATCH', url: `/api/v1/professionals/${made.id}`, headers: { ...piet, 'if-match': '"2"' }, payload: { bereikbaarheid: 'ma–do 9–17' } });
  t.equal(patched.statusCode, 200, 'the new owner edits it');
  const again = await app.inject({ method: 'POST', url, headers: await testApp.auth({ sub: 'piet2', organisatie: 'gm0363', email: 'piet@amsterdam.nl' }) });
  t.equal(again.statusCode, 409, 'claimed entries stay with their owner');
});

t.test('visibility of a single entry: eigen-organisatie and pmm entries', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const cast = await castOf(testApp);
  const create = async (zichtbaarheid: string, email: string) =>
    (await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ zichtbaarheid, email }) })).json().id;
  const own = await create('eigen-organisatie', 'intern@amsterdam.nl');
  const pmmOnly = await create('pmm', 'escalatie@amsterdam.nl');
  const status = async (id: string, headers: { authorization: string }) => (await app.inject({ url: `/api/v1/professionals/${id}`, headers })).statusCode;
  t.equal(await status(own, cast.collega), 200, 'same organisation sees eigen-organisatie');
  t.equal(await status(own, cast.coordinatorRotterdam), 404, 'another organisation does not');
  t.equal(await status(pmmOnly, cast.pmm), 200, 'the PMM desk sees pmm entries');
  t.equal(await status(pmmOnly, cast.collega), 200, 'and so does the own organisation');
  t.equal(await status(pmmOnly, cast.coordinatorRotterdam), 404, 'others do not');
});
