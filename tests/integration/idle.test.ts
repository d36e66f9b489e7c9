// Idle shutdown against the built server, the real engine and a database of its own (its templates carry a
// 3-second idle timeout, which the shared database must not see): requests through forward-auth keep a workspace
// up, so does an open WebSocket (no request at all while it lives), the dashboard polling does not, and a quiet
// one is stopped — with reason inactivity, data kept — within the timeout and one culler period, then simply
// starts again. A template's maximum lifetime stops one however busy it is.
import { rmSync } from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { createTestDatabase, userInDatabase } from "../support/database";
import { IT } from "../support/prefixes";
import { docker, removeLabelled } from "../support/test-image";
import { openWebSocket } from "../support/websocket";
import { testSettings } from "./setup-env";

const own = createTestDatabase("idle");
const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: own.url }) });
const PREFIX = `${IT}-idle`;
const IDLE_SECONDS = 3;
const CULL_MS = 500;
// The most a stop may take once the culler decided (the engine stops the test image in well under a second).
const STOP_SLACK_MS = 3000;

type User = { id: string; cookie: string };
let app: AppServer;
let ada: User;

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { cookie: ada.cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

type View = {
  id: string;
  status: string;
  stopped_reason: string | null;
  idle_timeout_minutes: number;
  apps: { name: string; url: string | null }[];
};
const view = async (id: string) => (await call("GET", `/api/workspaces/${id}`)).body as View;

/** A new workspace of the template, started; its id. */
async function started(name: string, template: string): Promise<string> {
  const created = await call("POST", "/api/workspaces", { name, template });
  expect(created.status).toBe(201);
  const start = await call("POST", `/api/workspaces/${created.body.id}/start`);
  expect(start.body.status).toBe("running");
  return created.body.id;
}

/** What Traefik asks before each request to the workspace (path routing: /{routeKey}/…), with the owner's cookie. */
async function requestThroughProxy(id: string): Promise<number> {
  const { routeKey } = await db.workspace.findUniqueOrThrow({ where: { id } });
  const response = await fetch(`${app.url}/api/forward-auth`, {
    headers: {
      cookie: ada.cookie,
      "x-forwarded-uri": `/${routeKey}/index.html`,
      "x-forwarded-method": "GET",
    },
  });
  return response.status;
}

/** Runs `tick` every intervalMs for durationMs. */
async function during(durationMs: number, intervalMs: number, tick: () => Promise<unknown>) {
  for (const end = Date.now() + durationMs; Date.now() < end; ) {
    await tick();
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Milliseconds until the workspace is stopped (throws after withinMs). */
async function msUntilStopped(id: string, withinMs: number): Promise<number> {
  const from = Date.now();
  while (Date.now() - from < withinMs) {
    if ((await view(id)).status === "stopped") return Date.now() - from;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not stopped within ${withinMs} ms: ${JSON.stringify(await view(id))}`);
}

beforeAll(async () => {
  removeLabelled(PREFIX);
  app = await startAppServer({
    ...testSettings,
    DATABASE_URL: own.url,
    LABEL_PREFIX: PREFIX,
    RECONCILER: "off",
    IDLE_TIMEOUT: `${IDLE_SECONDS}s`,
    CULL_INTERVAL_MS: String(CULL_MS),
    ACTIVITY_FLUSH_MS: "300",
  });
  ada = userInDatabase(own.url, "ada");
  // Two apps: the page on 8080 and a WebSocket endpoint on 8081 (tests/support/test-image.ts).
  await db.template.create({
    data: {
      name: "sockets",
      displayName: "Sockets",
      image: testSettings.USER_TEMPLATE_IMAGE_DEV,
      apps: JSON.stringify([
        { name: "web", port: 8080, primary: true },
        { name: "live", port: 8081 },
      ]),
      defaultMemoryMb: 64,
      maxMemoryMb: 64,
      defaultCpus: 0.5,
      maxCpus: 0.5,
      defaultPids: 64,
      maxPids: 64,
      idleSeconds: IDLE_SECONDS,
    },
  });
}, 90_000);
afterAll(async () => {
  await app?.stop();
  removeLabelled(PREFIX);
  await db.$disconnect();
  rmSync(own.dir, { recursive: true, force: true });
});

describe("idle shutdown", () => {
  it("keeps a workspace with traffic up, and stops it once quiet, within the timeout and one culler period", async () => {
    const id = await started("busy", "dev");
    expect((await view(id)).idle_timeout_minutes).toBe(IDLE_SECONDS / 60);
    // Three timeouts long, a request every half second: never idle.
    let lastRequestAt = 0;
    await during(IDLE_SECONDS * 3000, 500, async () => {
      expect(await requestThroughProxy(id)).toBe(200);
      lastRequestAt = Date.now();
    });
    expect((await view(id)).status).toBe("running");

    await msUntilStopped(id, IDLE_SECONDS * 1000 + CULL_MS + STOP_SLACK_MS + 2000);
    const sinceLastRequest = Date.now() - lastRequestAt;
    console.info(
      `[idle] stopped ${sinceLastRequest} ms after the last request (timeout ${IDLE_SECONDS * 1000} ms)`,
    );
    expect(sinceLastRequest).toBeGreaterThanOrEqual(IDLE_SECONDS * 1000);
    expect(sinceLastRequest).toBeLessThanOrEqual(IDLE_SECONDS * 1000 + CULL_MS + STOP_SLACK_MS);
    expect((await view(id)).stopped_reason).toBe("inactivity");
    // Stopped, never removed: the container and its volume are there.
    const row = await db.workspace.findUniqueOrThrow({ where: { id } });
    expect(docker("inspect", "-f", "{{.State.Status}}", row.workloadName)).toBe("exited");
    expect(docker("volume", "ls", "-q", "--filter", `name=${row.volumeName}`)).toBe(row.volumeName);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "workspace.stop", targetId: id } });
    expect(event).toMatchObject({ via: "system", outcome: "ok" });
    expect(JSON.parse(event.details)).toMatchObject({ reason: "inactivity" });

    // The next launch simply starts it again, and the reason is gone.
    expect((await call("POST", `/api/workspaces/${id}/start`)).body).toMatchObject({
      status: "running",
      stopped_reason: null,
    });
    await call("POST", `/api/workspaces/${id}/stop`);
    expect((await view(id)).stopped_reason).toBe("manual");
  }, 60_000);

  it("does not count the dashboard or the workspace page asking for status", async () => {
    const id = await started("watched", "dev");
    // What an open dashboard and workspace page do: poll the lists and the workspace, never the workload.
    const polling = during(IDLE_SECONDS * 3000, 300, async () => {
      await call("GET", "/api/workspaces");
      await call("GET", "/api/user/containers");
      await view(id);
    });
    await msUntilStopped(id, IDLE_SECONDS * 1000 + CULL_MS + STOP_SLACK_MS + 1000);
    await polling;
    expect((await view(id)).stopped_reason).toBe("inactivity");
  }, 60_000);

  it("keeps a workspace up while a WebSocket to it is open, and stops it once it closed", async () => {
    const id = await started("live", "sockets");
    const url = (await view(id)).apps.find((app) => app.name === "live")?.url ?? "";
    const socket = await openWebSocket(url.replace(/^http/, "ws"));
    // No request at all for three timeouts: only the open connection says someone is there.
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 3000));
    expect((await view(id)).status).toBe("running");
    socket.close();
    const waited = await msUntilStopped(id, IDLE_SECONDS * 1000 + CULL_MS + STOP_SLACK_MS + 2000);
    expect(waited).toBeLessThanOrEqual(IDLE_SECONDS * 1000 + CULL_MS + STOP_SLACK_MS + 1000);
    expect((await view(id)).stopped_reason).toBe("inactivity");
  }, 60_000);

  it("stops a workspace past its template's maximum lifetime, however busy", async () => {
    await db.template.update({ where: { name: "sockets" }, data: { maxLifetimeSeconds: 4 } });
    try {
      const id = await started("lifetime", "sockets");
      // Opening a running workspace again is no new run: its lifetime goes on.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await call("POST", `/api/workspaces/${id}/start`)).body.status).toBe("running");
      const traffic = during(8000, 300, () => requestThroughProxy(id));
      await msUntilStopped(id, 4000 - 1500 + CULL_MS + STOP_SLACK_MS + 1000);
      await traffic;
      expect((await view(id)).stopped_reason).toBe("lifetime");
    } finally {
      await db.template.update({ where: { name: "sockets" }, data: { maxLifetimeSeconds: 0 } });
    }
  }, 60_000);

  it("refuses a workspace's own idle timeout beyond its template's, creating nothing", async () => {
    const refused = await call("POST", "/api/workspaces", {
      name: "long",
      template: "dev",
      idle_timeout_minutes: 10,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.idle_timeout_minutes[0]).toContain("at most 3 seconds");
    expect(await db.workspace.count({ where: { name: "long" } })).toBe(0);
  });

  it("takes a workspace's own shorter idle timeout, and follows its template's again on null", async () => {
    await db.template.update({ where: { name: "sockets" }, data: { idleSeconds: 3600 } });
    try {
      const created = await call("POST", "/api/workspaces", {
        name: "own",
        template: "sockets",
        idle_timeout_minutes: 5,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        idle_timeout_minutes: 5,
        idle_timeout_max_minutes: 60,
        settings: { idle_timeout_minutes: 5 },
      });
      const longer = await call("PATCH", `/api/workspaces/${created.body.id}`, { idle_timeout_minutes: 61 });
      expect(longer.status).toBe(400);
      const back = await call("PATCH", `/api/workspaces/${created.body.id}`, { idle_timeout_minutes: null });
      expect(back.body).toMatchObject({
        takes: "none",
        workspace: { idle_timeout_minutes: 60, settings: { idle_timeout_minutes: null } },
      });
    } finally {
      await db.template.update({ where: { name: "sockets" }, data: { idleSeconds: IDLE_SECONDS } });
    }
  });
});
