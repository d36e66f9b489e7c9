// Use case (admin): what all workspaces used together over the last hour, day or month, with how many were sampled.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { totalByBucket } from "@/lib/stats/buckets";
import type { HistoryRange } from "@/lib/stats/history-range";
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

export async function readPlatformHistory({
  actor,
  range,
  now,
}: {
  actor: Actor;
  range: HistoryRange;
  now?: Date;
}): Promise<PlatformHistoryView> {
  assertAdmin(actor);
  const { stepMs, series } = await readSeries({ range, now, minStepMs: range === "hour" ? HOUR_STEP_MS : 0 });
  const points = totalByBucket(series).map((total) => ({
    ...pointView(total),
    workspaces: total.workspaces,
  }));
  return { ...historyView(range, stepMs, points), points };
}
