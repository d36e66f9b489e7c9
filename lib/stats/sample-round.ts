// One round of the stats sampler: one labelled list of the running workloads, one one-shot reading of each (a few at
// a time), CPU % and network rates from the previous round's reading of the same workload, and every row written by
// one statement. The latest numbers also go to the admin views' in-memory store.
import "server-only";
import type { Prisma } from "@prisma/client";
import { mapPool } from "@/lib/admin/map-pool";
import { cpuPercentBetween, networkRatesBetween } from "@/lib/admin/usage-math";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { Runtime, UsageSample } from "@/lib/runtime/runtime";
import { setSampledStats, type WorkloadUsage } from "@/lib/stats/latest-usage";
import { managedSelector } from "@/lib/workspaces/labels";
import { runningRows } from "@/lib/workspaces/running-rows";

/** Readings by workload id, handed from one round to the next. */
export type Readings = Map<string, UsageSample>;

export type RoundResult = { readings: Readings; running: number; written: number };

export async function sampleRound({
  previous,
  concurrency = getEnv().STATS_SAMPLE_CONCURRENCY,
  signal,
  runtime = getRuntime(),
}: {
  previous: Readings;
  concurrency?: number;
  /** The runtime seam; a test wraps it to act between the list and the write. */
  runtime?: Runtime;
  /** Aborted when the sampler stops: readings in flight end at once and nothing of the round is written. */
  signal?: AbortSignal;
}): Promise<RoundResult> {
  const prefix = getEnv().LABEL_PREFIX;
  const workloads = await runtime.list(managedSelector(prefix), { running: true });
  const running = workloads.filter((workload) => workload.state === "running");
  const [owned, readings] = await Promise.all([
    // The row each workload belongs to, matched as everywhere else; an orphan (no row claims it) has no history.
    runningRows({ id: true, ownerId: true, name: true, runtimeId: true }, { runtime, workloads: running }),
    mapPool(running, concurrency, async (workload) => ({
      id: workload.id,
      // One that stopped or went since the list is simply not running any more.
      reading: signal?.aborted ? null : await runtime.usage(workload.id, { signal }).catch(() => null),
    })),
  ]);
  if (signal?.aborted) return { readings: previous, running: running.length, written: 0 };
  const owners = new Map(owned.map(({ row, workload }) => [workload.id, row.id]));
  const next: Readings = new Map();
  const usage = new Map<string, WorkloadUsage>();
  const rows: Prisma.StatsPointCreateManyInput[] = [];
  for (const { id, reading } of readings) {
    if (!reading) continue;
    next.set(id, reading);
    const before = previous.get(id);
    // The first reading of a workload has nothing to measure CPU and network against: its row comes next round.
    if (!before) continue;
    const cpuPercent = cpuPercentBetween(before, reading);
    usage.set(id, { cpuPercent, memoryBytes: reading.memoryBytes, readAt: reading.readAt });
    const workspaceId = owners.get(id);
    if (!workspaceId) continue;
    const rates = networkRatesBetween(before, reading);
    rows.push({
      workspaceId,
      at: new Date(reading.readAt),
      cpuPercent,
      memoryBytes: reading.memoryBytes,
      memoryLimitBytes: reading.memoryLimitBytes,
      netRxBytesPerSec: rates.rxBytesPerSec,
      netTxBytesPerSec: rates.txBytesPerSec,
    });
  }
  const count = await writePoints(rows);
  setSampledStats({ workloads: usage, sampledAt: new Date().toISOString() });
  return { readings: next, running: running.length, written: count };
}

/** One statement for the round; a workspace deleted while it ran fails it, so it is written again without that one. */
async function writePoints(rows: Prisma.StatsPointCreateManyInput[]): Promise<number> {
  if (rows.length === 0) return 0;
  const db = getDb();
  try {
    return (await db.statsPoint.createMany({ data: rows })).count;
  } catch (error) {
    const ids = [...new Set(rows.map((row) => row.workspaceId))];
    const alive = new Set(
      (await db.workspace.findMany({ where: { id: { in: ids } }, select: { id: true } })).map(
        (row) => row.id,
      ),
    );
    if (alive.size === ids.length) throw error;
    const kept = rows.filter((row) => alive.has(row.workspaceId));
    return kept.length > 0 ? (await db.statsPoint.createMany({ data: kept })).count : 0;
  }
}
