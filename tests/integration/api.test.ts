import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { type AppServer, startAppServer } from "../support/app-server";
import { waitForHttp } from "../support/http";
import { IT } from "../support/prefixes";
import { docker } from "../support/test-image";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const db = getDb();
let app: AppServer;
let ada: TestUser;
let bob: TestUser;
let admin: TestUser;

beforeAll(async () => {
  app = await startAppServer(testSettings);
  ada = await userWithSession(db, uniqueEmail("ada"));
  bob = await userWithSession(db, uniqueEmail("bob"));
  admin = await userWithSession(db, uniqueEmail("root"), "ADMIN");
});
afterAll(async () => {
  await app?.stop();
});

const call = (path: string, init: RequestInit & { user?: TestUser } = {}) =>
  fetch(`${app.url}${path}`, {
    ...init,
    headers: {
      ...(init.user ? { cookie: init.user.cookie } : {}),
      ...(init.headers as Record<string, string>),
    },
  });

describe("container API over HTTP", () => {
  it("answers 401 with a JSON error to callers without a session", async () => {
    for (const [method, path] of [
      ["GET", "/api/user/containers"],
      ["POST", "/api/container/launch/dev"],
    ] as const) {
      const response = await call(path, { method });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: "UNAUTHENTICATED", message: expect.any(String) },
        timestamp: expect.any(String),
        path,
      });
    }
  });

  it("launches the caller's container and lists it as running; other users never see it", async () => {
    const response = await call("/api/container/launch/dev", { method: "POST", user: ada });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      message: expect.any(String),
      service_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/),
      container_id: expect.stringMatching(/^[0-9a-f]{64}$/),
      status: "running",
    });
    expect(await waitForHttp(body.service_url)).toContain(`Hello from ${ada.slug}-dev`);

    const answer = await (await call("/api/user/containers", { user: ada })).json();
    expect(Object.keys(answer)).toEqual(["containers"]);
    const mine = answer.containers;
    expect(mine).toHaveLength(2);
    expect(mine[0]).toMatchObject({ type: "dev", status: "running", container_id: body.container_id });
    expect(Object.keys(mine[0]).sort()).toEqual(
      [
        "container_id",
        "created_at",
        "description",
        "display_name",
        "last_used",
        "service_url",
        "status",
        "type",
      ].sort(),
    );

    const theirs = (await (await call("/api/user/containers", { user: bob })).json()).containers;
    expect(theirs.map((view: { status: string }) => view.status)).toEqual(["not_created", "not_created"]);
    expect(JSON.stringify(theirs)).not.toContain(body.container_id);
  });

  it("answers 400 INVALID_CONTAINER_TYPE for unknown types and creates nothing", async () => {
    for (const type of ["staging", "DEV", "dev%00", "prod.", "%64ev2", "a".repeat(300)]) {
      const response = await call(`/api/container/launch/${type}`, { method: "POST", user: bob });
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("INVALID_CONTAINER_TYPE");
    }
    expect(await db.workspace.count({ where: { ownerId: bob.id } })).toBe(0);
  });

  it("answers unknown API paths with a JSON 404", async () => {
    for (const path of ["/api/nope", "/api/container/launch/dev/extra", "/api/container/launch/%2e%2e"]) {
      const response = await call(path, { method: "POST", user: bob });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("NOT_FOUND");
    }
  });

  it("refuses cross-origin and opaque-origin requests on every state-changing route", async () => {
    const routes = [
      ["POST", "/api/container/launch/dev"],
      ["POST", "/api/workspaces"],
      ["POST", "/api/workspaces/WS/start"],
      ["POST", "/api/workspaces/WS/stop"],
      ["POST", "/api/workspaces/WS/restart"],
      ["PATCH", "/api/workspaces/WS"],
      ["DELETE", "/api/workspaces/WS"],
      ["DELETE", "/api/volumes/none"],
      ["POST", "/api/auth/magic-link"],
      ["POST", "/api/auth/signout"],
      ["POST", "/api/auth/callback/nodemailer?token=x&email=a%40b.c"],
    ] as const;
    const bobsDev = (await (await call("/api/workspaces", { user: bob })).json()).workspaces[0]?.id ?? "none";
    for (const [method, rawPath] of routes) {
      const path = rawPath.replace("WS", bobsDev);
      for (const origin of ["https://evil.example", "null", `http://127.0.0.1.evil.example`]) {
        const response = await call(path, {
          method,
          user: bob,
          headers: { origin, "content-type": "application/json" },
          body: method === "POST" ? JSON.stringify({ email: "victim@example.com" }) : undefined,
        });
        expect(response.status, `${method} ${path} from ${origin}`).toBe(403);
        expect((await response.json()).error.code).toBe("CROSS_ORIGIN");
      }
    }
    expect(await db.workspace.count({ where: { ownerId: bob.id } })).toBe(0);
    expect(await db.signInAttempt.count({ where: { email: "victim@example.com" } })).toBe(0);
  });

  it("refuses cross-origin launches", async () => {
    for (const origin of ["https://evil.example", "null"]) {
      const response = await call("/api/container/launch/dev", {
        method: "POST",
        user: bob,
        headers: { origin },
      });
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe("CROSS_ORIGIN");
    }
    expect(await db.workspace.count({ where: { ownerId: bob.id } })).toBe(0);
  });

  it("gives twenty parallel HTTP launches one container and the same id in every answer", async () => {
    const carol = await userWithSession(db, uniqueEmail("carol"));
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => call("/api/container/launch/dev", { method: "POST", user: carol })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    const ids = new Set(
      await Promise.all(responses.map(async (response) => (await response.json()).container_id)),
    );
    expect(ids.size).toBe(1);
    const labelled = docker("ps", "-aq", "--filter", `label=${IT}.owner-id=${carol.id}`);
    expect(labelled.split("\n").filter(Boolean)).toHaveLength(1);
    expect(await db.workspace.count({ where: { ownerId: carol.id } })).toBe(1);
  });

  it("reports a missing template image clearly and leaves nothing behind", async () => {
    const response = await call("/api/container/launch/prod", { method: "POST", user: bob });
    expect(response.status).toBe(500);
    const { error } = await response.json();
    expect(error.code).toBe("TEMPLATE_IMAGE_NOT_FOUND");
    expect(error.message).toContain("spawner-missing-image:never");
    expect(await db.workspace.count({ where: { ownerId: bob.id } })).toBe(0);
  });
});

