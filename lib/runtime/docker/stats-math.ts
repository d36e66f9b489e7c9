// Turns one Docker stats sample into the numbers a person reads: CPU %, memory, network, processes.
import type { UsageSample, WorkloadStats } from "@/lib/runtime/runtime";

export type RawStats = {
  read?: string;
  cpu_stats?: { cpu_usage?: { total_usage?: number }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats?: { cpu_usage?: { total_usage?: number }; system_cpu_usage?: number };
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  pids_stats?: { current?: number };
};

export function statsFromDocker(raw: RawStats, now = new Date()): WorkloadStats {
  const cpuDelta =
    (raw.cpu_stats?.cpu_usage?.total_usage ?? 0) - (raw.precpu_stats?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (raw.cpu_stats?.system_cpu_usage ?? 0) - (raw.precpu_stats?.system_cpu_usage ?? 0);
  const cpus = raw.cpu_stats?.online_cpus || 1;
  // Docker's own formula (docker stats): share of host CPU time, scaled by CPUs, as a percentage.
  const cpu = systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * cpus * 100 : 0;
  return {
    cpuPercent: Math.round(cpu * 100) / 100,
    memoryBytes: memoryInUse(raw),
    memoryLimitBytes: raw.memory_stats?.limit ?? 0,
    ...networkTotals(raw),
    pids: raw.pids_stats?.current ?? 0,
    readAt: readAtOf(raw, now),
  };
}

/** The counters of a one-shot reading (its precpu_stats are empty): CPU time and network bytes so far, memory. */
export function usageFromDocker(raw: RawStats, now = new Date()): UsageSample {
  return {
    cpuNs: raw.cpu_stats?.cpu_usage?.total_usage ?? 0,
    memoryBytes: memoryInUse(raw),
    memoryLimitBytes: raw.memory_stats?.limit ?? 0,
    ...networkTotals(raw),
    readAt: readAtOf(raw, now),
  };
}

/** Summed over every network it is on (a workspace may be on several). */
function networkTotals(raw: RawStats): { networkRxBytes: number; networkTxBytes: number } {
  const networks = Object.values(raw.networks ?? {});
  return {
    networkRxBytes: networks.reduce((sum, net) => sum + (net.rx_bytes ?? 0), 0),
    networkTxBytes: networks.reduce((sum, net) => sum + (net.tx_bytes ?? 0), 0),
  };
}

function memoryInUse(raw: RawStats): number {
  const memory = raw.memory_stats ?? {};
  // Page cache is reclaimable; cgroup v2 reports it as inactive_file, v1 as total_inactive_file.
  const cache = memory.stats?.inactive_file ?? memory.stats?.total_inactive_file ?? 0;
  return Math.max((memory.usage ?? 0) - cache, 0);
}

const readAtOf = (raw: RawStats, now: Date) =>
  raw.read && !raw.read.startsWith("0001") ? raw.read : now.toISOString();
