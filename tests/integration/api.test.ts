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

    const mine = await (await call("/api/user/containers", { user: ada })).json();
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

    const theirs = await (await call("/api/user/containers", { user: bob })).json();
    expect(theirs.map((view: { status: string }) => view.status)).toEqual(["not_created", "not_created"]);
    expect(JSON.stringify(theirs)).not.toContain(body.container_id);
  });

  it("answers 400 INVALID_CONTAINER_TYPE for unknown types and creates nothing", async () => {
    for (const type of ["staging", "DEV", "dev%00", "prod.", "%64ev2", "a".repeat(300)]) {
      const response = await call(`/api/container/launch/${type}`, { method: "POST", user: bob });
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("INVALID_CONTAINER_TYPE");
    }
    expect(await db.userContainer.count({ where: { userId: bob.id } })).toBe(0);
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
      ["POST", "/api/containers/dev/start"],
      ["POST", "/api/containers/dev/stop"],
      ["POST", "/api/containers/dev/restart"],
      ["DELETE", "/api/containers/dev"],
      ["POST", "/api/auth/magic-link"],
      ["POST", "/api/auth/signout"],
      ["POST", "/api/auth/callback/nodemailer?token=x&email=a%40b.c"],
    ] as const;
    for (const [method, path] of routes) {
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
    expect(await db.userContainer.count({ where: { userId: bob.id } })).toBe(0);
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
    expect(await db.userContainer.count({ where: { userId: bob.id } })).toBe(0);
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
    expect(await db.userContainer.count({ where: { userId: carol.id } })).toBe(1);
  });

  it("reports a missing template image clearly and leaves nothing behind", async () => {
    const response = await call("/api/container/launch/prod", { method: "POST", user: bob });
    expect(response.status).toBe(500);
    const { error } = await response.json();
    expect(error.code).toBe("TEMPLATE_IMAGE_NOT_FOUND");
    expect(error.message).toContain("spawner-missing-image:never");
    expect(await db.userContainer.count({ where: { userId: bob.id } })).toBe(0);
  });
});

describe("forward-auth (as Traefik calls it)", () => {
  const ask = (user: TestUser | null, uri: string, uid?: string) =>
    call(`/api/forward-auth${uid ? `?uid=${uid}&type=dev` : ""}`, {
      user: user ?? undefined,
      headers: { "x-forwarded-uri": uri, "x-forwarded-host": "spawner.example", "x-forwarded-method": "GET" },
    });

  it("lets the owner and admins through and stops everyone else", async () => {
    const path = `/${ada.slug}-dev/index.html`;
    expect((await ask(ada, path, ada.id)).status).toBe(200);
    expect((await ask(admin, path, ada.id)).status).toBe(200);
    expect((await ask(bob, path, ada.id)).status).toBe(403);
    expect((await ask(null, path, ada.id)).status).toBe(401);
    expect((await ask(ada, `/${ada.slug}-dev`)).status).toBe(200);
    expect((await ask(bob, `/${ada.slug}-dev`)).status).toBe(403);
  });

  it("refuses a path that names another user's container than the route's owner", async () => {
    expect((await ask(bob, `/${bob.slug}-dev/../${ada.slug}-dev/`, ada.id)).status).toBe(403);
    expect((await ask(bob, `/${bob.slug}-dev/`, ada.id)).status).toBe(403);
    expect((await ask(bob, `/${ada.slug}-dev/`, bob.id)).status).toBe(403);
  });
});