describe("forward-auth (as Traefik calls it)", () => {
  const ask = (user: TestUser | null, uri: string, query = "") =>
    call(`/api/forward-auth${query}`, {
      user: user ?? undefined,
      headers: { "x-forwarded-uri": uri, "x-forwarded-host": "spawner.example", "x-forwarded-method": "GET" },
    });
  const adasDev = async () =>
    (await db.workspace.findUniqueOrThrow({ where: { ownerId_name: { ownerId: ada.id, name: "dev" } } })).id;

  it("lets the owner and admins through and stops everyone else", async () => {
    const ws = `?ws=${await adasDev()}`;
    const path = `/${ada.slug}-dev/index.html`;
    expect((await ask(ada, path, ws)).status).toBe(200);
    expect((await ask(admin, path, ws)).status).toBe(200);
    expect((await ask(bob, path, ws)).status).toBe(403);
    expect((await ask(null, path, ws)).status).toBe(401);
    expect((await ask(ada, `/${ada.slug}-dev`)).status).toBe(200);
    expect((await ask(bob, `/${ada.slug}-dev`)).status).toBe(403);
    // Routes made before workspaces name the owner instead (?uid=&type=).
    expect((await ask(ada, path, `?uid=${ada.id}&type=dev`)).status).toBe(200);
    expect((await ask(bob, path, `?uid=${ada.id}&type=dev`)).status).toBe(403);
  });

  it("refuses a path that names another workspace than the route's", async () => {
    const bobsWorkspace = (
      await (
        await call("/api/workspaces", {
          user: bob,
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name: "fa", template: "dev" }),
        })
      ).json()
    ).id;
    const ws = `?ws=${await adasDev()}`;
    expect((await ask(bob, `/${bob.slug}-fa/../${ada.slug}-dev/`, ws)).status).toBe(403);
    expect((await ask(bob, `/${bob.slug}-fa/`, ws)).status).toBe(403);
    expect((await ask(bob, `/${ada.slug}-dev/`, `?ws=${bobsWorkspace}`)).status).toBe(403);
    expect((await ask(bob, `/${bob.slug}-fa/`, `?ws=${bobsWorkspace}`)).status).toBe(200);
    expect((await ask(bob, `/${ada.slug}-dev/`, `?uid=${bob.id}`)).status).toBe(403);
  });
});

