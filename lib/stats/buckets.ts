// Bucket math of the stats history: which 5-minute bucket a point falls in, which buckets are complete, and
// averages of points per (workspace, bucket). Pure, so the rollup and the readers agree on one definition.
export const ROLLUP_BUCKET_MS = 5 * 60_000;

export type StatsValues = {
  cpuPercent: number;
  memoryBytes: number;
  memoryLimitBytes: number;
  netRxBytesPerSec: number;
  netTxBytesPerSec: number;
};

export type TimedValues = StatsValues & { workspaceId: string; at: Date };

export type Averaged = StatsValues & {
  workspaceId: string;
  bucket: Date;
  samples: number;
  cpuPercentMax: number;
};

const FIELDS = [
  "cpuPercent",
  "memoryBytes",
  "memoryLimitBytes",
  "netRxBytesPerSec",
  "netTxBytesPerSec",
] as const satisfies readonly (keyof StatsValues)[];

/** The start of the bucket of `sizeMs` (aligned to the epoch, so every process cuts at the same instants). */
export function bucketStart(at: Date, sizeMs = ROLLUP_BUCKET_MS): Date {
  return new Date(Math.floor(at.getTime() / sizeMs) * sizeMs);
}

/**
 * Averages per (workspace, bucket), ordered by bucket then workspace. `weight` counts a row as that many samples
 * (a rollup row of 20 points weighs 20), so averaging averages gives the average of the points.
 */
export function averageByBucket<T extends TimedValues>(
  rows: readonly T[],
  sizeMs: number,
  weight: (row: T) => number = () => 1,
  peak: (row: T) => number = (row) => row.cpuPercent,
): Averaged[] {
  const groups = new Map<string, { sums: StatsValues; samples: number; max: number; key: Averaged }>();
  for (const row of rows) {
    const bucket = bucketStart(row.at, sizeMs);
    const id = `${bucket.getTime()}\u0000${row.workspaceId}`;
    let group = groups.get(id);
    if (!group) {
      group = {
        sums: {
          cpuPercent: 0,
          memoryBytes: 0,
          memoryLimitBytes: 0,
          netRxBytesPerSec: 0,
          netTxBytesPerSec: 0,
        },
        samples: 0,
        max: 0,
        key: { workspaceId: row.workspaceId, bucket } as Averaged,
      };
      groups.set(id, group);
    }
    const w = weight(row);
    for (const field of FIELDS) group.sums[field] += row[field] * w;
    group.samples += w;
    group.max = Math.max(group.max, peak(row));
  }
  return [...groups.values()]
    .filter((group) => group.samples > 0)
    .map(({ sums, samples, max, key }) => {
      const averaged = { ...key, samples, cpuPercentMax: round(max) } as Averaged;
      for (const field of FIELDS) averaged[field] = round(sums[field] / samples);
      return averaged;
    })
    .sort((a, b) => a.bucket.getTime() - b.bucket.getTime() || a.workspaceId.localeCompare(b.workspaceId));
}

/** Per bucket, the sum over workspaces of their averages: what the whole platform used. */
export function totalByBucket(
  averaged: readonly Averaged[],
): (StatsValues & { bucket: Date; workspaces: number })[] {
  const totals = new Map<number, StatsValues & { bucket: Date; workspaces: number }>();
  for (const row of averaged) {
    const key = row.bucket.getTime();
    const total = totals.get(key) ?? {
      bucket: row.bucket,
      workspaces: 0,
      cpuPercent: 0,
      memoryBytes: 0,
      memoryLimitBytes: 0,
      netRxBytesPerSec: 0,
      netTxBytesPerSec: 0,
    };
    for (const field of FIELDS) total[field] = round(total[field] + row[field]);
    total.workspaces += 1;
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => a.bucket.getTime() - b.bucket.getTime());
}

const round = (value: number) => Math.round(value * 100) / 100;
