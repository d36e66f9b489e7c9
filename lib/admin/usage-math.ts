// Rates from two readings of a workload's counters, as `docker stats` reads them: CPU % (the share of one CPU it used
// between them, 200% is two CPUs busy) and network bytes per second (the engine shows totals, a chart wants rates).
import type { UsageSample } from "@/lib/runtime/runtime";

type Reading<K extends keyof UsageSample> = Pick<UsageSample, K | "readAt">;

export function cpuPercentBetween(before: Reading<"cpuNs">, after: Reading<"cpuNs">): number {
  // Per nanosecond of wall time, as a percentage.
  return perSecond(after.cpuNs - before.cpuNs, before, after, 100 / 1e9);
}

/** Bytes per second received and sent between two readings. */
export function networkRatesBetween(
  before: Reading<"networkRxBytes" | "networkTxBytes">,
  after: Reading<"networkRxBytes" | "networkTxBytes">,
): { rxBytesPerSec: number; txBytesPerSec: number } {
  return {
    rxBytesPerSec: perSecond(after.networkRxBytes - before.networkRxBytes, before, after),
    txBytesPerSec: perSecond(after.networkTxBytes - before.networkTxBytes, before, after),
  };
}

/**
 * A counter's growth per second between two readings (times `scale`), to two decimals. No time between them, or the
 * counter went back (a restart, or a network left, in between): no honest number but 0.
 */
function perSecond(delta: number, before: { readAt: string }, after: { readAt: string }, scale = 1): number {
  const seconds = (Date.parse(after.readAt) - Date.parse(before.readAt)) / 1000;
  if (!(seconds > 0) || delta < 0) return 0;
  return Math.round((delta / seconds) * scale * 100) / 100;
}
