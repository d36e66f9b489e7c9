// Upgrading to the template-volume version loses nothing: a database as the API-token version left it — an admin, a
// user with a session, an admin-edited template (version 2), audit history, an API token, a running workspace with
// data on its volume, a kept volume and a sealed secret — is migrated in place. Every row keeps every value; every
// template reads as the local driver, no options, not shared, at the version it had; the same container is opened
// (not re-created) and its data is there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import {
  addTokenEraRows,
  expectWorkloadKept,
  type OldPlatform,
  oldPlatform,
  SEEDED_TABLES,
} from "../support/old-platform";
import { getAs, migrateKeepingRows } from "../support/old-workloads";
import { testSettings } from "./setup-env";

let app: AppServer | undefined;
let platform: OldPlatform;

beforeAll(() => {
  platform = oldPlatform({
    name: "volup",
    lastBefore: "20261205000000_api_tokens",
    image: testSettings.USER_TEMPLATE_IMAGE_DEV,
    tables: [...SEEDED_TABLES, "ApiToken"],
    lastUsedAt: Date.now(),
    // What the versions since added: a template's idle timeout, and a token of the owner's.
    extra: (db, { ada }) => addTokenEraRows(db, ada.id),
  });
});

afterAll(async () => {
  await app?.stop();
  platform?.cleanup();
});

describe("upgrading a database made before templates had a volume driver", () => {
  it("keeps every row and value, and every template's volume columns are empty (local, not shared)", () => {
    const after = migrateKeepingRows(platform.database, platform.before);
    expect(after.Template?.length).toBeGreaterThan(0);
    for (const template of after.Template ?? [])
      expect(template).toMatchObject({ volumeDriver: null, volumeOptions: null, volumeShared: null });
  });

  it("shows every template as local and unshared at its version, and opens the same running container", async () => {
    app = await startAppServer({
      ...testSettings,
      DATABASE_URL: `file:${platform.database}`,
      LABEL_PREFIX: platform.prefix,
    });
    const admin = JSON.parse((await getAs(`${app.url}/api/v1/admin/templates`, platform.boss.cookie)).text);
    for (const template of admin.templates)
      expect(template.volume).toEqual({ driver: "local", options: {}, shared: false });
    // The edited dev template was not bumped by the upgrade: its workspace is as up to date as before.
    expect(admin.templates.find((t: { name: string }) => t.name === "dev")).toMatchObject({
      version: 2,
      idle_timeout_minutes: 120,
    });
    const opened = await fetch(`${app.url}/api/workspaces/${platform.workspaceId}/start`, {
      method: "POST",
      headers: { cookie: platform.ada.cookie },
    });
    expect(opened.status).toBe(200);
    expect((await opened.json()).container_id).toBe(platform.containerId);
    expectWorkloadKept(platform);
  });
});
