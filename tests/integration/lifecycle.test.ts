import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { type AppServer, startAppServer } from "../support/app-server";
import { createTestDatabase, userInDatabase } from "../support/database";
import { type DockerProxy, startDockerProxy } from "../support/docker-proxy";
import { openSse } from "../support/sse";
import { docker } from "../support/test-image";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { until } from "../support/wait";
import { testSettings } from "./setup-env";

const db = getDb();
let app: AppServer;
let user: TestUser;
// The app reaches the engine through this proxy, which tells which Docker requests are open.
let proxy: DockerProxy;

beforeAll(async () => {
  proxy = await startDockerProxy();
  app = await startAppServer({ ...testSettings, DOCKER_HOST: proxy.host });
  user = await userWithSession(db, uniqueEmail("life"));
});
afterAll(async () => {
  await app?.stop();
  await proxy?.down();
});

const call = async (method: string, path: string, who: TestUser = user) => {
  const response = await fetch(`${app.url}${path}`, { method, headers: { cookie: who.cookie } });
  return { status: response.status, body: await response.json() };
};
const statusNow = async () => (await call("GET", "/api/user/containers")).body.containers[0].status as string;
/** The caller's dev workspace id (the slot exists once launched). */
const devId = async (who: TestUser = user) =>
  (await db.workspace.findUniqueOrThrow({ where: { ownerId_name: { ownerId: who.id, name: "dev" } } })).id;
/** Resolves once read() gives expected; throws after withinMs. */
async function eventually(read: () => Promise<string>, expected: string, withinMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if ((await read()) === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`status did not become ${expected} within ${withinMs} ms (last: ${await read()})`);
}

/** Docker requests that follow a container's log and are still open. */
const openLogStreams = () => proxy.openRequests(/^GET \S*\/containers\/[0-9a-f]+\/logs\?\S*follow=(true|1)/);

describe("lifecycle actions over HTTP", () => {
  it("succeeds twice in a row for every action, ending with the slot back at not created", async () => {
    const launched = await call("POST", "/api/container/launch/dev");
    expect(launched.status).toBe(200);
    const id = launched.body.container_id;
    const ws = await devId();
    for (const [method, path, status] of [
      ["POST", `/api/workspaces/${ws}/stop`, "stopped"],
      ["POST", `/api/workspaces/${ws}/start`, "running"],
      ["POST", `/api/workspaces/${ws}/restart`, "running"],
    ] as const) {
      for (let round = 0; round < 2; round++) {
        const result = await call(method, path);
        expect(result, `${method} ${path} #${round + 1}`).toMatchObject({
          status: 200,
          body: { id: ws, name: "dev", status },
        });
      }
    }
    expect((await call("DELETE", `/api/workspaces/${ws}?keep_data=false`)).body).toEqual({
      deleted: true,
      kept_volume: null,
    });
    // Deleting again: it is gone.
    expect((await call("DELETE", `/api/workspaces/${ws}?keep_data=false`)).status).toBe(404);
    expect(await statusNow()).toBe("not_created");
    expect(docker("ps", "-aq", "--filter", `id=${id}`)).toBe("");
    expect(await db.workspace.count({ where: { ownerId: user.id } })).toBe(0);
  });

  it("answers restart and logs of a workspace with no container with 409, and unknown paths and actions with 404", async () => {
    const created = await fetch(`${app.url}/api/workspaces`, {
      method: "POST",
      headers: { cookie: user.cookie, "content-type": "application/json" },
      body: JSON.stringify({ name: "idle", template: "dev" }),
    });
    const ws = (await created.json()).id;
    expect(await call("POST", `/api/workspaces/${ws}/restart`)).toMatchObject({
      status: 409,
      body: { error: { code: "CONFLICT", message: expect.stringContaining("Start it first") } },
    });
    expect(await call("GET", `/api/workspaces/${ws}/logs?download=1`)).toMatchObject({
      status: 409,
      body: { error: { code: "CONFLICT" } },
    });
    expect(await call("POST", `/api/workspaces/${ws}/stop`)).toMatchObject({
      status: 200,
      body: { status: "not_created" },
    });
    expect((await call("POST", `/api/workspaces/${ws}/explode`)).body.error.code).toBe("NOT_FOUND");
    expect((await call("POST", "/api/workspaces/nope/stop")).body.error.code).toBe("WORKSPACE_NOT_FOUND");
    expect((await call("POST", "/api/container/launch/nope")).body.error.code).toBe("INVALID_CONTAINER_TYPE");
  });

  it("never lets another user act on a workspace: 404, and the container runs on", async () => {
    const launched = await call("POST", "/api/container/launch/dev");
    const ws = await devId();
    const other = await userWithSession(db, uniqueEmail("intruder"));
    for (const [method, path] of [
      ["GET", `/api/workspaces/${ws}`],
      ["POST", `/api/workspaces/${ws}/stop`],
      ["POST", `/api/workspaces/${ws}/restart`],
      ["POST", `/api/workspaces/${ws}/start`],
      ["DELETE", `/api/workspaces/${ws}?keep_data=false`],
      ["GET", `/api/workspaces/${ws}/stats`],
      ["GET", `/api/workspaces/${ws}/logs?download=1`],
    ] as const) {
      const result = await call(method, path, other);
      expect(result, `${method} ${path}`).toMatchObject({
        status: 404,
        body: { error: { code: "WORKSPACE_NOT_FOUND" } },
      });
    }
    expect(JSON.parse(docker("inspect", launched.body.container_id))[0].State.Running).toBe(true);
  });

  it("shows a `docker stop` from outside as stopped within 2 s, and `docker rm -f` as not created", async () => {
    const { body } = await call("POST", "/api/container/launch/dev");
    docker("stop", "-t", "1", body.container_id);
    await eventually(statusNow, "stopped", 2000);
    docker("rm", "-f", body.container_id);
    await eventually(statusNow, "not_created", 2000);
  });
});

