// The stats sampler, started with the server: a round every STATS_SAMPLE_INTERVAL_S (never two at once: a round still
// running when the next is due makes that one skip), and the rollup and pruning every 5 minutes and at start. Timers
// never keep the process alive; a failure (engine or database down) writes nothing and is logged once until it works.
// One per process: a second start (a dev reload, another copy of this module) gets the running one.
import "server-only";
import { getEnv } from "@/lib/env";
import { logOnceGuard } from "@/lib/server/log-once-guard";
import { singleFlight } from "@/lib/server/single-flight";
import { ROLLUP_BUCKET_MS } from "@/lib/stats/buckets";
import { setSampledStats } from "@/lib/stats/latest-usage";
import { pruneStats } from "@/lib/stats/prune-stats";
import { rollUpStats } from "@/lib/stats/roll-up-stats";
import { type Readings, sampleRound } from "@/lib/stats/sample-round";

/** The first round has no earlier readings to give CPU %: the second comes this soon after it. */
const FOLLOW_UP_MS = 2_000;

export type StatsSampler = { stop: () => Promise<void> };

/** What a sampler does, passed in by tests; the server's is the real rounds, rollup and pruning. */
export type SamplerWork = {
  sampleRound: (options: { previous: Readings; signal?: AbortSignal }) => Promise<{ readings: Readings }>;
  rollUpStats: () => Promise<unknown>;
  pruneStats: (options: { points: boolean }) => Promise<{ points: number; rollups: number }>;
};

const REAL_WORK: SamplerWork = { sampleRound, rollUpStats, pruneStats };

// On globalThis, like the reconciler: timers in a closure of one module copy would run beside another's, doubling the
// rows, and the first could never be stopped.
const store = globalThis as unknown as { spawnerStatsSampler?: StatsSampler };

export function startStatsSampler({
  intervalMs = getEnv().STATS_SAMPLE_INTERVAL_S * 1000,
  maintenanceMs = ROLLUP_BUCKET_MS,
  work = REAL_WORK,
}: {
  intervalMs?: number;
  maintenanceMs?: number;
  work?: SamplerWork;
} = {}): StatsSampler {
  store.spawnerStatsSampler ??= createSampler({ intervalMs, maintenanceMs, work });
  return store.spawnerStatsSampler;
}

function createSampler({
  intervalMs,
  maintenanceMs,
  work,
}: {
  intervalMs: number;
  maintenanceMs: number;
  work: SamplerWork;
}): StatsSampler {
  const guard = logOnceGuard("stats");
  let previous: Readings = new Map();
  // Ends a round's engine readings when the sampler stops: waiting for the engine's next stats tick would hold its
  // connections open past SIGTERM.
  const stopping = new AbortController();
  const sample = singleFlight(async () => {
    await guard("sampling", async () => {
      try {
        previous = (await work.sampleRound({ previous, signal: stopping.signal })).readings;
      } catch (error) {
        // No numbers rather than stale ones; rates start afresh once the engine answers again.
        previous = new Map();
        setSampledStats(null);
        throw error;
      }
    });
  });
  const maintain = singleFlight(async () => {
    // Rolled up before pruning: a raw point is averaged into its bucket before it may go, so a failed rollup keeps
    // the raw points for the next pass.
    const rolledUp = await guard("rolling up", async () => void (await work.rollUpStats()));
    await guard("pruning", async () => {
      const { points, rollups } = await work.pruneStats({ points: rolledUp });
      if (points + rollups > 0) console.info(`[stats] pruned ${points} point(s) and ${rollups} rollup(s)`);
    });
  });
  const timers = [
    setInterval(sample.run, intervalMs),
    setInterval(maintain.run, maintenanceMs),
    setTimeout(sample.run, FOLLOW_UP_MS),
  ];
  for (const timer of timers) timer.unref();
  sample.run();
  maintain.run();
  let stopped: Promise<void> | undefined;
  const sampler: StatsSampler = {
    // No new round starts; the one in flight has its readings ended and writes nothing, and is waited for, so
    // nothing of it touches the database once it closes. Idempotent: a second call (shutdown's stopWork, then
    // release) gets the first call's promise.
    stop: () => {
      stopped ??= (async () => {
        if (store.spawnerStatsSampler === sampler) store.spawnerStatsSampler = undefined;
        for (const timer of timers) clearInterval(timer);
        stopping.abort();
        await Promise.all([sample.stop(), maintain.stop()]);
        setSampledStats(null);
      })();
      return stopped;
    },
  };
  return sampler;
}
