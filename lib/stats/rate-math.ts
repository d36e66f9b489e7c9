// Network rates from two readings of a workload's byte counters, as `docker stats` shows totals but a chart wants
// bytes per second.
import type { UsageSample } from "@/lib/runtime/runtime";

type Counters = Pick<UsageSample, "networkRxBytes" | "networkTxBytes" | "readAt">;

/** Bytes per second received and sent between two readings; 0 when no time passed or a counter went back. */
export function networkRatesBetween(
  before: Counters,
  after: Counters,
): { rxBytesPerSec: number; txBytesPerSec: number } {
  const seconds = (Date.parse(after.readAt) - Date.parse(before.readAt)) / 1000;
  return {
    rxBytesPerSec: rate(after.networkRxBytes - before.networkRxBytes, seconds),
    txBytesPerSec: rate(after.networkTxBytes - before.networkTxBytes, seconds),
  };
}

// A counter that went back means a restart (or a network left) in between: no honest rate but none.
const rate = (bytes: number, seconds: number) =>
  seconds > 0 && bytes >= 0 ? Math.round((bytes / seconds) * 100) / 100 : 0;
