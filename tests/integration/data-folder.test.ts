// The data folder belongs to the workspace's user whatever the image: one with its own /workspace (copied into a
// fresh volume with its owner) and one without (the volume's root is root's until the app hands it over).
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { createTestDatabase, userInDatabase } from "../support/database";
import { docker, TEST_IMAGE_WITHOUT_DATA } from "../support/test-image";
import { testSettings } from "./setup-env";

// Another dev template image than the shared database's: a database of its own.
const own = createTestDatabase("data-folder");
let app: AppServer;
let user: { cookie: string };

beforeAll(async () => {
  app = await startAppServer({
    ...testSettings,
    DATABASE_URL: own.url,
    USER_TEMPLATE_IMAGE_PROD: testSettings.USER_TEMPLATE_IMAGE_DEV,
    USER_TEMPLATE_IMAGE_DEV: TEST_IMAGE_WITHOUT_DATA,
  });
  user = userInDatabase(own.url, "data");
});
afterAll(async () => {
  await app?.stop();
  rmSync(own.dir, { recursive: true, force: true });
});

const launch = async (type: string) => {
  const response = await fetch(`${app.url}/api/container/launch/${type}`, {
    method: "POST",
    headers: { cookie: user.cookie },
  });
  expect(response.status).toBe(200);
  return (await response.json()).container_id as string;
};

describe("the data folder", () => {
  it("is handed to the user in an image without one, and stays theirs with the image's own", async () => {
    for (const type of ["dev", "prod", "dev"]) {
      const id = await launch(type);
      expect(docker("exec", id, "stat", "-c", "%u:%g", "/workspace"), type).toBe("1000:1000");
      expect(docker("exec", id, "sh", "-c", "echo ok > /workspace/probe && cat /workspace/probe")).toBe("ok");
    }
  });

  it("of a second workspace from the image without one is handed over too (what was learned holds)", async () => {
    const created = await fetch(`${app.url}/api/workspaces`, {
      method: "POST",
      headers: { cookie: user.cookie, "content-type": "application/json" },
      body: JSON.stringify({ name: "second", template: "dev" }),
    });
    const { id } = await created.json();
    const started = await (
      await fetch(`${app.url}/api/workspaces/${id}/start`, {
        method: "POST",
        headers: { cookie: user.cookie },
      })
    ).json();
    expect(docker("exec", started.container_id, "stat", "-c", "%u:%g", "/workspace")).toBe("1000:1000");
  });
});
