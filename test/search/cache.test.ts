import t from 'tap';
import { CachedSearchEngine } from '../../src/search/cache.js';
import { buildTestApp } from '../helpers/app.js';
import { castOf, entryBody } from '../helpers/people.js';

t.test('the result cache: hits on repeats, never stale after a change, never shares what is not public', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const cast = await castOf(testApp);
  const engine = app.searchEngine as CachedSearchEngine;
  t.ok(engine instanceof CachedSearchEngine, 'on by default');
  const count = async (headers: { authorization: string }, query = 'zoekterm=schuldhulp') => (await app.inject({ url: `/api/v1/professionals?${query}`, headers })).json().totaal;

  await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: entryBody({ email: 'a@rotterdam.nl' }) });
  t.equal(await count(cast.collega), 1);
  const misses = engine.misses;
  t.equal(await count(cast.collega), 1);
  t.equal(await count(cast.beheerder), 1, 'another organisation without restricted entries shares the entry');
  t.equal(engine.misses, misses, 'served from the cache');

  await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: entryBody({ email: 'b@rotterdam.nl' }) });
  t.equal(await count(cast.collega), 2, 'a change anywhere is seen at once');

  await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorAmsterdam, payload: entryBody({ email: 'intern@amsterdam.nl', zichtbaarheid: 'eigen-organisatie' }) });
  await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: entryBody({ email: 'pmm@rotterdam.nl', zichtbaarheid: 'pmm' }) });
  t.equal(await count(cast.collega), 3, 'Amsterdam sees its own internal entry');
  t.equal(await count(cast.beheerder), 2, 'Utrecht does not: it gets the public result');
  t.equal(await count(cast.pmm), 3, 'the PMM desk sees the pmm entry');
  t.equal(await count(cast.beheerder), 2, 'and the public result stays public');
});

t.test('concurrent identical searches run once: the others wait for it', async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const cast = await castOf(testApp);
  const engine = app.searchEngine as CachedSearchEngine;
  await app.inject({ method: 'POST', url: '/api/v1/professionals', headers: cast.coordinatorRotterdam, payload: entryBody({ email: 'a@rotterdam.nl' }) });
  const misses = engine.misses;
  const answers = await Promise.all(
    Array.from({ length: 8 }, () => app.inject({ url: '/api/v1/professionals?zoekterm=schuldhulp&pagina=1', headers: cast.collega })),
  );
  t.same(answers.map((a) => a.json().totaal), Array(8).fill(1), 'every request gets the answer');
  t.equal(engine.misses - misses, 1, 'one search ran');
  t.equal(engine.coalesced, 7, 'seven waited for it');
});
