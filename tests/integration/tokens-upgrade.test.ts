// Upgrading to the API-token version loses nothing: a database as the resources version left it — an admin, a user
// with a session and their own quota, an admin-edited template with an idle timeout, audit history, a running
// workspace with data on its volume, a kept volume and a sealed secret — is migrated in place. Every row keeps every
// value; the same container is listed and opened (not re-created) with the old session, and a token made after the
// upgrade reaches it through the versioned API.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newToken, tokenHash, tokenLookup } from "@/lib/tokens/token-format";
import { type AppServer, startAppServer } from "../support/app-server";
import { userInDatabase } from "../support/database";
import { migrateUpTo } from "../support/old-version";
import { getAs, migrateKeepingRows, seedOldPlatform, snapshotTables } from "../support/old-workloads";
import { IT } from "../support/prefixes";
import { docker, removeLabelled } from "../support/test-image";
import { testSettings } from "./setup-env";

const PREFIX = `${IT}-tokup`;
const LAST_BEFORE = "20261204000000_resources";
const root = mkdtempSync(path.join(tmpdir(), "spawner-tokens-upgrade-"));
const database = path.join(root, "old.db");
const image = testSettings.USER_TEMPLATE_IMAGE_DEV;
const TABLES = ["User", "Session", "Template", "Workspace", "WorkspaceSecret", "KeptVolume", "AuditEvent"];
let app: AppServer | undefined;
let ada: ReturnType<typeof userInDatabase>;
let containerId = "";
const workspaceId = `w${randomBytes(8).toString("hex")}`;
const volume = `ws-tokup-${workspaceId}`;
const keptVolume = `ws-tokup-kept-${workspaceId}`;
let before: Record<string, Record<string, unknown>[]> = {};

beforeAll(() => {
  removeLabelled(PREFIX);
  migrateUpTo(root, database, LAST_BEFORE);
  ada = userInDatabase(`file:${database}`, "ada-tok");
  const boss = userInDatabase(`file:${database}`, "boss-tok");
  const db = new Database(database);
  const now = Date.now();
  ({ containerId } = seedOldPlatform(db, {
    prefix: PREFIX,
    image,
    admin: boss,
    owner: ada,
    workspaceId,
    volume,
    keptVolume,
    lastUsedAt: now,
  }));
  // What that version added: the owner's own quotas, the template's idle timeout, the run's start.
  db.prepare(`UPDATE "User" SET quotaWorkspaces = 7, quotaRunning = 2 WHERE id = ?`).run(ada.id);
  db.prepare(`UPDATE "Template" SET idleSeconds = 7200 WHERE id = 'tpl-dev'`).run();
  db.prepare(`UPDATE "Workspace" SET startedAt = ? WHERE id = ?`).run(now - 60_000, workspaceId);
  db.close();
  before = snapshotTables(database, TABLES);
});

afterAll(async () => {
  await app?.stop();
  removeLabelled(PREFIX);
  rmSync(root, { recursive: true, force: true });
});

describe("upgrading a database and workspaces made before API tokens", () => {
  it("keeps every row and value, and adds an empty token table", () => {
    migrateKeepingRows(database, before);
    const db = new Database(database);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "ApiToken"`).get()).toEqual({ n: 0 });
    db.close();
  });

  it("lists and opens the same running container with the old session, and a new token reaches it through v1", async () => {
    app = await startAppServer({ ...testSettings, DATABASE_URL: `file:${database}`, LABEL_PREFIX: PREFIX });
    const listed = JSON.parse((await getAs(`${app.url}/api/workspaces`, ada.cookie)).text);
    expect(listed.workspaces.find((w: { name: string }) => w.name === "dev")).toMatchObject({
      id: workspaceId,
      status: "running",
      container_id: containerId,
      idle_timeout_minutes: 120,
    });
    // A token, stored as the app stores one, made after the upgrade.
    const token = newToken();
    const db = new Database(database);
    db.prepare(
      `INSERT INTO "ApiToken" (id, userId, name, lookup, hash, scopes, expiresAt) VALUES ('t1', ?, 'ci', ?, ?, 'workspaces:write', ?)`,
    ).run(ada.id, tokenLookup(token), tokenHash(token), Date.now() + 86_400_000);
    db.close();
    const byToken = await fetch(`${app.url}/api/v1/workspaces/${workspaceId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(byToken.status).toBe(200);
    expect(await byToken.json()).toMatchObject({ id: workspaceId, status: "running", template: "dev" });
    const opened = await fetch(`${app.url}/api/v1/workspaces/${workspaceId}/start`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(opened.status).toBe(200);
    expect(docker("exec", containerId, "cat", "/workspace/notes.txt")).toBe("kept-through-upgrade");
    expect(docker("volume", "ls", "-q", "--filter", `name=${keptVolume}`)).toBe(keptVolume);
    expect(
      execFileSync("docker", ["ps", "-aq", "--no-trunc", "--filter", `label=${PREFIX}.managed-by=spawner`], {
        encoding: "utf8",
      }).trim(),
    ).toBe(containerId);
  });
});
