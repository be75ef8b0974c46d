import t from 'tap';
import { insertEntries, organisationsForSynthesis } from '../../../db/seed/bulk-entries.js';
import { synthesise } from '../../../db/seed/synthetic.js';
import { MeilisearchEngine } from '../../../src/search/meilisearch/engine.js';
import { createTestDatabase } from '../../helpers/database.js';
import { meilisearchFor } from '../../helpers/meilisearch.js';
import { documentSource } from '../../../src/search/document-source.js';

/**
 * The rebuild keeps Meilisearch busy: it sends the next batch while earlier ones are still being indexed (so
 * building documents overlaps indexing, and Meilisearch merges queued additions into one indexing batch), and
 * still checks that every task succeeded and that the fresh index holds every document before swapping it in.
 * Waiting for each batch's task before building the next one made a rebuild of 100,000 entries take many minutes.
 */
const server = await meilisearchFor(t, 'Meilisearch rebuild batching');
if (server) {
  t.setTimeout(300_000);
  t.test('rebuild: batches are sent before the previous one is indexed; every one succeeds; the index is complete', { timeout: 240_000 }, async (t) => {
    const database = await createTestDatabase(t);
    await insertEntries(database.db, synthesise(1_200, await organisationsForSynthesis(database.db), 5));
    const index = server.indexName('rebuild');
    const engine = new MeilisearchEngine(database.db, { url: server.url, apiKey: server.apiKey, index, timeoutMs: 10_000 });
    t.teardown(() => engine.client.deleteIndexIfExists(index));
    const since = new Date();
    const progress: number[] = [];
    const { documents } = await engine.rebuild(documentSource(database.db), (done) => progress.push(done), { batchSize: 200 });
    t.equal(documents, 1_200);
    t.equal((await engine.client.index(index).getStats()).numberOfDocuments, 1_200, 'the swapped-in index holds every entry');
    t.equal(progress.at(-1), 1_200, 'progress ends at the total');

    // The rebuild's additions went to its fresh index; the swap renames them to the live index in the task list.
    const { results } = await engine.client.tasks.getTasks({ types: ['documentAdditionOrUpdate'], afterEnqueuedAt: since.toISOString(), limit: 1000 });
    const additions = results.filter((task) => task.indexUid === index || task.indexUid?.startsWith(`${index}_`)).sort((a, b) => a.uid - b.uid);
    t.equal(additions.length, 6, 'six batches of 200');
    t.ok(additions.every((task) => task.status === 'succeeded'));
    const overlapping = additions.slice(1).filter((task, i) => new Date(task.enqueuedAt) < new Date(additions[i]!.finishedAt!));
    t.ok(overlapping.length > 0, `a batch was sent while the one before it was still queued or being indexed (${overlapping.length} of ${additions.length - 1})`);
    const indexingBatches = new Set(additions.map((task) => task.batchUid));
    t.ok(indexingBatches.size < additions.length, `Meilisearch indexed the six additions in ${indexingBatches.size} batches: queued ones were merged`);
  });
}
