// Upgrading to the admin version loses nothing: a database as the version before it left it (every migration up to
// workspace hosts), with an admin, a user and their session, a running workspace with data on its volume, a kept
// volume and a sealed secret, is migrated in place. Every row keeps every value it had; the new columns read "not
// disabled" and "built from the template's current version"; the same container keeps running and is listed,
// opened and not re-created; the volume and its data are there; the admin reaches the admin area.
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
import {
  getAs,
  insertSecretAndKeptVolume,
  migrateKeepingRows,
  runOldDevWorkspace,
  snapshotTables,
} from "../support/old-workloads";
import { IT } from "../support/prefixes";
import { docker, removeLabelled } from "../support/test-image";
import { testSettings } from "./setup-env";

const PREFIX = `${IT}-adminup`;
const LAST_BEFORE_ADMIN = "20261202000000_workspace_hosts";
const root = mkdtempSync(path.join(tmpdir(), "spawner-admin-upgrade-"));
const database = path.join(root, "old.db");
const image = testSettings.USER_TEMPLATE_IMAGE_DEV;
const TABLES = ["User", "Session", "Template", "Workspace", "WorkspaceSecret", "KeptVolume"];
let app: AppServer | undefined;
let ada: ReturnType<typeof userInDatabase>;
let boss: ReturnType<typeof userInDatabase>;
let containerId = "";
const workspaceId = `w${randomBytes(8).toString("hex")}`;
const volume = `ws-adminup-${workspaceId}`;
const keptVolume = `ws-adminup-kept-${workspaceId}`;
let before: Record<string, Record<string, unknown>[]> = {};

const snapshot = () => snapshotTables(database, TABLES);
const get = getAs;

beforeAll(() => {
  removeLabelled(PREFIX);
  migrateUpTo(root, database, LAST_BEFORE_ADMIN);
  ada = userInDatabase(`file:${database}`, "ada-adm");
  boss = userInDatabase(`file:${database}`, "boss-adm");
  const db = new Database(database);
  const now = Date.now();
  db.prepare(`UPDATE "User" SET role = 'ADMIN' WHERE id = ?`).run(boss.id);
  // The dev template (made by the workspaces migration) as that version's start wrote it from the same settings.
  db.prepare(
    `UPDATE "Template" SET image = ?, defaultMemoryMb = 64, defaultCpus = 0.5, defaultPids = 64, updatedAt = ? WHERE id = 'tpl-dev'`,
  ).run(image, now);
  // Its workload, made the way that version made it: labels, its volume at the data path, a loopback port.
  let name: string;
  ({ containerId, name } = runOldDevWorkspace({
    prefix: PREFIX,
    image,
    owner: ada,
    workspaceId,
    volume,
    keptVolume,
  }));
  db.prepare(
    `INSERT INTO "Workspace" (id, ownerId, name, displayName, templateId, settings, routeKey, hostKey, runtimeId, workloadName, volumeName, image, createdAt, lastUsedAt)
     VALUES (?, ?, 'dev', 'Development', 'tpl-dev', '{"env":[{"key":"GREETING","value":"hi"}]}', ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    workspaceId,
    ada.id,
    `${ada.slug}-dev`,
    `${ada.slug}-dev`,
    containerId,
    name,
    volume,
    image,
    now,
    now,
  );
  insertSecretAndKeptVolume(db, { workspaceId, ownerId: ada.id, keptVolume, now });
  db.close();
  before = snapshot();
});

afterAll(async () => {
  await app?.stop();
  removeLabelled(PREFIX);
  rmSync(root, { recursive: true, force: true });
});

describe("upgrading a database and workspaces made before the admin area", () => {
  it("keeps every row and value, and the new columns read not disabled and current", () => {
    const after = migrateKeepingRows(database, before);
    expect(after.User?.map((user) => user.disabledAt)).toEqual([null, null]);
    for (const template of after.Template ?? [])
      expect(template).toMatchObject({ version: 1, editedAt: null });
    expect(after.Workspace?.[0]).toMatchObject({ templateVersion: 1, apps: null });
    const db = new Database(database, { readonly: true });
    expect(db.prepare(`SELECT count(*) AS n FROM "AuditEvent"`).get()).toEqual({ n: 0 });
    db.close();
  });

  it("lists and opens the same running container with its data, not re-created, and the admin reaches the admin area", async () => {
    app = await startAppServer({
      ...testSettings,
      DATABASE_URL: `file:${database}`,
      LABEL_PREFIX: PREFIX,
      ORPHAN_GRACE_MS: "0",
    });
    const listed = await get(`${app.url}/api/workspaces`, ada.cookie);
    expect(listed.status).toBe(200);
    const dev = JSON.parse(listed.text).workspaces.find((w: { name: string }) => w.name === "dev");
    expect(dev).toMatchObject({ id: workspaceId, status: "running", container_id: containerId });
    const opened = await fetch(`${app.url}/api/workspaces/${workspaceId}/start`, {
      method: "POST",
      headers: { cookie: ada.cookie },
    });
    expect(opened.status).toBe(200);
    expect((await opened.json()).container_id).toBe(containerId);
    expect(docker("inspect", "-f", "{{.State.Running}}", containerId)).toBe("true");
    expect(docker("exec", containerId, "cat", "/workspace/notes.txt")).toBe("kept-through-upgrade");
    const volumes = JSON.parse((await get(`${app.url}/api/volumes`, ada.cookie)).text);
    expect(JSON.stringify(volumes)).toContain("old");
    expect(docker("volume", "ls", "-q", "--filter", `name=${keptVolume}`)).toBe(keptVolume);
    expect((await get(`${app.url}/admin`, boss.cookie)).status).toBe(200);
    expect((await get(`${app.url}/admin`, ada.cookie)).status).toBe(404);
    // The reconciler (orphan grace 0) found nothing to remove: the container is still the only one.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(
      execFileSync("docker", ["ps", "-aq", "--no-trunc", "--filter", `label=${PREFIX}.managed-by=spawner`], {
        encoding: "utf8",
      }).trim(),
    ).toBe(containerId);
  });
});
