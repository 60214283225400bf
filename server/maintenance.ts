/** Whole-database chores: emptiness check and wiping data (tests, restore). */
import { maintenance as q } from './cypher.generated.js';
import type { Db } from './neo4j.js';

export async function countData(db: Db): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.run(q.countData, {});
  return { nodes: (row?.nodes as number) ?? 0, relationships: (row?.relationships as number) ?? 0 };
}

/** Deletes every data node in batches (keeps the schema and its migration records). */
export async function deleteAllData(db: Db): Promise<void> {
  for (;;) {
    const [row] = await db.run(q.deleteDataBatch, { batch: 10_000 });
    if (((row?.deleted as number) ?? 0) === 0) return;
  }
}

/** `{ 'node:Operator': 62, 'relationship:OPERATES': 295, … }` */
export async function countByLabel(db: Db): Promise<Record<string, number>> {
  const rows = await db.run(q.countByLabel, {});
  return Object.fromEntries(rows.map((r) => [`${r.kind}:${r.name}`, r.total as number]));
}
