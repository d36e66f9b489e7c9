// Use case (admin): what all workspaces used together over the last hour, day or month, with how many were sampled.
// The hour sums raw points; the day and month read the rollup pass's platform totals (StatsPlatformRollup, one row per
// 5-minute bucket), so a month of 100 workspaces is 8,640 rows, not 864,000. A deleted workspace's share of a past
// total stays in it: the platform did use it then.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { bucketStart, totalByBucket } from "@/lib/stats/buckets";
import { type HistoryRange, rangeQuery } from "@/lib/stats/history-range";
import { type HistoryView, historyView, readSeries, type SeriesPointView } from "@/lib/stats/history-view";

export type PlatformPointView = SeriesPointView & { workspaces: number };

export type PlatformHistoryView = Omit<HistoryView, "points"> & { points: PlatformPointView[] };

// Wider than one sample for the hour: a round straddling a step's edge would otherwise drop a workspace from one
// step and count it twice in the next, and the sum would saw up and down.
const HOUR_STEP_MS = 60_000;

type Total = {
  bucket: Date;
  cpuPercent: number;
  memoryBytes: number;
  netRxBytesPerSec: number;
  netTxBytesPerSec: number;
  workspaces: number;
};

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
    return historyView(
      range,
      stepMs,
      totalByBucket(series).map((total) => platformPoint(total, total.cpuPercent)),
    );
  }
  const query = rangeQuery(range, now, getEnv().STATS_SAMPLE_INTERVAL_S * 1000);
  const totals = await getDb().statsPlatformRollup.findMany({
    where: { bucket: { gte: query.since } },
    orderBy: { bucket: "asc" },
  });
  return historyView(range, query.stepMs, stepsOf(totals, query.stepMs));
}

/**
 * The 5-minute totals, each its own point for a day; for a month's 2-hour step, their average (buckets in which
 * nothing ran left out), the most workspaces any of them summed, and as peak the highest 5-minute CPU total.
 */
function stepsOf(totals: Total[], stepMs: number): PlatformPointView[] {
  const steps = new Map<number, Total[]>();
  for (const total of totals) {
    const key = bucketStart(total.bucket, stepMs).getTime();
    const step = steps.get(key);
    if (step) step.push(total);
    else steps.set(key, [total]);
  }
  return [...steps].map(([key, rows]) => {
    const mean = (pick: (row: Total) => number) =>
      round(rows.reduce((sum, row) => sum + pick(row), 0) / rows.length);
    return platformPoint(
      {
        bucket: new Date(key),
        cpuPercent: mean((row) => row.cpuPercent),
        memoryBytes: mean((row) => row.memoryBytes),
        netRxBytesPerSec: mean((row) => row.netRxBytesPerSec),
        netTxBytesPerSec: mean((row) => row.netTxBytesPerSec),
        workspaces: Math.max(...rows.map((row) => row.workspaces)),
      },
      Math.max(...rows.map((row) => row.cpuPercent)),
    );
  });
}

function platformPoint(total: Total, cpuPercentMax: number): PlatformPointView {
  return {
    at: total.bucket.toISOString(),
    cpu_percent: total.cpuPercent,
    cpu_percent_max: round(cpuPercentMax),
    memory_bytes: total.memoryBytes,
    net_rx_bytes_per_sec: total.netRxBytesPerSec,
    net_tx_bytes_per_sec: total.netTxBytesPerSec,
    workspaces: total.workspaces,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
