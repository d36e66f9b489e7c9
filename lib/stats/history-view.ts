// The wire shape of a stats history and the series read for it, shared by a workspace's and the platform's.
import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { type Averaged, averageByBucket, type StatsValues } from "@/lib/stats/buckets";
import { type HistoryRange, rangeQuery } from "@/lib/stats/history-range";

/** What a chart draws of a point, the workspace's and the platform's alike. */
export type SeriesPointView = {
  at: string;
  cpu_percent: number;
  /** The highest CPU % within the step; for the hour, a step is a sample: equal to cpu_percent. */
  cpu_percent_max: number;
  memory_bytes: number;
  net_rx_bytes_per_sec: number;
  net_tx_bytes_per_sec: number;
};

/** A workspace's point: also its memory limit (a sum of them over the platform would mean nothing). */
export type HistoryPointView = SeriesPointView & { memory_limit_bytes: number };

export type HistoryView = {
  range: HistoryRange;
  step_seconds: number;
  sample_interval_seconds: number;
  points: HistoryPointView[];
};

/**
 * Per (workspace, step) averages over the range: of raw points for an hour, of 5-minute rollups beyond. The hour's
 * peak is its average (a step is a sample at the default interval); beyond, the highest sample of the step.
 */
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
    const series = averageByBucket(points, stepMs).map((row) => ({ ...row, cpuPercentMax: row.cpuPercent }));
    return { stepMs, series };
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

export function pointView(row: StatsValues & { bucket: Date; cpuPercentMax: number }): HistoryPointView {
  return {
    at: row.bucket.toISOString(),
    cpu_percent: row.cpuPercent,
    cpu_percent_max: row.cpuPercentMax,
    memory_bytes: row.memoryBytes,
    memory_limit_bytes: row.memoryLimitBytes,
    net_rx_bytes_per_sec: row.netRxBytesPerSec,
    net_tx_bytes_per_sec: row.netTxBytesPerSec,
  };
}

export function historyView<P extends SeriesPointView = HistoryPointView>(
  range: HistoryRange,
  stepMs: number,
  points: P[],
): Omit<HistoryView, "points"> & { points: P[] } {
  return {
    range,
    step_seconds: stepMs / 1000,
    sample_interval_seconds: getEnv().STATS_SAMPLE_INTERVAL_S,
    points,
  };
}
