// CPU % from two readings of a workload's CPU time: the share of one CPU it used between them (200% is two CPUs
// busy), as `docker stats` reads it.
import type { UsageSample } from "@/lib/runtime/runtime";

export function cpuPercentBetween(
  before: Pick<UsageSample, "cpuNs" | "readAt">,
  after: Pick<UsageSample, "cpuNs" | "readAt">,
): number {
  const wallNs = (Date.parse(after.readAt) - Date.parse(before.readAt)) * 1e6;
  const cpuNs = after.cpuNs - before.cpuNs;
  // No time between them, or the counter went back (restarted in between): no honest number but none.
  if (!(wallNs > 0) || cpuNs < 0) return 0;
  return Math.round((cpuNs / wallNs) * 100 * 100) / 100;
}
