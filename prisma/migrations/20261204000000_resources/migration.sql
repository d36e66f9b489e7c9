-- Resources: idle timeouts and lifetimes per template, quotas per user. Only new columns with defaults: every row
-- stays as it was. Existing templates get the 30-minute idle timeout the platform now defaults to; existing users
-- follow the platform's quotas (null).
ALTER TABLE "User" ADD COLUMN "quotaWorkspaces" INTEGER;
ALTER TABLE "User" ADD COLUMN "quotaRunning" INTEGER;
ALTER TABLE "User" ADD COLUMN "quotaMemoryMb" INTEGER;
ALTER TABLE "User" ADD COLUMN "quotaCpus" REAL;
ALTER TABLE "Template" ADD COLUMN "idleSeconds" INTEGER NOT NULL DEFAULT 1800;
ALTER TABLE "Template" ADD COLUMN "maxLifetimeSeconds" INTEGER NOT NULL DEFAULT 0;
-- When a workspace's current run began (its launch or restart). Running ones from before count from the upgrade:
-- no maximum lifetime stops a workspace the moment the new version starts.
ALTER TABLE "Workspace" ADD COLUMN "startedAt" DATETIME;
