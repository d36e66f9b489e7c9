// Upgrading to the API-token version loses nothing: a database as the resources version left it — an admin, a user
// with a session and their own quota, an admin-edited template with an idle timeout, audit history, a running
// workspace with data on its volume, a kept volume and a sealed secret — is migrated in place. Every row keeps every
// value; the same container is listed and opened (not re-created) with the old session, and a token made after the
// upgrade reaches it through the versioned API.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newToken, tokenHash, tokenLookup } from "@/lib/tokens/token-format";
import { type AppServer, startAppServer } from "../support/app-server";
import { expectWorkloadKept, type OldPlatform, oldPlatform } from "../support/old-platform";
import { getAs, migrateKeepingRows } from "../support/old-workloads";
import { testSettings } from "./setup-env";

let app: AppServer | undefined;
let platform: OldPlatform;

beforeAll(() => {
  platform = oldPlatform({
    name: "tokup",
    lastBefore: "20261204000000_resources",
    image: testSettings.USER_TEMPLATE_IMAGE_DEV,
    lastUsedAt: Date.now(),
    // What that version added: the owner's own quotas, the template's idle timeout, the run's start.
    extra: (db, { ada, workspaceId }) => {
      db.prepare(`UPDATE "User" SET quotaWorkspaces = 7, quotaRunning = 2 WHERE id = ?`).run(ada.id);
      db.prepare(`UPDATE "Template" SET idleSeconds = 7200 WHERE id = 'tpl-dev'`).run();
      db.prepare(`UPDATE "Workspace" SET startedAt = ? WHERE id = ?`).run(Date.now() - 60_000, workspaceId);
    },
  });
});

afterAll(async () => {
  await app?.stop();
  platform?.cleanup();
});

describe("upgrading a database and workspaces made before API tokens", () => {
  it("keeps every row and value, and adds an empty token table", () => {
    migrateKeepingRows(platform.database, platform.before);
    const db = new Database(platform.database);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "ApiToken"`).get()).toEqual({ n: 0 });
    db.close();
  });

  it("lists and opens the same running container with the old session, and a new token reaches it through v1", async () => {
    app = await startAppServer({
      ...testSettings,
      DATABASE_URL: `file:${platform.database}`,
      LABEL_PREFIX: platform.prefix,
    });
    const listed = JSON.parse((await getAs(`${app.url}/api/workspaces`, platform.ada.cookie)).text);
    expect(listed.workspaces.find((w: { name: string }) => w.name === "dev")).toMatchObject({
      id: platform.workspaceId,
      status: "running",
      container_id: platform.containerId,
      idle_timeout_minutes: 120,
    });
    // A token, stored as the app stores one, made after the upgrade.
    const token = newToken();
    const db = new Database(platform.database);
    db.prepare(
      `INSERT INTO "ApiToken" (id, userId, name, lookup, hash, scopes, expiresAt) VALUES ('t1', ?, 'ci', ?, ?, 'workspaces:write', ?)`,
    ).run(platform.ada.id, tokenLookup(token), tokenHash(token), Date.now() + 86_400_000);
    db.close();
    const byToken = await fetch(`${app.url}/api/v1/workspaces/${platform.workspaceId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(byToken.status).toBe(200);
    expect(await byToken.json()).toMatchObject({
      id: platform.workspaceId,
      status: "running",
      template: "dev",
    });
    const opened = await fetch(`${app.url}/api/v1/workspaces/${platform.workspaceId}/start`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(opened.status).toBe(200);
    expectWorkloadKept(platform);
  });
});
