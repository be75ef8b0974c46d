import t from 'tap';
import { PostgresSearchEngine } from '../../src/search/postgres/engine.js';
import { createTestDatabase } from '../helpers/database.js';
import { searchContract } from './contract.js';

await searchContract(t, 'PostgresSearchEngine', async (t) => {
  const database = await createTestDatabase(t);
  return { engine: new PostgresSearchEngine(database.db), database };
});
