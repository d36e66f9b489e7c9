import { rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { type AppServer, startAppServer } from "../support/app-server";
import { type DockerProxy, startDockerProxy } from "../support/docker-proxy";
import { waitForHttp } from "../support/http";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

// Two broken engines: a socket path with nothing behind it, and one that accepts and never answers.
const deadSocket = path.join(tmpdir(), `spawner-dead-${process.pid}.sock`);
const hungSocket = path.join(tmpdir(), `spawner-hung-${process.pid}.sock`);
let hung: Server;
const hungConnections = new Set<Socket>();
let user: TestUser;

beforeAll(async () => {
  rmSync(hungSocket, { force: true });
  // Accept and say nothing, like a wedged daemon.
  hung = createServer((socket) => {
    hungConnections.add(socket);
  });
  await new Promise<void>((resolve) => hung.listen(hungSocket, resolve));
  user = await userWithSession(getDb(), uniqueEmail("offline"));
});
afterAll(async () => {
  hung?.close();
  for (const socket of hungConnections) socket.destroy();
  rmSync(hungSocket, { force: true });
});

const ENGINE_ROUTES = [
  ["POST", "/api/container/launch/dev"],
  ["GET", "/api/user/containers"],
  ["GET", "/api/workspaces"],
] as const;

async function expectUnavailable(app: AppServer, method: string, route: string, who: TestUser) {
  const started = Date.now();
  const response = await fetch(`${app.url}${route}`, { method, headers: { cookie: who.cookie } });
  const elapsed = Date.now() - started;
  expect(response.status).toBe(503);
  const body = await response.json();
  expect(body.error.code).toBe("CONTAINER_ENGINE_UNAVAILABLE");
  expect(JSON.stringify(body)).not.toMatch(/sock|ECONN|ENOENT|at \w+ \(/);
  expect(elapsed).toBeLessThan(5000);
  expect(await getDb().workspace.count({ where: { ownerId: who.id } })).toBe(0);
}

describe.each([
  ["missing", deadSocket],
  ["hung", hungSocket],
])("with the Docker Engine %s", (_kind, socket) => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer({ ...testSettings, DOCKER_HOST: `unix://${socket}` });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it.each(ENGINE_ROUTES)(
    "%s %s answers 503 CONTAINER_ENGINE_UNAVAILABLE within 5 s",
    async (method, route) => {
      await expectUnavailable(app, method, route, user);
    },
  );

  it("reports the engine as down in /api/health", async () => {
    const response = await fetch(`${app.url}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ checks: { database: "ok", docker: "down" } });
  });
});

describe("with the Docker Engine going away and coming back", () => {
  let proxy: DockerProxy;
  let app: AppServer;
  let comeback: TestUser;
  beforeAll(async () => {
    proxy = await startDockerProxy();
    app = await startAppServer({ ...testSettings, DOCKER_HOST: proxy.host });
    comeback = await userWithSession(getDb(), uniqueEmail("comeback"));
  });
  afterAll(async () => {
    await app?.stop();
    await proxy?.down();
  });

  it("answers 503 while it is gone and works again once it is back, in the same app process", async () => {
    const pid = app.process.pid;
    const list = () => fetch(`${app.url}/api/user/containers`, { headers: { cookie: comeback.cookie } });
    expect((await list()).status).toBe(200);

    await proxy.down();
    for (const [method, route] of ENGINE_ROUTES) await expectUnavailable(app, method, route, comeback);
    expect((await fetch(`${app.url}/api/health`)).status).toBe(503);

    await proxy.up();
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    expect((await list()).status).toBe(200);
    const launched = await fetch(`${app.url}/api/container/launch/dev`, {
      method: "POST",
      headers: { cookie: comeback.cookie },
    });
    const body = await launched.json();
    expect(launched.status, JSON.stringify(body)).toBe(200);
    expect(await waitForHttp(body.service_url)).toContain(`Hello from ${comeback.slug}-dev`);
    expect((await (await list()).json()).containers[0]).toMatchObject({ type: "dev", status: "running" });
    expect(app.process.pid).toBe(pid);
    expect(app.process.exitCode).toBeNull();
  });
});
