// Use case (admin): what all workspaces used together over the last hour, day or month, with how many were sampled.
// Beyond the hour the database sums each 5-minute bucket over workspaces, so a month of 100 workspaces is read as
// 8,640 sums, not 864,000 rows.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import {
  type Averaged,
  averageByBucket,
  ROLLUP_BUCKET_MS,
  type StatsValues,
  totalByBucket,
} from "@/lib/stats/buckets";
import { type HistoryRange, rangeQuery } from "@/lib/stats/history-range";
import {
  type HistoryPointView,
  type HistoryView,
  historyView,
  pointView,
  readSeries,
} from "@/lib/stats/history-view";

export type PlatformHistoryView = Omit<HistoryView, "points"> & {
  points: (HistoryPointView & { workspaces: number })[];
};

// Wider than one sample for the hour: a round straddling a step's edge would otherwise drop a workspace from one
// step and count it twice in the next, and the sum would saw up and down.
const HOUR_STEP_MS = 60_000;
const PLATFORM = "platform";

type PlatformTotal = StatsValues & { workspaceId: string; at: Date; workspaces: number };

// Summing a month of 100 workspaces (864,000 rows) takes SQLite ~250 ms, and better-sqlite3 blocks every request
// meanwhile; the sums change when a rollup pass writes new rows, so they are kept until the newest row's id changes
// (ids are never reused), and 5 minutes at most: a late point re-rolled into a bucket or a deleted workspace writes no
// new row. On globalThis: route handlers may load separate copies of this module. Read from the `since` first asked,
// filtered to each request's.
const cache = globalThis as unknown as {
  spawnerPlatformTotals?: Map<
    HistoryRange,
    { newestId: number; since: number; readAt: number; totals: PlatformTotal[] }
  >;
};

async function platformTotals(range: HistoryRange, since: Date): Promise<PlatformTotal[]> {
  const db = getDb();
  // One step down the primary key, whichever process or pass wrote the row.
  const newest = await db.statsRollup.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const newestId = newest?.id ?? 0;
  cache.spawnerPlatformTotals ??= new Map();
  const kept = cache.spawnerPlatformTotals.get(range);
  const fresh = kept && kept.newestId === newestId && Date.now() - kept.readAt < ROLLUP_BUCKET_MS;
  if (kept && fresh && kept.since <= since.getTime()) return kept.totals;
  const sums = await db.statsRollup.groupBy({
    by: ["bucket"],
    where: { bucket: { gte: since } },
    _sum: {
      cpuPercent: true,
      memoryBytes: true,
      memoryLimitBytes: true,
      netRxBytesPerSec: true,
      netTxBytesPerSec: true,
    },
    _count: { _all: true },
    orderBy: { bucket: "asc" },
  });
  const totals = sums.map((row) => ({
    workspaceId: PLATFORM,
    at: row.bucket,
    cpuPercent: row._sum.cpuPercent ?? 0,
    memoryBytes: row._sum.memoryBytes ?? 0,
    memoryLimitBytes: row._sum.memoryLimitBytes ?? 0,
    netRxBytesPerSec: row._sum.netRxBytesPerSec ?? 0,
    netTxBytesPerSec: row._sum.netTxBytesPerSec ?? 0,
    workspaces: row._count._all,
  }));
  cache.spawnerPlatformTotals.set(range, { newestId, since: since.getTime(), readAt: Date.now(), totals });
  return totals;
}

export async function readPlatformHistory({
  actor,
  range,
  now = new Date(),
}: {
  actor: Actor;
  range: HistoryRange;
  now?: Date;
}): Promise<PlatformHistoryView> {
  assertAdmin(actor);
  if (range === "hour") {
    const { stepMs, series } = await readSeries({ range, now, minStepMs: HOUR_STEP_MS });
    const points = totalByBucket(series).map((total) => ({
      ...pointView(total),
      workspaces: total.workspaces,
    }));
    return { ...historyView(range, stepMs, points), points };
  }
  const query = rangeQuery(range, now, getEnv().STATS_SAMPLE_INTERVAL_S * 1000);
  const totals = (await platformTotals(range, query.since)).filter((total) => total.at >= query.since);
  // A month's 2-hour step is the average of its 5-minute totals (buckets in which nothing ran left out), and the
  // most workspaces any of them summed.
  const workspaces = new Map<number, number>();
  for (const total of totals) {
    const step = Math.floor(total.at.getTime() / query.stepMs) * query.stepMs;
    workspaces.set(step, Math.max(workspaces.get(step) ?? 0, total.workspaces));
  }
  const points = averageByBucket(totals, query.stepMs).map((row: Averaged) => ({
    ...pointView(row),
    workspaces: workspaces.get(row.bucket.getTime()) ?? 0,
  }));
  return { ...historyView(range, query.stepMs, points), points };
}
