// Downsampling: complete 5-minute buckets of raw points become one StatsRollup row per workspace (an upsert, so a
// bucket rolled up twice is the same row), and each bucket so written gets its platform total (StatsPlatformRollup)
// summed again from its per-workspace rows. Read an hour at a time, so a first run over a full day holds little.
import "server-only";
import { getDb } from "@/lib/db";
import { averageByBucket, bucketStart, ROLLUP_BUCKET_MS } from "@/lib/stats/buckets";

const HOUR_MS = 3_600_000;
const CHUNK_MS = HOUR_MS;

/**
 * Rolls up the buckets from `since` (default: the last rolled-up bucket again, in case a late point joined it, or the
 * oldest point when there is none) up to the first incomplete one (buckets before it are complete: nothing more is
 * written into them). Returns how many per-workspace rollup rows it wrote.
 */
export async function rollUpStats({
  now = new Date(),
  since,
}: {
  now?: Date;
  since?: Date;
} = {}): Promise<number> {
  const db = getDb();
  const end = bucketStart(now);
  let from = since;
  if (!from) {
    // Not clamped to the raw retention: after an outage longer than it, the points before it are rolled up before
    // pruning may delete them. From the oldest point on or after the last bucket, so a gap is not walked hour by hour.
    const last = await db.statsRollup.findFirst({ orderBy: { bucket: "desc" }, select: { bucket: true } });
    const oldest = await db.statsPoint.findFirst({
      where: last ? { at: { gte: last.bucket } } : {},
      orderBy: { at: "asc" },
      select: { at: true },
    });
    if (!oldest) return 0;
    from = oldest.at;
  }
  // Whole buckets only: a window cut inside a bucket would average part of it over the rest.
  let start = bucketStart(from).getTime();
  let written = 0;
  while (start < end.getTime()) {
    const stop = Math.min(start + CHUNK_MS, end.getTime());
    const points = await db.statsPoint.findMany({
      where: { at: { gte: new Date(start), lt: new Date(stop) } },
      select: {
        workspaceId: true,
        at: true,
        cpuPercent: true,
        memoryBytes: true,
        memoryLimitBytes: true,
        netRxBytesPerSec: true,
        netTxBytesPerSec: true,
      },
    });
    const rollups = averageByBucket(points, ROLLUP_BUCKET_MS);
    if (rollups.length > 0) {
      await db.$transaction(
        rollups.map(({ workspaceId, bucket, ...values }) =>
          db.statsRollup.upsert({
            where: { workspaceId_bucket: { workspaceId, bucket } },
            create: { workspaceId, bucket, ...values },
            update: values,
          }),
        ),
      );
      await totalPlatform([...new Set(rollups.map((row) => row.bucket.getTime()))].map((ms) => new Date(ms)));
    }
    written += rollups.length;
    start = stop;
  }
  return written;
}

/**
 * Each bucket's platform total, summed from all its per-workspace rollups (not only this pass's). A workspace deleted
 * since takes its rollups with it, but a total already written keeps its share: the platform did use it then; only a
 * bucket rolled up again (the last one, for a late point) is summed without it.
 */
async function totalPlatform(buckets: Date[]): Promise<void> {
  const db = getDb();
  const sums = await db.statsRollup.groupBy({
    by: ["bucket"],
    where: { bucket: { in: buckets } },
    _sum: { cpuPercent: true, memoryBytes: true, netRxBytesPerSec: true, netTxBytesPerSec: true },
    _count: { _all: true },
  });
  await db.$transaction(
    sums.map(({ bucket, _sum, _count }) => {
      const values = {
        cpuPercent: round(_sum.cpuPercent ?? 0),
        memoryBytes: round(_sum.memoryBytes ?? 0),
        netRxBytesPerSec: round(_sum.netRxBytesPerSec ?? 0),
        netTxBytesPerSec: round(_sum.netTxBytesPerSec ?? 0),
        workspaces: _count._all,
      };
      return db.statsPlatformRollup.upsert({
        where: { bucket },
        create: { bucket, ...values },
        update: values,
      });
    }),
  );
}

const round = (value: number) => Math.round(value * 100) / 100;
