// One round of the stats sampler: one labelled list of the running workloads, one one-shot reading of each (a few at
// a time), CPU % and network rates from the previous round's reading of the same workload, and every row written by
// one statement. The latest numbers also go to the admin views' in-memory store.
import "server-only";
import type { Prisma } from "@prisma/client";
import { mapPool } from "@/lib/admin/map-pool";
import { setSampledStats, type WorkloadUsage } from "@/lib/admin/stats-sampler";
import { cpuPercentBetween } from "@/lib/admin/usage-math";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { UsageSample, Workload } from "@/lib/runtime/runtime";
import { networkRatesBetween } from "@/lib/stats/rate-math";
import { labelKeys, managedSelector } from "@/lib/workspaces/labels";

/** Readings by workload id, handed from one round to the next. */
export type Readings = Map<string, UsageSample>;

export type RoundResult = { readings: Readings; running: number; written: number };

export async function sampleRound({
  previous,
  concurrency = getEnv().STATS_SAMPLE_CONCURRENCY,
  signal,
}: {
  previous: Readings;
  concurrency?: number;
  /** Aborted when the sampler stops: readings in flight end at once and nothing of the round is written. */
  signal?: AbortSignal;
}): Promise<RoundResult> {
  const runtime = getRuntime();
  const prefix = getEnv().LABEL_PREFIX;
  const [engine, workloads] = await Promise.all([
    // The admin overview's engine figures: worth no failed round of their own.
    runtime.resources().catch(() => null),
    runtime.list(managedSelector(prefix), { running: true }),
  ]);
  const running = workloads.filter((workload) => workload.state === "running");
  const [owners, readings] = await Promise.all([
    workspaceIds(running, prefix),
    mapPool(running, concurrency, async (workload) => ({
      id: workload.id,
      // One that stopped or went since the list is simply not running any more.
      reading: signal?.aborted ? null : await runtime.usage(workload.id, { signal }).catch(() => null),
    })),
  ]);
  if (signal?.aborted) return { readings: previous, running: running.length, written: 0 };
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
  setSampledStats({ engine, workloads: usage, sampledAt: new Date().toISOString() });
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

/**
 * The workspace row of each workload: its label, or (a container made before workspaces had ids in labels) the row
 * that names it. A workload no row claims (an orphan) has no history: its rows would belong to nobody.
 */
async function workspaceIds(workloads: Workload[], prefix: string): Promise<Map<string, string>> {
  const key = labelKeys(prefix).workspaceId;
  const labelled = workloads.map((workload) => workload.labels[key]).filter((id): id is string => !!id);
  const rows = await getDb().workspace.findMany({
    where: {
      OR: [{ id: { in: labelled } }, { runtimeId: { in: workloads.map((workload) => workload.id) } }],
    },
    select: { id: true, runtimeId: true },
  });
  const known = new Set(rows.map((row) => row.id));
  const byRuntime = new Map(
    rows.filter((row) => row.runtimeId).map((row) => [row.runtimeId as string, row.id]),
  );
  const owners = new Map<string, string>();
  for (const workload of workloads) {
    const labelledId = workload.labels[key];
    const id = labelledId && known.has(labelledId) ? labelledId : byRuntime.get(workload.id);
    if (id) owners.set(workload.id, id);
  }
  return owners;
}
