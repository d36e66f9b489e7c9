// Upgrading to the resources version loses nothing: a database as the admin version left it, with an admin, a user
// and their session, an admin-edited template, audit history, platform settings, a running workspace last used hours
// ago with data on its volume, a kept volume and a sealed secret, is migrated in place. Every row keeps every value
// it had; the new columns read "the platform's quotas", "30 minutes idle, no lifetime" and "start not known"; the
// culler, looking every half second, does not stop the running workspace (its idle time counts from the upgrade);
// the same container keeps running and is opened, not re-created, and its data is there.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { userInDatabase } from "../support/database";
import { migrateUpTo } from "../support/old-version";
import { getAs, migrateKeepingRows, seedOldPlatform, snapshotTables } from "../support/old-workloads";
import { IT } from "../support/prefixes";
import { docker, removeLabelled } from "../support/test-image";
import { testSettings } from "./setup-env";

const PREFIX = `${IT}-resup`;
const LAST_BEFORE = "20261203000000_admin";
const root = mkdtempSync(path.join(tmpdir(), "spawner-resources-upgrade-"));
const database = path.join(root, "old.db");
const image = testSettings.USER_TEMPLATE_IMAGE_DEV;
const TABLES = [
  "User",
  "Session",
  "Template",
  "Workspace",
  "WorkspaceSecret",
  "KeptVolume",
  "AuditEvent",
  "PlatformSetting",
];
let app: AppServer | undefined;
let ada: ReturnType<typeof userInDatabase>;
let boss: ReturnType<typeof userInDatabase>;
let containerId = "";
const workspaceId = `w${randomBytes(8).toString("hex")}`;
const volume = `ws-resup-${workspaceId}`;
const keptVolume = `ws-resup-kept-${workspaceId}`;
let before: Record<string, Record<string, unknown>[]> = {};

const snapshot = () => snapshotTables(database, TABLES);
const get = getAs;

beforeAll(() => {
  removeLabelled(PREFIX);
  migrateUpTo(root, database, LAST_BEFORE);
  ada = userInDatabase(`file:${database}`, "ada-res");
  boss = userInDatabase(`file:${database}`, "boss-res");
  const db = new Database(database);
  const now = Date.now();
  // Last used three hours ago: idle by any timeout, had the old version kept activity.
  ({ containerId } = seedOldPlatform(db, {
    prefix: PREFIX,
    image,
    admin: boss,
    owner: ada,
    workspaceId,
    volume,
    keptVolume,
    lastUsedAt: now - 3 * 3_600_000,
  }));
  db.prepare(`INSERT INTO "PlatformSetting" (key, value, updatedAt) VALUES ('defaults', ?, ?)`).run(
    JSON.stringify({ CONTAINER_MEMORY: "64m" }),
    now,
  );
  db.close();
  before = snapshot();
});

afterAll(async () => {
  await app?.stop();
  removeLabelled(PREFIX);
  rmSync(root, { recursive: true, force: true });
});

describe("upgrading a database and workspaces made before resource control", () => {
  it("keeps every row and value, and the new columns read the platform's quotas, 30 idle minutes and no lifetime", () => {
    const after = migrateKeepingRows(database, before);
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
    const db = new Database(database);
    db.prepare(`UPDATE "Template" SET maxLifetimeSeconds = 3600 WHERE id = 'tpl-dev'`).run();
    db.close();
    app = await startAppServer({
      ...testSettings,
      DATABASE_URL: `file:${database}`,
      LABEL_PREFIX: PREFIX,
      ORPHAN_GRACE_MS: "0",
      CULL_INTERVAL_MS: "500",
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(docker("inspect", "-f", "{{.State.Running}}", containerId)).toBe("true");
    const listed = await get(`${app.url}/api/workspaces`, ada.cookie);
    const dev = JSON.parse(listed.text).workspaces.find((w: { name: string }) => w.name === "dev");
    expect(dev).toMatchObject({
      id: workspaceId,
      status: "running",
      container_id: containerId,
      idle_timeout_minutes: 30,
      update_available: true,
    });
    const opened = await fetch(`${app.url}/api/workspaces/${workspaceId}/start`, {
      method: "POST",
      headers: { cookie: ada.cookie },
    });
    expect(opened.status).toBe(200);
    expect((await opened.json()).container_id).toBe(containerId);
    expect(docker("exec", containerId, "cat", "/workspace/notes.txt")).toBe("kept-through-upgrade");
    expect(docker("volume", "ls", "-q", "--filter", `name=${keptVolume}`)).toBe(keptVolume);
    expect((await get(`${app.url}/admin`, boss.cookie)).status).toBe(200);
    expect(
      execFileSync("docker", ["ps", "-aq", "--no-trunc", "--filter", `label=${PREFIX}.managed-by=spawner`], {
        encoding: "utf8",
      }).trim(),
    ).toBe(containerId);
  });
});
