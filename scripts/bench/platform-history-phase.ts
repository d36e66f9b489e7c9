// The admin's platform history at 100 workspaces × 30 days of 5-minute rollups (864,000 rows): readPlatformHistory's
// day and month, in this process against the bench's database (what a request costs: better-sqlite3 is synchronous, so
// a read's time is how long every other request waits), side by side with the GROUP BY over the per-workspace rollups
// that the rollup pass's platform totals replace. On the sampler phase's 100 workspace rows (its own when run alone).
import Database from "better-sqlite3";
import type { Actor } from "@/lib/auth/actor";
import type { BenchContext } from "./context";
import { createUsers } from "./setup";
import { ms, percentile, type Row } from "./util";

const WORKSPACES = 100;
const BUCKETS = 30 * 288;
const BUCKET_MS = 300_000;
const READS = 20;

const ACTOR: Actor = {
  userId: "bench",
  email: "bench@localhost",
  slug: "bench",
  role: "ADMIN",
  via: "session",
  scopes: ["admin"],
  ip: "",
};

/** The sampler phase's rows, or (run alone) 100 of its own: rollups need real workspaces (foreign keys stay on). */
async function workspaceIds(ctx: BenchContext): Promise<string[]> {
  const rows = await ctx.db.workspace.findMany({ select: { id: true }, take: WORKSPACES });
  if (rows.length >= WORKSPACES) return rows.map((row) => row.id);
  const [owner] = await createUsers(ctx.db, 1, "history");
  if (!owner) throw new Error("no owner");
  const template = await ctx.db.template.findFirstOrThrow({ where: { name: "dev" } });
  const wanted = Array.from(
    { length: WORKSPACES - rows.length },
    (_, i) => `hist${i}x${owner.id.slice(0, 8)}`,
  );
  await ctx.db.workspace.createMany({
    data: wanted.map((id, i) => ({
      id,
      ownerId: owner.id,
      name: `hist-${i}`,
      displayName: `hist-${i}`,
      templateId: template.id,
      routeKey: `${owner.slug}-hist-${i}`,
      workloadName: id,
      volumeName: id,
    })),
  });
  return [...rows.map((row) => row.id), ...wanted];
}

/** 30 days of rollups for each workspace, and each bucket's platform total as the rollup pass sums it. */
function seed(file: string, ids: string[]): number {
  const raw = new Database(file);
  try {
    const insert = raw.prepare(
      `INSERT INTO "StatsRollup" (workspaceId, bucket, samples, cpuPercent, cpuPercentMax, memoryBytes,
       memoryLimitBytes, netRxBytesPerSec, netTxBytesPerSec) VALUES (?, ?, 20, ?, 50, 1e8, 6.4e7, 1000, 500)`,
    );
    const newest = Math.floor(Date.now() / BUCKET_MS) * BUCKET_MS - BUCKET_MS;
    raw.transaction(() => {
      raw.exec(`DELETE FROM "StatsRollup"; DELETE FROM "StatsPlatformRollup";`);
      for (let bucket = 0; bucket < BUCKETS; bucket++) {
        // As Prisma's adapter writes a DateTime.
        const at = new Date(newest - bucket * BUCKET_MS).toISOString().replace("Z", "+00:00");
        for (const id of ids) insert.run(id, at, Math.random() * 100);
      }
      raw.exec(
        `INSERT INTO "StatsPlatformRollup" (bucket, cpuPercent, memoryBytes, netRxBytesPerSec, netTxBytesPerSec,
         workspaces) SELECT bucket, SUM(cpuPercent), SUM(memoryBytes), SUM(netRxBytesPerSec), SUM(netTxBytesPerSec),
         COUNT(*) FROM "StatsRollup" GROUP BY bucket`,
      );
    })();
    return (raw.prepare(`SELECT COUNT(*) AS n FROM "StatsRollup"`).get() as { n: number }).n;
  } finally {
    raw.close();
  }
}

async function timed(read: () => unknown): Promise<number[]> {
  await read();
  const times: number[] = [];
  for (let i = 0; i < READS; i++) {
    const started = performance.now();
    await read();
    times.push(performance.now() - started);
  }
  return times;
}

export async function platformHistoryPhase(
  ctx: BenchContext,
  appEnv: Record<string, string>,
): Promise<Row[]> {
  console.log(`\n== The platform history at ${WORKSPACES} workspaces × 30 days of rollups`);
  Object.assign(process.env, appEnv, { NODE_ENV: "production" });
  const file = appEnv.DATABASE_URL?.replace(/^file:/, "") ?? "";
  const ids = await workspaceIds(ctx);
  const seeded = seed(file, ids);
  console.log(`${seeded} rollup rows of ${ids.length} workspaces`);
  const { readPlatformHistory } = await import("@/lib/stats/read-platform-history");
  // The sums it replaces: every request summing the per-workspace rollups of the range.
  const raw = new Database(file, { readonly: true });
  const groupBy = raw.prepare(
    `SELECT bucket, SUM(cpuPercent), SUM(memoryBytes), SUM(netRxBytesPerSec), SUM(netTxBytesPerSec), COUNT(*)
     FROM "StatsRollup" WHERE bucket >= ? GROUP BY bucket ORDER BY bucket`,
  );
  const rows: Row[] = [];
  try {
    for (const [range, days] of [
      ["day", 1],
      ["month", 30],
    ] as const) {
      const since = new Date(Date.now() - days * 86_400_000).toISOString().replace("Z", "+00:00");
      const read = await timed(() => readPlatformHistory({ actor: ACTOR, range }));
      const summed = await timed(() => groupBy.all(since));
      console.log(
        `${range}: readPlatformHistory p50 ${ms(percentile(read, 50))} p95 ${ms(percentile(read, 95))}; GROUP BY over the rollups p50 ${ms(percentile(summed, 50))} p95 ${ms(percentile(summed, 95))}`,
      );
      rows.push({
        metric: `platform history ${range} p50 / p95: readPlatformHistory vs GROUP BY rollups`,
        value: `${ms(percentile(read, 50))} / ${ms(percentile(read, 95))} vs ${ms(percentile(summed, 50))} / ${ms(percentile(summed, 95))}`,
        target: "-",
        ok: "-",
      });
    }
  } finally {
    raw.close();
  }
  return rows;
}
