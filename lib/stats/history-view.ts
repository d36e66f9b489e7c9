// The wire shape of a stats history and the series read for it, shared by a workspace's and the platform's.
import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { type Averaged, averageByBucket, type StatsValues } from "@/lib/stats/buckets";
import { type HistoryRange, rangeQuery } from "@/lib/stats/history-range";

export type HistoryPointView = {
  at: string;
  cpu_percent: number;
  memory_bytes: number;
  memory_limit_bytes: number;
  net_rx_bytes_per_sec: number;
  net_tx_bytes_per_sec: number;
};

export type HistoryView = {
  range: HistoryRange;
  step_seconds: number;
  sample_interval_seconds: number;
  points: HistoryPointView[];
};

/** Per (workspace, step) averages over the range: of raw points for an hour, of 5-minute rollups beyond. */
export async function readSeries({
  range,
  workspaceId,
  now = new Date(),
  minStepMs = 0,
}: {
  range: HistoryRange;
  workspaceId?: string;
  now?: Date;
  minStepMs?: number;
}): Promise<{ stepMs: number; series: Averaged[] }> {
  const query = rangeQuery(range, now, getEnv().STATS_SAMPLE_INTERVAL_S * 1000);
  const stepMs = Math.max(query.stepMs, minStepMs);
  const db = getDb();
  const where = workspaceId ? { workspaceId } : {};
  if (query.source === "points") {
    const points = await db.statsPoint.findMany({
      where: { ...where, at: { gte: query.since } },
      orderBy: { at: "asc" },
    });
    return { stepMs, series: averageByBucket(points, stepMs) };
  }
  const rollups = await db.statsRollup.findMany({
    where: { ...where, bucket: { gte: query.since } },
    orderBy: { bucket: "asc" },
  });
  const series = averageByBucket(
    rollups.map((row) => ({ ...row, at: row.bucket })),
    stepMs,
    (row) => row.samples,
    (row) => row.cpuPercentMax,
  );
  return { stepMs, series };
}

export function pointView(row: StatsValues & { bucket: Date }): HistoryPointView {
  return {
    at: row.bucket.toISOString(),
    cpu_percent: row.cpuPercent,
    memory_bytes: row.memoryBytes,
    memory_limit_bytes: row.memoryLimitBytes,
    net_rx_bytes_per_sec: row.netRxBytesPerSec,
    net_tx_bytes_per_sec: row.netTxBytesPerSec,
  };
}

export function historyView(range: HistoryRange, stepMs: number, points: HistoryPointView[]): HistoryView {
  return {
    range,
    step_seconds: stepMs / 1000,
    sample_interval_seconds: getEnv().STATS_SAMPLE_INTERVAL_S,
    points,
  };
}
