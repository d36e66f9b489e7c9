-- Admin: disabled accounts, template versions (a workspace built from an older one shows "update available"),
-- the audit log and platform settings. Only new columns with defaults and new tables: every row stays as it was.
-- Existing workspaces are counted as built from version 1, the version every existing template starts at.
ALTER TABLE "User" ADD COLUMN "disabledAt" DATETIME;
ALTER TABLE "Template" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Template" ADD COLUMN "editedAt" DATETIME;
ALTER TABLE "Workspace" ADD COLUMN "templateVersion" INTEGER NOT NULL DEFAULT 1;
-- The apps a workload was made from, so routes, forward-auth and links follow the workload, not a later edit of its
-- template; null (every existing workspace) reads the template's current apps, which made them.
ALTER TABLE "Workspace" ADD COLUMN "apps" TEXT;

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL DEFAULT '',
    "via" TEXT NOT NULL,
    "ip" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL DEFAULT '',
    "targetName" TEXT NOT NULL DEFAULT '',
    "ownerId" TEXT,
    "ownerEmail" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '{}'
);

-- CreateTable
CREATE TABLE "PlatformSetting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");
CREATE INDEX "AuditEvent_ownerId_at_idx" ON "AuditEvent"("ownerId", "at");
CREATE INDEX "AuditEvent_targetId_at_idx" ON "AuditEvent"("targetId", "at");
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");
