-- Stats history: three new tables; nothing that exists changes. Per-workspace rows go with their workspace (ON DELETE
-- CASCADE); the platform totals do not (a deleted workspace's share of a past total stays).
CREATE TABLE "StatsPoint" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "cpuPercent" REAL NOT NULL,
    "memoryBytes" REAL NOT NULL,
    "memoryLimitBytes" REAL NOT NULL DEFAULT 0,
    "netRxBytesPerSec" REAL NOT NULL DEFAULT 0,
    "netTxBytesPerSec" REAL NOT NULL DEFAULT 0,
    CONSTRAINT "StatsPoint_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "StatsPoint_workspaceId_at_idx" ON "StatsPoint"("workspaceId", "at");
CREATE INDEX "StatsPoint_at_idx" ON "StatsPoint"("at");

CREATE TABLE "StatsRollup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "bucket" DATETIME NOT NULL,
    "samples" INTEGER NOT NULL,
    "cpuPercent" REAL NOT NULL,
    "cpuPercentMax" REAL NOT NULL DEFAULT 0,
    "memoryBytes" REAL NOT NULL,
    "memoryLimitBytes" REAL NOT NULL DEFAULT 0,
    "netRxBytesPerSec" REAL NOT NULL DEFAULT 0,
    "netTxBytesPerSec" REAL NOT NULL DEFAULT 0,
    CONSTRAINT "StatsRollup_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "StatsRollup_workspaceId_bucket_key" ON "StatsRollup"("workspaceId", "bucket");
CREATE INDEX "StatsRollup_bucket_idx" ON "StatsRollup"("bucket");

CREATE TABLE "StatsPlatformRollup" (
    "bucket" DATETIME NOT NULL PRIMARY KEY,
    "cpuPercent" REAL NOT NULL,
    "memoryBytes" REAL NOT NULL,
    "netRxBytesPerSec" REAL NOT NULL DEFAULT 0,
    "netTxBytesPerSec" REAL NOT NULL DEFAULT 0,
    "workspaces" INTEGER NOT NULL
);