describe("logs, stats and progress", () => {
  it("streams a line written after the subscription started, tells stdout from stderr, and closes Docker's stream", async () => {
    const { body } = await call("POST", "/api/container/launch/dev");
    expect(openLogStreams()).toEqual([]);
    const logs = await openSse(`${app.url}/api/workspaces/${await devId()}/logs`, user.cookie);
    await logs.waitFor(
      (e) => e.event === "line" && String((e.data as { text: string }).text).includes("is up"),
    );
    // The viewer's stream is exactly one following logs request to the engine, open while the viewer stays.
    expect(openLogStreams()).toHaveLength(1);
    expect(openLogStreams()[0]).toContain(body.container_id);

    const marker = `marker-${Date.now()}`;
    // PID 1 is the init process; writing to its stdout is writing to the container log.
    docker("exec", body.container_id, "/bin/busybox", "sh", "-c", `echo ${marker} > /proc/1/fd/1`);
    const line = await logs.waitFor(
      (e) => e.event === "line" && (e.data as { text: string }).text === marker,
    );
    expect(line.data).toEqual({ stream: "stdout", text: marker });
    await fetch(String(body.service_url));
    const stderr = await logs.waitFor(
      (e) => e.event === "line" && (e.data as { stream: string }).stream === "stderr",
    );
    expect((stderr.data as { text: string }).text).toMatch(/response:200|GET/);

    logs.close();
    await until(() => openLogStreams().length === 0, 2000, "the app did not end Docker's log stream");
  });

  it("downloads the whole log as text", async () => {
    const response = await fetch(`${app.url}/api/workspaces/${await devId()}/logs?download=1`, {
      headers: { cookie: user.cookie },
    });
    expect(response.headers.get("content-disposition")).toContain(`${user.slug}-dev.log`);
    expect(await response.text()).toContain("is up");
  });

  it("returns stats within the container's limits", async () => {
    const ws = await devId();
    const { status, body } = await call("GET", `/api/workspaces/${ws}/stats`);
    expect(status).toBe(200);
    expect(body.memory_limit_bytes).toBe(64 * 1024 * 1024);
    expect(body.memory_bytes).toBeGreaterThan(0);
    expect(body.memory_bytes).toBeLessThanOrEqual(body.memory_limit_bytes);
    expect(body.pids).toBeGreaterThanOrEqual(1);
    expect(body.pids).toBeLessThanOrEqual(64);
    expect(body.cpu_percent).toBeGreaterThanOrEqual(0);
    expect(body.network_rx_bytes).toBeGreaterThanOrEqual(0);
    await call("POST", `/api/workspaces/${ws}/stop`);
    expect((await call("GET", `/api/workspaces/${ws}/stats`)).status).toBe(409);
  });

  it("shows a finished launch's steps to a viewer who arrives after it, then ends the stream", async () => {
    await call("DELETE", `/api/workspaces/${await devId()}?keep_data=false`);
    expect((await call("POST", "/api/container/launch/dev")).status).toBe(200);
    // The slot's own progress stream, and the same launch seen through its workspace.
    const seen = await openSse(`${app.url}/api/workspaces/${await devId()}/progress`, user.cookie);
    await seen.ended;
    expect(seen.events.map((event) => (event.data as { status: string }).status)).toEqual(["ready"]);
    const progress = await openSse(`${app.url}/api/container/launch/dev/progress`, user.cookie);
    await progress.ended;
    expect(progress.events).toEqual([
      {
        event: "progress",
        data: {
          status: "ready",
          steps: [
            { id: "image", label: "Checking the image", state: "done" },
            { id: "create", label: "Creating the container", state: "done" },
            { id: "start", label: "Starting", state: "done" },
            { id: "ready", label: "Waiting for the service to answer", state: "done" },
          ],
        },
      },
    ]);
  });
});

