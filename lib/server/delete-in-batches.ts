// Retention deletes (audit events, stats points and rollups) a bounded batch at a time, so a long-due prune never
// holds SQLite's write lock for long: find up to `batchSize` ids, delete them, repeat until a batch comes back short.

export async function deleteInBatches<Id>({
  batchSize,
  find,
  remove,
}: {
  batchSize: number;
  find: (take: number) => Promise<{ id: Id }[]>;
  remove: (ids: Id[]) => Promise<{ count: number }>;
}): Promise<number> {
  let removed = 0;
  for (;;) {
    const batch = await find(batchSize);
    if (batch.length === 0) return removed;
    removed += (await remove(batch.map((row) => row.id))).count;
    if (batch.length < batchSize) return removed;
  }
}
