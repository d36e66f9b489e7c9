// Retention of the stats history: raw points older than STATS_RAW_RETENTION_HOURS and rollups older than
// STATS_ROLLUP_RETENTION_DAYS are deleted, a bounded batch at a time so SQLite's write lock is never held long.
import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

const HOUR_MS = 3_600_000;
const BATCH = 5000;

/** `points: false` keeps the raw points (the rollup failed this pass: they are not averaged yet). */
export async function pruneStats({
  now = new Date(),
  points: prunePoints = true,
}: {
  now?: Date;
  points?: boolean;
} = {}): Promise<{
  points: number;
  rollups: number;
}> {
  const env = getEnv();
  const db = getDb();
  const pointCutoff = new Date(now.getTime() - env.STATS_RAW_RETENTION_HOURS * HOUR_MS);
  const rollupCutoff = new Date(now.getTime() - env.STATS_ROLLUP_RETENTION_DAYS * 24 * HOUR_MS);
  const points = prunePoints
    ? await inBatches(
        () =>
          db.statsPoint.findMany({ where: { at: { lt: pointCutoff } }, select: { id: true }, take: BATCH }),
        (ids) => db.statsPoint.deleteMany({ where: { id: { in: ids } } }),
      )
    : 0;
  const rollups = await inBatches(
    () =>
      db.statsRollup.findMany({ where: { bucket: { lt: rollupCutoff } }, select: { id: true }, take: BATCH }),
    (ids) => db.statsRollup.deleteMany({ where: { id: { in: ids } } }),
  );
  return { points, rollups };
}

async function inBatches(
  find: () => Promise<{ id: number }[]>,
  remove: (ids: number[]) => Promise<{ count: number }>,
): Promise<number> {
  let removed = 0;
  for (;;) {
    const batch = await find();
    if (batch.length === 0) return removed;
    removed += (await remove(batch.map((row) => row.id))).count;
    if (batch.length < BATCH) return removed;
  }
}
