-- Workspaces replace the fixed (user, type) container slots. Every UserContainer row becomes the workspace named
-- after its type (dev or prod), keeping its container id, container name, image and times, so running containers
-- are found, opened and reconciled as before (their labels name owner and type; lib/workspaces/labels.ts reads
-- both kinds). Templates dev and prod get placeholder values here; every start overwrites them from the settings.

-- CreateTable
CREATE TABLE "Template" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "image" TEXT NOT NULL,
    "apps" TEXT NOT NULL,
    "defaultMemoryMb" INTEGER NOT NULL,
    "maxMemoryMb" INTEGER NOT NULL,
    "defaultCpus" REAL NOT NULL,
    "maxCpus" REAL NOT NULL,
    "defaultPids" INTEGER NOT NULL,
    "maxPids" INTEGER NOT NULL,
    "dataPath" TEXT NOT NULL DEFAULT '/workspace',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "routeKey" TEXT NOT NULL,
    "runtimeId" TEXT,
    "workloadName" TEXT NOT NULL,
    "volumeName" TEXT NOT NULL,
    "image" TEXT,
    "repoClonedAt" DATETIME,
    "pendingChange" TEXT,
    "lastError" TEXT,
    "stoppedReason" TEXT,
    "stoppedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Workspace_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Workspace_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkspaceSecret" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sealed" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WorkspaceSecret_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KeptVolume" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "volumeName" TEXT NOT NULL,
    "workspaceName" TEXT NOT NULL,
    "templateName" TEXT NOT NULL,
    "keptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "KeptVolume_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Template_name_key" ON "Template"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_routeKey_key" ON "Workspace"("routeKey");

-- CreateIndex
CREATE INDEX "Workspace_templateId_idx" ON "Workspace"("templateId");

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_ownerId_name_key" ON "Workspace"("ownerId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "WorkspaceSecret_workspaceId_kind_path_key" ON "WorkspaceSecret"("workspaceId", "kind", "path");

-- CreateIndex
CREATE UNIQUE INDEX "KeptVolume_volumeName_key" ON "KeptVolume"("volumeName");

-- CreateIndex
CREATE INDEX "KeptVolume_ownerId_idx" ON "KeptVolume"("ownerId");


-- The seed's two templates, so migrated workspaces have theirs (values refreshed from the settings at start).
INSERT INTO "Template" ("id", "name", "displayName", "description", "image", "apps", "defaultMemoryMb", "maxMemoryMb",
  "defaultCpus", "maxCpus", "defaultPids", "maxPids", "dataPath", "enabled", "createdAt", "updatedAt")
VALUES
  ('tpl-dev', 'dev', 'Development', 'A workspace to try things out. Restart or rebuild it whenever you like.',
   'spawner-dev:latest', '[{"name":"web","port":8080,"primary":true}]', 512, 2048, 1, 2, 256, 1024, '/workspace', true,
   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('tpl-prod', 'prod', 'Production', 'Your always-on service, built from the production template.',
   'spawner-prod:latest', '[{"name":"web","port":8080,"primary":true}]', 512, 2048, 1, 2, 256, 1024, '/workspace', true,
   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- Each container row becomes its slot's workspace: same id, container id and name; reached at /{slug}-{type}.
INSERT INTO "Workspace" ("id", "ownerId", "name", "displayName", "templateId", "settings", "routeKey", "runtimeId",
  "workloadName", "volumeName", "image", "createdAt", "lastUsedAt")
SELECT c."id", c."userId", c."containerType",
  CASE c."containerType" WHEN 'dev' THEN 'Development' ELSE 'Production' END,
  'tpl-' || c."containerType", '{}', u."slug" || '-' || c."containerType", c."containerId", c."containerName",
  'ws-' || u."slug" || '-' || c."containerType" || '-' || c."id", c."image", c."createdAt", c."lastUsedAt"
FROM "UserContainer" c JOIN "User" u ON u."id" = c."userId"
WHERE c."containerType" IN ('dev', 'prod');

DROP TABLE "UserContainer";
