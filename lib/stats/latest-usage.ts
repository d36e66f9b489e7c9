// The latest numbers of the stats sampler (lib/stats/stats-sampler.ts), kept in memory for the admin views: pages
// read the last round and never ask the engine for stats per request.

export type WorkloadUsage = { cpuPercent: number; memoryBytes: number; readAt: string };

export type SampledStats = {
  /** By workload (runtime) id: running workloads read twice at least. */
  workloads: Map<string, WorkloadUsage>;
  /** When the last round finished; null before the first, after a failed round, and once stopped. */
  sampledAt: string | null;
};

const EMPTY: SampledStats = { workloads: new Map(), sampledAt: null };

// On globalThis: route handlers, pages and the server's start-up may load separate copies of this module.
const store = globalThis as unknown as { spawnerSampledStats?: SampledStats };

/** The last round (empty before the first): what admin pages show. */
export function getSampledStats(): SampledStats {
  return store.spawnerSampledStats ?? EMPTY;
}

/** Written by the sampler after each round; null forgets the numbers (a failed round, or the sampler stopped). */
export function setSampledStats(stats: SampledStats | null): void {
  store.spawnerSampledStats = stats ?? EMPTY;
}
