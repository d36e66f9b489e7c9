// Retention of the stats history: raw points older than STATS_RAW_RETENTION_HOURS and rollups (per workspace and the
// platform's totals) older than STATS_ROLLUP_RETENTION_DAYS are deleted, a bounded batch at a time (deleteInBatches).
import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { deleteInBatches } from "@/lib/server/delete-in-batches";

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
  platformRollups: number;
}> {
  const env = getEnv();
  const db = getDb();
  const pointCutoff = new Date(now.getTime() - env.STATS_RAW_RETENTION_HOURS * HOUR_MS);
  const rollupCutoff = new Date(now.getTime() - env.STATS_ROLLUP_RETENTION_DAYS * 24 * HOUR_MS);
  const points = prunePoints
    ? await deleteInBatches({
        batchSize: BATCH,
        find: (take) =>
          db.statsPoint.findMany({ where: { at: { lt: pointCutoff } }, select: { id: true }, take }),
        remove: (ids) => db.statsPoint.deleteMany({ where: { id: { in: ids } } }),
      })
    : 0;
  const rollups = await deleteInBatches({
    batchSize: BATCH,
    find: (take) =>
      db.statsRollup.findMany({ where: { bucket: { lt: rollupCutoff } }, select: { id: true }, take }),
    remove: (ids) => db.statsRollup.deleteMany({ where: { id: { in: ids } } }),
  });
  // The platform totals keep the rollups' retention: the month they draw is the rollups' month.
  const platformRollups = await deleteInBatches({
    batchSize: BATCH,
    find: async (take) =>
      (
        await db.statsPlatformRollup.findMany({
          where: { bucket: { lt: rollupCutoff } },
          select: { bucket: true },
          take,
        })
      ).map((row) => ({ id: row.bucket })),
    remove: (buckets) => db.statsPlatformRollup.deleteMany({ where: { bucket: { in: buckets } } }),
  });
  return { points, rollups, platformRollups };
}
