// Before each integration file: schema migrated, data wiped, so every file starts from an empty graph.
import { afterAll, beforeAll } from 'vitest';
import { deleteAllData } from '../../server/maintenance.js';
import { migrate } from '../../server/migrate.js';
import { testDb } from './db.js';

beforeAll(async () => {
  const { db } = testDb();
  await migrate(db);
  await deleteAllData(db);
});

afterAll(async () => {
  await testDb().db.close();
});
