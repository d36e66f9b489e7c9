-- Workspaces get a host key for subdomain routing ({app}--{hostKey}.WORKSPACE_DOMAIN). A route key of up to 45
-- characters is its own host key; longer ones are filled in by the app at start (a cut key plus a hash).
ALTER TABLE "Workspace" ADD COLUMN "hostKey" TEXT;
UPDATE "Workspace" SET "hostKey" = "routeKey" WHERE length("routeKey") <= 45;
CREATE UNIQUE INDEX "Workspace_hostKey_key" ON "Workspace"("hostKey");
