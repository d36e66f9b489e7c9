// The stats history's pure parts: network rates between two readings, 5-minute buckets and their averages, the
// platform's sums, and what each range reads.
import { describe, expect, it } from "vitest";
import { networkRatesBetween } from "@/lib/admin/usage-math";
import { averageByBucket, bucketStart, totalByBucket } from "@/lib/stats/buckets";
import { rangeQuery } from "@/lib/stats/history-range";

const at = (iso: string) => new Date(iso);
const point = (workspaceId: string, iso: string, cpuPercent: number, memoryBytes = 100) => ({
  workspaceId,
  at: at(iso),
  cpuPercent,
  memoryBytes,
  memoryLimitBytes: 1000,
  netRxBytesPerSec: cpuPercent * 10,
  netTxBytesPerSec: 1,
});

describe("network rates", () => {
  const before = { networkRxBytes: 1000, networkTxBytes: 500, readAt: "2026-12-01T12:00:00.000000000Z" };
  it("are bytes per second between two readings", () => {
    expect(
      networkRatesBetween(before, {
        networkRxBytes: 31_000,
        networkTxBytes: 2000,
        readAt: "2026-12-01T12:00:15Z",
      }),
    ).toEqual({ rxBytesPerSec: 2000, txBytesPerSec: 100 });
  });
  it("are 0 when a counter went back (a restart) or no time passed", () => {
    expect(
      networkRatesBetween(before, { ...before, networkRxBytes: 10, readAt: "2026-12-01T12:00:15Z" }),
    ).toEqual({
      rxBytesPerSec: 0,
      txBytesPerSec: 0,
    });
    expect(networkRatesBetween(before, { ...before, networkRxBytes: 5000 })).toEqual({
      rxBytesPerSec: 0,
      txBytesPerSec: 0,
    });
  });
});

describe("buckets", () => {
  it("start at 5-minute marks of the clock", () => {
    expect(bucketStart(at("2026-12-01T12:07:59.999Z")).toISOString()).toBe("2026-12-01T12:05:00.000Z");
    expect(bucketStart(at("2026-12-01T12:10:00.000Z")).toISOString()).toBe("2026-12-01T12:10:00.000Z");
    expect(bucketStart(at("2026-12-01T12:14:00Z")).toISOString()).toBe("2026-12-01T12:10:00.000Z");
  });

  it("average the points of each workspace and bucket, keeping the CPU peak", () => {
    const rows = averageByBucket(
      [
        point("b", "2026-12-01T12:01:00Z", 10),
        point("a", "2026-12-01T12:00:00Z", 10, 100),
        point("a", "2026-12-01T12:04:59Z", 30, 300),
        point("a", "2026-12-01T12:05:00Z", 50),
      ],
      5 * 60_000,
    );
    expect(rows.map((row) => [row.bucket.toISOString(), row.workspaceId, row.samples])).toEqual([
      ["2026-12-01T12:00:00.000Z", "a", 2],
      ["2026-12-01T12:00:00.000Z", "b", 1],
      ["2026-12-01T12:05:00.000Z", "a", 1],
    ]);
    expect(rows[0]).toMatchObject({
      cpuPercent: 20,
      cpuPercentMax: 30,
      memoryBytes: 200,
      netRxBytesPerSec: 200,
    });
  });

  it("weigh averages by their samples, so averages of averages are the points' average", () => {
    const rollups = [
      { ...point("a", "2026-12-01T12:00:00Z", 10), samples: 3, cpuPercentMax: 40 },
      { ...point("a", "2026-12-01T12:05:00Z", 50), samples: 1, cpuPercentMax: 50 },
    ];
    const [row] = averageByBucket(
      rollups,
      2 * 3_600_000,
      (r) => r.samples,
      (r) => r.cpuPercentMax,
    );
    expect(row).toMatchObject({ cpuPercent: 20, cpuPercentMax: 50, samples: 4 });
  });

  it("sum workspaces per bucket for the platform", () => {
    const rows = averageByBucket(
      [point("a", "2026-12-01T12:00:00Z", 10), point("b", "2026-12-01T12:01:00Z", 5)],
      5 * 60_000,
    );
    expect(totalByBucket(rows)).toEqual([
      expect.objectContaining({ workspaces: 2, cpuPercent: 15, memoryBytes: 200, memoryLimitBytes: 2000 }),
    ]);
  });
});

describe("ranges", () => {
  const now = at("2026-12-01T12:00:00Z");
  it("read raw points for an hour, one per sample but never more than 360", () => {
    expect(rangeQuery("hour", now, 15_000)).toEqual({
      source: "points",
      since: at("2026-12-01T11:00:00Z"),
      stepMs: 15_000,
    });
    expect(rangeQuery("hour", now, 1000).stepMs).toBe(10_000);
  });
  it("read 5-minute rollups for a day and 2-hour averages of them for a month", () => {
    expect(rangeQuery("day", now, 15_000)).toEqual({
      source: "rollups",
      since: at("2026-11-30T12:00:00Z"),
      stepMs: 300_000,
    });
    const month = rangeQuery("month", now, 15_000);
    expect(month).toEqual({ source: "rollups", since: at("2026-11-01T12:00:00Z"), stepMs: 7_200_000 });
    expect((30 * 86_400_000) / month.stepMs).toBeLessThanOrEqual(400);
  });
});
