// The admin platform history at 100 workspaces x 30 days of 5-minute rollups (864,000 rows), on a database file of its
// own (no engine): the month and the day summed afresh (what every request cost before the sums were kept) and kept.
// better-sqlite3 is synchronous, so the fresh time is how long every other request waits.
// Run: npx tsx --conditions=react-server scripts/bench/platform-history.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { Actor } from "@/lib/auth/actor";

const WORKSPACES = 100;
const BUCKETS = 30 * 288;
const BUCKET_MS = 300_000;
const RUNS = 5;

const dir = mkdtempSync(path.join(tmpdir(), "spawner-bench-platform-"));
const file = path.join(dir, "spawner.db");
process.env.DATABASE_URL = `file:${file}`;
process.env.AUTH_SECRET ??= "bench".repeat(8);
execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: process.env, stdio: "ignore" });
const raw = new Database(file);
// Rollups only: their workspaces are not needed to sum them.
raw.pragma("foreign_keys = OFF");
const insert = raw.prepare(
  `INSERT INTO "StatsRollup" (workspaceId, bucket, samples, cpuPercent, cpuPercentMax, memoryBytes, memoryLimitBytes,
   netRxBytesPerSec, netTxBytesPerSec) VALUES (?, ?, 20, ?, 50, 1e8, 6.4e7, 1000, 500)`,
);
const newest = Math.floor(Date.now() / BUCKET_MS) * BUCKET_MS - BUCKET_MS;
raw.transaction(() => {
  for (let bucket = 0; bucket < BUCKETS; bucket++)
    for (let workspace = 0; workspace < WORKSPACES; workspace++)
      // As Prisma's adapter writes a DateTime.
      insert.run(
        `bench${String(workspace).padStart(3, "0")}`,
        new Date(newest - bucket * BUCKET_MS).toISOString().replace("Z", "+00:00"),
        Math.random() * 100,
      );
})();
raw.close();

const { readPlatformHistory } = await import("@/lib/stats/read-platform-history");
const { getDb } = await import("@/lib/db");
const actor: Actor = {
  userId: "bench",
  email: "bench@localhost",
  slug: "bench",
  role: "ADMIN",
  via: "session",
  scopes: ["admin"],
  ip: "",
};
const kept = globalThis as { spawnerPlatformTotals?: unknown };

async function timed(label: string, fresh: boolean, range: "day" | "month"): Promise<void> {
  const took: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    if (fresh) kept.spawnerPlatformTotals = undefined;
    const started = performance.now();
    await readPlatformHistory({ actor, range });
    took.push(performance.now() - started);
  }
  took.sort((a, b) => a - b);
  console.log(`${range} ${label}: median ${took[RUNS >> 1]?.toFixed(1)} ms, min ${took[0]?.toFixed(1)} ms`);
}

console.log(`${await getDb().statsRollup.count()} rollup rows`);
for (const range of ["month", "day"] as const) {
  await timed("summed afresh", true, range);
  await timed("kept", false, range);
}
await getDb().$disconnect();
rmSync(dir, { recursive: true, force: true });
