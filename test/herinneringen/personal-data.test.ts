import t from 'tap';
import { runRound } from '../../src/herinneringen/runner.js';
import { smtpTransport } from '../../src/herinneringen/transport.js';
import { reminderFixture } from './fixture.js';

/**
 * Issue 15: the record of what was sent to whom belongs to the person's own export (/mij/gegevens): the mails sent
 * to them, and those about their entry — without the address of the coordinator who got one.
 */
t.test("a person's export lists the mails sent to them or about their entries", async (t) => {
  const f = await reminderFixture(t);
  const now = new Date();
  const eva = await f.create({ sub: 'eva', organisatie: 'gm0363' }, { naam: 'Eva de Boer', email: 'eva.deboer@amsterdam.nl' });
  const team = await f.createUnowned('coordinatorAmsterdam', { naam: 'Mia Plaats', email: 'mia.plaats@amsterdam.nl' });
  await f.expireIn(eva, 20, now);
  await f.expireIn(team, 5, now);
  const transport = smtpTransport(f.smtp.url);
  t.teardown(() => transport.close());
  await runRound(f.db, transport, f.options, () => now);

  const exportOf = async (claims: Record<string, string>) => {
    const response = await f.app.inject({ url: '/api/v1/mij/gegevens', headers: await f.testApp.auth(claims) });
    t.equal(response.statusCode, 200);
    return response.json().mails as { soort: string; ontvanger: string | null; ontvangerRol: string; vermelding: string | null; uitkomst: string | null }[];
  };

  const ofEva = await exportOf({ sub: 'eva', organisatie: 'gm0363', email: 'eva.deboer@amsterdam.nl', naam: 'Eva de Boer' });
  t.match(ofEva, [{ soort: 'herinnering', ontvanger: 'eva.deboer@amsterdam.nl', ontvangerRol: 'eigenaar', vermelding: eva, uitkomst: 'verzonden' }], "Eva: her reminder, sent");
  t.equal(ofEva.length, 1, 'and nothing else (not the coordinators’ digests)');

  // Mia has not claimed the entry her coordinator made; its reminder went to the coordinator.
  const ofMia = await exportOf({ sub: 'mia', organisatie: 'gm0363', email: 'mia.plaats@amsterdam.nl', naam: 'Mia Plaats' });
  t.match(ofMia, [{ soort: 'herinnering', ontvanger: null, ontvangerRol: 'coordinator', vermelding: team, uitkomst: 'verzonden' }], 'Mia: the reminder about her entry');
  t.notMatch(JSON.stringify(ofMia), /carla@amsterdam\.nl/, "without the coordinator's address");

  const ofCarla = await exportOf({ sub: 'coord-ams', organisatie: 'gm0363', email: 'carla@amsterdam.nl', naam: 'Carla Coördinator' });
  t.same(ofCarla.map((m) => [m.soort, m.ontvanger]).sort(), [['herinnering', 'carla@amsterdam.nl'], ['overzicht', 'carla@amsterdam.nl']], 'Carla: the reminder she got for Mia’s entry and her digest');
});
