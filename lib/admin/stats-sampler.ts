// What running workloads use, sampled in the background for the admin views: pages read the last sample and never
// ask the engine for stats per request. Started lazily by an admin view (ensureStatsSampler) and stopped after
// IDLE_STOP_MS without one, so a platform nobody administers pays nothing. One labelled list per round, then one
// quick reading per running workload, a few at a time; CPU % comes from two readings of the same workload.
import "server-only";
import { mapPool } from "@/lib/admin/map-pool";
import { cpuPercentBetween } from "@/lib/admin/usage-math";
import { getEnv } from "@/lib/env";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { EngineResources, UsageSample } from "@/lib/runtime/runtime";
import { managedSelector } from "@/lib/workspaces/labels";

export const SAMPLE_INTERVAL_MS = 10_000;
/** The first round has no earlier readings to give CPU %: the second comes this soon after it. */
const FOLLOW_UP_MS = 2_000;
export const IDLE_STOP_MS = 10 * 60_000;
// The engine answers a reading at its stats collector's next tick (about a second, whatever the "one-shot"): readings
// in flight together wait for the same tick, so a round takes ~running / READ_CONCURRENCY seconds.
const READ_CONCURRENCY = 16;

export type WorkloadUsage = { cpuPercent: number; memoryBytes: number; readAt: string };

export type SampledStats = {
  /** The engine's CPUs and memory; null until read, or when the engine could not be reached. */
  engine: EngineResources | null;
  /** By workload (runtime) id: running workloads read twice at least. */
  workloads: Map<string, WorkloadUsage>;
  /** When the last round finished; null before the first. */
  sampledAt: string | null;
};

type SamplerState = {
  stats: SampledStats;
  previous: Map<string, UsageSample>;
  timer: ReturnType<typeof setTimeout> | undefined;
  active: boolean;
  /** Bumped by every stop, so a round still running from before never schedules a second loop. */
  generation: number;
  lastDemandAt: number;
  lastFailure: string;
};

const EMPTY: SampledStats = { engine: null, workloads: new Map(), sampledAt: null };

// On globalThis: route handlers and pages may load separate copies of this module.
const store = globalThis as unknown as { spawnerStatsSampler?: SamplerState };

function state(): SamplerState {
  store.spawnerStatsSampler ??= {
    stats: EMPTY,
    previous: new Map(),
    timer: undefined,
    active: false,
    generation: 0,
    lastDemandAt: 0,
    lastFailure: "",
  };
  return store.spawnerStatsSampler;
}

/** The last sample (empty while the sampler has not run): what admin pages show. */
export function getSampledStats(): SampledStats {
  return state().stats;
}

/** An admin is looking: keep sampling (start now if it is not running). Returns at once. */
export function ensureStatsSampler(): void {
  const sampler = state();
  sampler.lastDemandAt = Date.now();
  if (sampler.active) return;
  sampler.active = true;
  schedule(sampler, 0, true);
}

/** Stops the loop and forgets the numbers (tests; an idle platform does this by itself). */
export function stopStatsSampler(): void {
  const sampler = state();
  clearTimeout(sampler.timer);
  sampler.active = false;
  sampler.generation += 1;
  sampler.stats = EMPTY;
  sampler.previous = new Map();
}

function schedule(sampler: SamplerState, delayMs: number, first = false): void {
  const generation = sampler.generation;
  sampler.timer = setTimeout(() => void round(sampler, generation, first), delayMs);
  // Never what keeps the process alive.
  sampler.timer.unref?.();
}

async function round(sampler: SamplerState, generation: number, first: boolean): Promise<void> {
  if (generation !== sampler.generation) return;
  if (Date.now() - sampler.lastDemandAt > IDLE_STOP_MS) {
    stopStatsSampler();
    return;
  }
  try {
    await sampleOnce(sampler, generation);
    sampler.lastFailure = "";
  } catch (error) {
    if (generation === sampler.generation) failed(sampler, error);
  }
  if (generation === sampler.generation) schedule(sampler, first ? FOLLOW_UP_MS : SAMPLE_INTERVAL_MS);
}

async function sampleOnce(sampler: SamplerState, generation: number): Promise<void> {
  const runtime = getRuntime();
  const [engine, workloads] = await Promise.all([
    runtime.resources(),
    // Only the running ones: with many stopped workspaces the full list is most of a round's cost on the engine.
    runtime.list(managedSelector(getEnv().LABEL_PREFIX), { running: true }),
  ]);
  const running = workloads.filter((workload) => workload.state === "running");
  const readings = await mapPool(running, READ_CONCURRENCY, async (workload) => ({
    id: workload.id,
    // One that stopped or went since the list is simply not running any more.
    reading: await runtime.usage(workload.id).catch(() => null),
  }));
  const previous = new Map<string, UsageSample>();
  const usage = new Map<string, WorkloadUsage>();
  for (const { id, reading } of readings) {
    if (!reading) continue;
    previous.set(id, reading);
    const before = sampler.previous.get(id);
    if (before)
      usage.set(id, {
        cpuPercent: cpuPercentBetween(before, reading),
        memoryBytes: reading.memoryBytes,
        readAt: reading.readAt,
      });
  }
  if (generation !== sampler.generation) return;
  sampler.previous = previous;
  sampler.stats = { engine, workloads: usage, sampledAt: new Date().toISOString() };
}

/** The engine or the list failed: no numbers rather than stale ones, logged once per distinct failure. */
function failed(sampler: SamplerState, error: unknown): void {
  sampler.stats = { engine: null, workloads: new Map(), sampledAt: sampler.stats.sampledAt };
  sampler.previous = new Map();
  const message = (error as Error)?.message ?? String(error);
  if (message === sampler.lastFailure) return;
  sampler.lastFailure = message;
  console.error(`[stats-sampler] sampling failed: ${message}`);
}
