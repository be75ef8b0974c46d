import { sql } from 'drizzle-orm';
import t, { type Test } from 'tap';
import { insertEntries } from '../../../db/seed/bulk-entries.js';
import { recordSearchChanges } from '../../../src/search/changes.js';
import { enqueueTimeFlips, outboxMark, outboxState, relayOnce, replayFrom } from '../../../src/search/relay.js';
import type { SearchDocument } from '../../../src/search/document.js';
import { createTestDatabase } from '../../helpers/database.js';
import { contractEntries } from '../contract-fixture.js';

/**
 * The relay's decisions against the real PostgreSQL, with a stand-in engine so they run everywhere (CI has no
 * Meilisearch): the test decides whether a task succeeds, fails, times out, or the server is down. The same paths
 * against a real server: end-to-end.test.ts.
 */
class MeiliStandIn {
  received: string[][] = [];
  mode: 'accept' | 'fail-task' | 'timeout' | 'down' = 'accept';
  delayMs = 0;
  async index(documents: SearchDocument[]) {
    const ids = documents.map((d) => d.id);
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.mode === 'fail-task') throw new Error('Meilisearch task 12 (documentAdditionOrUpdate) ended failed: invalid document');
    if (this.mode === 'timeout') throw new Error('request timed out after 2000ms');
    if (this.mode === 'down') throw new Error('connect ECONNREFUSED 127.0.0.1:7700');
    this.received.push([...ids].sort());
  }
  async remove(ids: string[]) {
    if (ids.length > 0) this.received.push(ids.map((id) => `weg:${id}`));
  }
}

async function setup(t: Test) {
  const database = await createTestDatabase(t);
  const ids = await insertEntries(database.db, contractEntries.slice(0, 4));
  // Three changes to the first entry, one to the second: the relay sends two entries.
  await recordSearchChanges(database.db, [ids[0]!, ids[0]!, ids[1]!, ids[0]!]);
  return { database, ids };
}

t.test('accepted: changes coalesced per entry, rows marked done only after the engine confirmed', async (t) => {
  const { database, ids } = await setup(t);
  const standIn = new MeiliStandIn();
  t.match(await outboxState(database.db), { openstaand: 4, dood: 0 });
  const result = await relayOnce(database.db, standIn, { maxPogingen: 3 });
  t.match(result, { claimed: 4, sent: 2, failed: 0, dead: 0 });
  t.same(standIn.received, [[ids[0], ids[1]].sort()]);
  t.match(await outboxState(database.db), { openstaand: 0, dood: 0 });
  t.match(await relayOnce(database.db, standIn, { maxPogingen: 3 }), { claimed: 0 }, 'nothing left');
});

t.test('a failed task or a timeout: rows stay open, retried with backoff, then dead letters', async (t) => {
  const { database } = await setup(t);
  const standIn = new MeiliStandIn();
  standIn.mode = 'fail-task';
  t.match(await relayOnce(database.db, standIn, { maxPogingen: 2 }), { sent: 0, failed: 4, dead: 0 });
  const [row] = await database.db.execute<{ pogingen: number; laatste_fout: string; wait: boolean }>(sql`
    SELECT pogingen, laatste_fout, volgende_poging_op > now() AS wait FROM zoekindex_outbox ORDER BY id LIMIT 1`);
  t.match(row, { pogingen: 1, laatste_fout: /ended failed/, wait: true });
  t.match(await relayOnce(database.db, standIn, { maxPogingen: 2 }), { claimed: 0 }, 'backing off: not retried at once');

  await database.db.execute(sql`UPDATE zoekindex_outbox SET volgende_poging_op = now() - interval '1 second'`);
  standIn.mode = 'timeout';
  t.match(await relayOnce(database.db, standIn, { maxPogingen: 2 }), { sent: 0, failed: 0, dead: 4 });
  t.match(await outboxState(database.db), { openstaand: 0, dood: 4 });

  // An operator replays after fixing the cause.
  standIn.mode = 'accept';
  t.equal(await replayFrom(database.db, 0), 4);
  t.match(await relayOnce(database.db, standIn, { maxPogingen: 2 }), { sent: 2 });
  t.match(await outboxState(database.db), { openstaand: 0, dood: 0 });
});

t.test('two relays at once: each change sent once, never one entry by both', async (t) => {
  const { database } = await setup(t);
  const first = new MeiliStandIn();
  const second = new MeiliStandIn();
  first.delayMs = 200;
  second.delayMs = 200;
  const [a, b] = await Promise.all([relayOnce(database.db, first, { maxPogingen: 3 }), relayOnce(database.db, second, { maxPogingen: 3 })]);
  t.equal(a.sent + b.sent, 2, 'two entries, sent once in total');
  t.notOk(first.received.flat().some((id) => second.received.flat().includes(id)), 'no entry sent by both');
  t.match(await outboxState(database.db), { openstaand: 0 });
});

t.test('rebuild replay: changes after the high-water mark are sent again', async (t) => {
  const { database, ids } = await setup(t);
  const standIn = new MeiliStandIn();
  await relayOnce(database.db, standIn, { maxPogingen: 3 });
  const mark = await outboxMark(database.db);
  // A change lands while the new index is being filled; the relay sends it to the old index.
  await recordSearchChanges(database.db, [ids[2]!]);
  await relayOnce(database.db, standIn, { maxPogingen: 3 });
  t.match(await outboxState(database.db), { openstaand: 0 });
  // After the swap, everything since the mark goes again, to the new index.
  t.equal(await replayFrom(database.db, mark), 1);
  standIn.received = [];
  await relayOnce(database.db, standIn, { maxPogingen: 3 });
  t.same(standIn.received, [[ids[2]]]);
});

t.test('time flips: entries whose verification expired or absence ended in the window are queued, no others', async (t) => {
  const database = await createTestDatabase(t);
  const from = new Date('2026-06-10T12:00:00Z');
  const to = new Date('2026-06-11T12:00:00Z');
  const [expires, stillValid, absenceEnds, stillAway, untouched] = await insertEntries(database.db, [
    { ...contractEntries[0]!, email: 'a@cak.nl', geverifieerdOp: new Date('2025-06-11T08:00:00Z') },
    { ...contractEntries[1]!, email: 'b@tilburg.nl', geverifieerdOp: new Date('2025-06-12T08:00:00Z') },
    { ...contractEntries[2]!, email: 'c@rotterdam.nl', afwezigTot: '2026-06-10' },
    { ...contractEntries[4]!, email: 'd@uwv.nl', afwezigTot: '2026-06-11' },
    { ...contractEntries[5]!, email: 'e@utrecht.nl' },
  ]);
  t.equal(await enqueueTimeFlips(database.db, from, to, { verificatieMaanden: 12 }), 2);
  const queued = (await database.sql<{ professional_id: string }[]>`SELECT professional_id FROM zoekindex_outbox`).map((r) => r.professional_id).sort();
  t.same(queued, [expires, absenceEnds].sort(), 'verification expired on 11 June 08:00, absence ended at midnight');
  t.notOk([stillValid, stillAway, untouched].some((id) => queued.includes(id!)));
  t.equal(await enqueueTimeFlips(database.db, to, to, { verificatieMaanden: 12 }), 0, 'an empty window queues nothing');
});
