import t from 'tap';
import { PostgresSearchEngine } from '../../src/search/postgres/engine.js';
import { createTestDatabase } from '../helpers/database.js';
import { searchContract } from './contract.js';

await searchContract(t, 'PostgresSearchEngine', async (t) => {
  const database = await createTestDatabase(t);
  return { engine: new PostgresSearchEngine(database.db), database };
});

t.test('folding: accents and letters without combining marks', async (t) => {
  const { fold, words } = await import('../../src/search/text.js');
  t.equal(fold('Joëlle Yılmaz Øberg Łukasz'), 'joelle yilmaz oberg lukasz');
  t.same(words('Cliënt-gegevens (AVG), 2026'), ['client', 'gegevens', 'avg', '2026']);
});
