// What each range of the stats history reads: raw points for the last hour, 5-minute rollups for the last day, and
// for the last month rollups averaged again at read time, so no range draws more than a few hundred points.
import { ROLLUP_BUCKET_MS } from "@/lib/stats/buckets";

export const HISTORY_RANGES = ["hour", "day", "month"] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];

export type RangeQuery = {
  source: "points" | "rollups";
  since: Date;
  /** The width of one point on the chart. */
  stepMs: number;
};

const HOUR_MS = 3_600_000;

export function rangeQuery(range: HistoryRange, now: Date, sampleIntervalMs: number): RangeQuery {
  switch (range) {
    case "hour":
      // One point per sample, unless samples come so often (a short test interval) that they would crowd it.
      return {
        source: "points",
        since: ago(now, HOUR_MS),
        stepMs: Math.max(sampleIntervalMs, HOUR_MS / 360),
      };
    case "day":
      return { source: "rollups", since: ago(now, 24 * HOUR_MS), stepMs: ROLLUP_BUCKET_MS };
    case "month":
      return { source: "rollups", since: ago(now, 30 * 24 * HOUR_MS), stepMs: 2 * HOUR_MS };
  }
}

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);