describe("readiness", () => {
  it("gives a clear error when the service never answers", async () => {
    // Other template settings: a database of its own (templates are seeded from each server's settings).
    const own = createTestDatabase("slow");
    const user = userInDatabase(own.url, "slow");
    const slow = await startAppServer({
      ...testSettings,
      DATABASE_URL: own.url,
      USER_TEMPLATE_IMAGE_PROD: testSettings.USER_TEMPLATE_IMAGE_DEV,
      USER_TEMPLATE_PORT_PROD: "9999",
      READINESS_TIMEOUT_MS: "1500",
    });
    try {
      const started = Date.now();
      const launching = fetch(`${slow.url}/api/container/launch/prod`, {
        method: "POST",
        headers: { cookie: user.cookie },
      });
      // A viewer arriving mid-launch (a reload) picks the progress up where it is, then sees how it ends.
      const stateOf = (event: { data: unknown }) =>
        (event.data as { status: string; steps: { id: string; state: string }[] }).steps.map(
          (step) => `${step.id}:${step.state}`,
        );
      const open = () => openSse(`${slow.url}/api/container/launch/prod/progress`, user.cookie);
      let progress = await open();
      // Until the launch request has reached the server the snapshot is "idle" and the stream ends at once.
      for (let tries = 0; tries < 200; tries++) {
        const first = await progress.waitFor(() => true);
        if ((first.data as { status: string }).status === "running") break;
        progress.close();
        await new Promise((resolve) => setTimeout(resolve, 10));
        progress = await open();
      }
      const waiting = await progress.waitFor((e) => stateOf(e).includes("ready:active"));
      expect(stateOf(waiting)).toEqual(["image:done", "create:done", "start:done", "ready:active"]);
      const failed = await progress.waitFor((e) => (e.data as { status: string }).status === "error");
      expect(stateOf(failed)).toEqual(["image:done", "create:done", "start:done", "ready:error"]);
      expect(failed.data).toMatchObject({ error: { code: "CONTAINER_NOT_READY" } });

      const response = await launching;
      expect(response.status).toBe(504);
      expect((await response.json()).error).toMatchObject({
        code: "CONTAINER_NOT_READY",
        message: expect.stringContaining("did not answer within 2 s"),
      });
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await slow.stop();
      rmSync(own.dir, { recursive: true, force: true });
    }
  });
});
