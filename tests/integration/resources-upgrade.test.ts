// Upgrading to the resources version loses nothing: a database as the admin version left it, with an admin, a user
// and their session, an admin-edited template, audit history, platform settings, a running workspace last used hours
// ago with data on its volume, a kept volume and a sealed secret, is migrated in place. Every row keeps every value
// it had; the new columns read "the platform's quotas", "30 minutes idle, no lifetime" and "start not known"; the
// culler, looking every half second, does not stop the running workspace (its idle time counts from the upgrade);
// the same container keeps running and is opened, not re-created, and its data is there.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { expectWorkloadKept, type OldPlatform, oldPlatform, SEEDED_TABLES } from "../support/old-platform";
import { getAs, migrateKeepingRows } from "../support/old-workloads";
import { docker } from "../support/test-image";
import { testSettings } from "./setup-env";

let app: AppServer | undefined;
let platform: OldPlatform;

beforeAll(() => {
  platform = oldPlatform({
    name: "resup",
    lastBefore: "20261203000000_admin",
    image: testSettings.USER_TEMPLATE_IMAGE_DEV,
    tables: [...SEEDED_TABLES, "PlatformSetting"],
    lastUsedAt: Date.now() - 3 * 3_600_000,
    // Last used three hours ago: idle by any timeout, had the old version kept activity. The version added defaults.
    extra: (db) => {
      db.prepare(`INSERT INTO "PlatformSetting" (key, value, updatedAt) VALUES ('defaults', ?, ?)`).run(
        JSON.stringify({ CONTAINER_MEMORY: "64m" }),
        Date.now(),
      );
    },
  });
});

afterAll(async () => {
  await app?.stop();
  platform?.cleanup();
});

describe("upgrading a database and workspaces made before resource control", () => {
  it("keeps every row and value, and the new columns read the platform's quotas, 30 idle minutes and no lifetime", () => {
    const after = migrateKeepingRows(platform.database, platform.before);
    for (const user of after.User ?? [])
      expect(user).toMatchObject({
        quotaWorkspaces: null,
        quotaRunning: null,
        quotaMemoryMb: null,
        quotaCpus: null,
      });
    for (const template of after.Template ?? [])
      expect(template).toMatchObject({ idleSeconds: 1800, maxLifetimeSeconds: 0 });
    expect(after.Workspace?.[0]).toMatchObject({ startedAt: null, stoppedReason: null });
  });

  it("keeps the running container running under a culler that looks every half second, and opens the same one", async () => {
    // An hour's lifetime for a workspace created three hours ago: it counts from the upgrade (its start is not
    // known), so nothing stops it now.
    const db = new Database(platform.database);
    db.prepare(`UPDATE "Template" SET maxLifetimeSeconds = 3600 WHERE id = 'tpl-dev'`).run();
    db.close();
    app = await startAppServer({
      ...testSettings,
      DATABASE_URL: `file:${platform.database}`,
      LABEL_PREFIX: platform.prefix,
      ORPHAN_GRACE_MS: "0",
      CULL_INTERVAL_MS: "500",
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(docker("inspect", "-f", "{{.State.Running}}", platform.containerId)).toBe("true");
    const listed = await getAs(`${app.url}/api/workspaces`, platform.ada.cookie);
    const dev = JSON.parse(listed.text).workspaces.find((w: { name: string }) => w.name === "dev");
    expect(dev).toMatchObject({
      id: platform.workspaceId,
      status: "running",
      container_id: platform.containerId,
      idle_timeout_minutes: 30,
      update_available: true,
    });
    const opened = await fetch(`${app.url}/api/workspaces/${platform.workspaceId}/start`, {
      method: "POST",
      headers: { cookie: platform.ada.cookie },
    });
    expect(opened.status).toBe(200);
    expect((await opened.json()).container_id).toBe(platform.containerId);
    expect((await getAs(`${app.url}/admin`, platform.boss.cookie)).status).toBe(200);
    expectWorkloadKept(platform);
  });
});
