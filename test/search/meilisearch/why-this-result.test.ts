import t from 'tap';
import { seedDemoData } from '../../../db/seed/demo.js';
import { buildTestApp } from '../../helpers/app.js';
import { meiliEnv, meilisearchFor } from '../../helpers/meilisearch.js';
import { documentSource } from '../../../src/search/document-source.js';

/**
 * "Why this result" on Meilisearch, as on Postgres (../why-this-result.test.ts): on the demo data every result of
 * these searches is highlighted or explained, including matches Meilisearch makes in its index-only fields (stems,
 * compound parts) and through synonyms or the organisation's official name.
 */
interface Resultaat {
  naam: string;
  organisatie: { code: string; naam: string };
  treffers: Record<string, { tekst: string; treffer: boolean }[]>;
  uitleg: string[];
}

const server = await meilisearchFor(t, 'Meilisearch: why this result');
if (server) {
  t.test(`why this result on Meilisearch ${server.version}`, async (t) => {
    const index = server.indexName('why');
    const { app, auth } = await buildTestApp(t, meiliEnv(server, index));
    await seedDemoData(app.db);
    await app.searchEngine.rebuild(documentSource(app.db));
    t.teardown(() => fetch(`${server.url}/indexes/${index}`, { method: 'DELETE', headers: server.apiKey ? { authorization: `Bearer ${server.apiKey}` } : {} }));
    const headers = await auth({ organisatie: 'gm0363' });
    t.match((await app.inject({ url: '/health/ready' })).json(), { checks: { zoeken: { status: 'ok' } } }, 'answered by Meilisearch');
    const search = async (query: Record<string, string>) => {
      const response = await app.inject({ url: '/api/v1/professionals', query: { paginaGrootte: '10', ...query }, headers });
      t.equal(response.statusCode, 200);
      return response.json().resultaten as Resultaat[];
    };
    const marked = (r: Resultaat) => Object.values(r.treffers).some((segments) => segments.some((s) => s.treffer));
    for (const zoekterm of ['schulden UWV', 'Pw', 'schulden', 'uwv ww', 'CJIB', 'inkomen', 'nabestaanden', 'hulpverlening']) {
      const results = await search({ zoekterm });
      t.ok(results.length > 0, `"${zoekterm}" finds entries`);
      const silent = results.filter((r) => !marked(r) && r.uitleg.length === 0).map((r) => `${r.naam} (${r.organisatie.naam})`);
      t.same(silent, [], `"${zoekterm}": every result is highlighted or explained`);
    }
    const uwv = (await search({ zoekterm: 'schulden UWV' })).filter((r) => r.organisatie.code === 'zb000117');
    t.ok(uwv.length > 0 && uwv.every((r) => r.uitleg.some((u) => u.includes('organisatie') && u.includes('UWV'))), 'UWV entries say they were found through the organisation');
    const broader = await search({ zoekterm: 'inkomen', paginaGrootte: '50' });
    t.ok(broader.some((r) => r.uitleg.some((u) => u.startsWith('Gevonden via het bredere expertisegebied'))), 'a match through a broader expertise area is explained');
  });
}
