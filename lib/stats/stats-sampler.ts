// The stats sampler, started with the server: a round every STATS_SAMPLE_INTERVAL_S (never two at once: a round still
// running when the next is due makes that one skip), and the rollup and pruning every 5 minutes and at start. Timers
// never keep the process alive; a failure (engine or database down) writes nothing and is logged once until it works.
import "server-only";
import { setSampledStats } from "@/lib/admin/stats-sampler";
import { getEnv } from "@/lib/env";
import { ROLLUP_BUCKET_MS } from "@/lib/stats/buckets";
import { pruneStats } from "@/lib/stats/prune-stats";
import { rollUpStats } from "@/lib/stats/roll-up-stats";
import { type Readings, sampleRound } from "@/lib/stats/sample-round";

/** The first round has no earlier readings to give CPU %: the second comes this soon after it. */
const FOLLOW_UP_MS = 2_000;

export function startStatsSampler({
  intervalMs = getEnv().STATS_SAMPLE_INTERVAL_S * 1000,
  maintenanceMs = ROLLUP_BUCKET_MS,
}: {
  intervalMs?: number;
  maintenanceMs?: number;
} = {}): { stop: () => void } {
  const failures = new Map<string, string>();
  const guard = async (what: string, work: () => Promise<void>) => {
    try {
      await work();
      if (failures.get(what)) console.info(`[stats] ${what} works again`);
      failures.delete(what);
    } catch (error) {
      const message = (error as Error)?.message ?? String(error);
      if (failures.get(what) !== message)
        console.error(`[stats] ${what} failed (will try again): ${message}`);
      failures.set(what, message);
    }
  };
  let stopped = false;
  const inFlight = new Set<Promise<void>>();
  /** One at a time: a call while the last is still running is skipped, not queued. */
  const single = (work: () => Promise<void>) => {
    let current: Promise<void> | undefined;
    return () => {
      if (current || stopped) return;
      current = work().finally(() => {
        if (current) inFlight.delete(current);
        current = undefined;
      });
      inFlight.add(current);
    };
  };
  let previous: Readings = new Map();
  const sample = single(() =>
    guard("sampling", async () => {
      try {
        previous = (await sampleRound({ previous })).readings;
      } catch (error) {
        // No numbers rather than stale ones; rates start afresh once the engine answers again.
        previous = new Map();
        setSampledStats({ engine: null, workloads: new Map(), sampledAt: null });
        throw error;
      }
    }),
  );
  const maintain = single(async () => {
    // Rolled up before pruning: a raw point is averaged into its bucket before it may go.
    await guard("rolling up", async () => void (await rollUpStats()));
    await guard("pruning", async () => {
      const { points, rollups } = await pruneStats();
      if (points + rollups > 0) console.info(`[stats] pruned ${points} point(s) and ${rollups} rollup(s)`);
    });
  });
  const timers = [
    setInterval(sample, intervalMs),
    setInterval(maintain, maintenanceMs),
    setTimeout(sample, FOLLOW_UP_MS),
  ];
  for (const timer of timers) timer.unref();
  sample();
  maintain();
  return {
    // No new round starts; the one in flight is waited for, so its rows are written before the database closes.
    stop: async () => {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.all(inFlight);
      setSampledStats(null);
    },
  };
}