describe("workspaces API", () => {
  it("serves every app of a template with several: its own port and URL, ready once the health path passes", async () => {
    const fay = await userWithSession(db, uniqueEmail("fay"));
    const created = await call("/api/workspaces", {
      method: "POST",
      user: fay,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "editor", template: "ide" }),
    });
    const { id } = await created.json();
    const started = await call(`/api/workspaces/${id}/start`, { method: "POST", user: fay });
    expect(started.status).toBe(200);
    const view = await started.json();
    expect(view.apps).toEqual([
      { name: "ide", port: 8080, primary: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/) },
      {
        name: "app",
        port: 3000,
        primary: false,
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/),
      },
    ]);
    expect(view.apps[0].url).not.toBe(view.apps[1].url);
    expect(view.service_url).toBe(view.apps[0].url);
    expect(await (await fetch(`${view.apps[0].url}healthz`)).text()).toBe("ok\n");
    // The IDE's own limits: more memory than a small service.
    expect(view.settings.limits.memory_mb).toBeGreaterThanOrEqual(1024);
  });

  const json = (user: TestUser, method: string, path: string, body?: unknown) =>
    call(path, {
      method,
      user,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("creates a workspace (201), lists it after the slots, reads, changes and deletes it", async () => {
    const dora = await userWithSession(db, uniqueEmail("dora"));
    const created = await json(dora, "POST", "/api/workspaces", {
      name: "notes",
      display_name: "Notes",
      template: "dev",
      env: [{ key: "A", value: "1" }],
      secret_files: [{ path: "~/.netrc", content: "machine x password hunter2" }],
    });
    expect(created.status).toBe(201);
    const view = await created.json();
    expect(view).toMatchObject({
      name: "notes",
      display_name: "Notes",
      status: "not_created",
      template: { name: "dev" },
    });
    expect(JSON.stringify(view)).not.toContain("hunter2");
    await json(dora, "POST", "/api/container/launch/dev");
    const listed = await (await json(dora, "GET", "/api/workspaces")).json();
    expect(listed.workspaces.map((w: { name: string }) => w.name)).toEqual(["dev", "notes"]);

    const started = await json(dora, "POST", `/api/workspaces/${view.id}/start`);
    expect(started.status).toBe(200);
    expect(await started.json()).toMatchObject({
      status: "running",
      service_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/),
    });
    const changed = await json(dora, "PATCH", `/api/workspaces/${view.id}`, {
      display_name: "Renamed",
      env: [],
    });
    expect(await changed.json()).toMatchObject({
      takes: "recreate",
      applied: false,
      workspace: { display_name: "Renamed", pending_change: "recreate" },
    });

    expect((await json(dora, "DELETE", `/api/workspaces/${view.id}?keep_data=maybe`)).status).toBe(400);
    const deleted = await json(dora, "DELETE", `/api/workspaces/${view.id}?keep_data=false`);
    expect(await deleted.json()).toEqual({ deleted: true, kept_volume: null });
    expect((await json(dora, "GET", `/api/workspaces/${view.id}`)).status).toBe(404);
  });

  it("answers every bad field at once with 400 and its path, and creates nothing", async () => {
    const eve = await userWithSession(db, uniqueEmail("eve"));
    const response = await json(eve, "POST", "/api/workspaces", {
      name: "Bad Name",
      template: "dev",
      env: [{ key: "USER_SLUG", value: "x" }],
      limits: { memory_mb: 1_000_000 },
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { name: [expect.any(String)], "env.0.key": [expect.any(String)] },
    });
    const maxima = await json(eve, "POST", "/api/workspaces", {
      name: "ok",
      template: "dev",
      limits: { memory_mb: 1_000_000 },
    });
    expect((await maxima.json()).error.fields).toEqual({
      "limits.memory_mb": [expect.stringContaining("at most")],
    });
    const unknown = await json(eve, "POST", "/api/workspaces", { name: "ok", template: "nope" });
    expect((await unknown.json()).error).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { template: [expect.any(String)] },
    });
    expect(await db.workspace.count({ where: { ownerId: eve.id } })).toBe(0);
  });

  it("lists the templates with their apps and limits, and the caller's kept volumes", async () => {
    const templates = await (await json(ada, "GET", "/api/templates")).json();
    expect(templates.templates.map((t: { name: string }) => t.name)).toEqual(["dev", "ide", "prod"]);
    expect(templates.templates[0]).toMatchObject({
      apps: [{ name: "web", port: 8080, primary: true }],
      data_path: "/workspace",
      limits: { default: { memory_mb: 64 }, max: { memory_mb: 2048 } },
    });
    expect(await (await json(ada, "GET", "/api/volumes")).json()).toEqual({ volumes: [] });
  });
});
