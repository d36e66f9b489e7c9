// Small helpers shared by the bench phases: percentiles, bounded concurrency, HTTP polling, the summary table.
import { waitForHttp } from "../../tests/support/http";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Nearest-rank percentile: with 15 samples p95 is the largest, which is what we want to see. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;

// One bounded pool for the app and the bench.
export { mapPool } from "../../lib/admin/map-pool";

/** Polls a URL until it answers; the same poller (5 ms interval) times both sides of the ratio. */
export async function pollUntil200(url: string, timeoutMs = 20_000): Promise<void> {
  await waitForHttp(url, timeoutMs, 5);
}

export type Row = { metric: string; value: string; target: string; ok: string };

export const verdict = (pass: boolean | null) => (pass === null ? "-" : pass ? "yes" : "NO");

export function printTable(rows: Row[]): void {
  const head: Row = { metric: "metric", value: "value", target: "target", ok: "ok" };
  const keys = ["metric", "value", "target", "ok"] as const;
  const width = Object.fromEntries(
    keys.map((key) => [key, Math.max(...[head, ...rows].map((row) => row[key].length))]),
  ) as Record<(typeof keys)[number], number>;
  const line = (row: Row) => `| ${keys.map((key) => row[key].padEnd(width[key])).join(" | ")} |`;
  console.log(line(head));
  console.log(`|${keys.map((key) => "-".repeat(width[key] + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}
