// Upgrading to the template-volume version loses nothing: a database as the API-token version left it — an admin, a
// user with a session, an admin-edited template (version 2), audit history, an API token, a running workspace with
// data on its volume, a kept volume and a sealed secret — is migrated in place. Every row keeps every value; every
// template reads as the local driver, no options, not shared, at the version it had; the same container is opened
// (not re-created) and its data is there.
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

const PREFIX = `${IT}-volup`;
const LAST_BEFORE = "20261205000000_api_tokens";
const root = mkdtempSync(path.join(tmpdir(), "spawner-volume-upgrade-"));
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
  "ApiToken",
];
let app: AppServer | undefined;
let ada: ReturnType<typeof userInDatabase>;
let boss: ReturnType<typeof userInDatabase>;
let containerId = "";
const workspaceId = `w${randomBytes(8).toString("hex")}`;
const volume = `ws-volup-${workspaceId}`;
const keptVolume = `ws-volup-kept-${workspaceId}`;
let before: Record<string, Record<string, unknown>[]> = {};

beforeAll(() => {
  removeLabelled(PREFIX);
  migrateUpTo(root, database, LAST_BEFORE);
  ada = userInDatabase(`file:${database}`, "ada-vol");
  boss = userInDatabase(`file:${database}`, "boss-vol");
  const db = new Database(database);
  ({ containerId } = seedOldPlatform(db, {
    prefix: PREFIX,
    image,
    admin: boss,
    owner: ada,
    workspaceId,
    volume,
    keptVolume,
    lastUsedAt: Date.now(),
  }));
  // What the versions since added: a template's idle timeout, and a token of the owner's.
  db.prepare(`UPDATE "Template" SET idleSeconds = 7200 WHERE id = 'tpl-dev'`).run();
  db.prepare(
    `INSERT INTO "ApiToken" (id, userId, name, lookup, hash, scopes, expiresAt) VALUES ('t1', ?, 'ci', 'lk', 'h', 'workspaces:read', ?)`,
  ).run(ada.id, Date.now() + 86_400_000);
  db.close();
  before = snapshotTables(database, TABLES);
});

afterAll(async () => {
  await app?.stop();
  removeLabelled(PREFIX);
  rmSync(root, { recursive: true, force: true });
});

describe("upgrading a database made before templates had a volume driver", () => {
  it("keeps every row and value, and every template's volume columns are empty (local, not shared)", () => {
    const after = migrateKeepingRows(database, before);
    expect(after.Template?.length).toBeGreaterThan(0);
    for (const template of after.Template ?? [])
      expect(template).toMatchObject({ volumeDriver: null, volumeOptions: null, volumeShared: null });
  });

  it("shows every template as local and unshared at its version, and opens the same running container", async () => {
    app = await startAppServer({ ...testSettings, DATABASE_URL: `file:${database}`, LABEL_PREFIX: PREFIX });
    const admin = JSON.parse((await getAs(`${app.url}/api/v1/admin/templates`, boss.cookie)).text);
    for (const template of admin.templates)
      expect(template.volume).toEqual({ driver: "local", options: {}, shared: false });
    // The edited dev template was not bumped by the upgrade: its workspace is as up to date as before.
    expect(admin.templates.find((t: { name: string }) => t.name === "dev")).toMatchObject({
      version: 2,
      idle_timeout_minutes: 120,
    });
    const opened = await fetch(`${app.url}/api/workspaces/${workspaceId}/start`, {
      method: "POST",
      headers: { cookie: ada.cookie },
    });
    expect(opened.status).toBe(200);
    expect((await opened.json()).container_id).toBe(containerId);
    expect(docker("exec", containerId, "cat", "/workspace/notes.txt")).toBe("kept-through-upgrade");
    expect(docker("volume", "ls", "-q", "--filter", `name=${keptVolume}`)).toBe(keptVolume);
    expect(
      execFileSync("docker", ["ps", "-aq", "--no-trunc", "--filter", `label=${PREFIX}.managed-by=spawner`], {
        encoding: "utf8",
      }).trim(),
    ).toBe(containerId);
  });
});
