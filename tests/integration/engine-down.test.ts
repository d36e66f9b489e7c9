import { rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { type AppServer, startAppServer } from "../support/app-server";
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

  it.each([
    ["POST", "/api/container/launch/dev"],
    ["GET", "/api/user/containers"],
  ])("%s %s answers 503 CONTAINER_ENGINE_UNAVAILABLE within 5 s", async (method, route) => {
    const started = Date.now();
    const response = await fetch(`${app.url}${route}`, { method, headers: { cookie: user.cookie } });
    const elapsed = Date.now() - started;
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.error.code).toBe("CONTAINER_ENGINE_UNAVAILABLE");
    expect(JSON.stringify(body)).not.toMatch(/sock|ECONN|ENOENT|at \w+ \(/);
    expect(elapsed).toBeLessThan(5000);
    expect(await getDb().userContainer.count({ where: { userId: user.id } })).toBe(0);
  });

  it("reports the engine as down in /api/health", async () => {
    const response = await fetch(`${app.url}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ checks: { database: "ok", docker: "down" } });
  });
});
