import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { type AppServer, startAppServer } from "../support/app-server";
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
const statusNow = async () => (await call("GET", "/api/user/containers")).body[0].status as string;
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
  it("succeeds twice in a row for every action, ending with the card back at not created", async () => {
    const launched = await call("POST", "/api/container/launch/dev");
    expect(launched.status).toBe(200);
    const id = launched.body.container_id;
    for (const [method, path, status] of [
      ["POST", "/api/containers/dev/stop", "stopped"],
      ["POST", "/api/containers/dev/start", "running"],
      ["POST", "/api/containers/dev/restart", "running"],
      ["DELETE", "/api/containers/dev", "not_created"],
    ] as const) {
      for (let round = 0; round < 2; round++) {
        const result = await call(method, path);
        expect(result, `${method} ${path} #${round + 1}`).toMatchObject({
          status: 200,
          body: { type: "dev", status },
        });
      }
    }
    expect(docker("ps", "-aq", "--filter", `id=${id}`)).toBe("");
    expect(await db.userContainer.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers start and restart of a container that does not exist with 404, and unknown actions with 404", async () => {
    expect((await call("POST", "/api/containers/prod/start")).status).toBe(404);
    expect((await call("POST", "/api/containers/prod/restart")).status).toBe(404);
    expect((await call("POST", "/api/containers/prod/stop")).status).toBe(200);
    expect((await call("POST", "/api/containers/dev/explode")).body.error.code).toBe("NOT_FOUND");
    expect((await call("POST", "/api/containers/nope/stop")).body.error.code).toBe("INVALID_CONTAINER_TYPE");
  });

  it("never lets another user act on a container", async () => {
    const launched = await call("POST", "/api/container/launch/dev");
    const other = await userWithSession(db, uniqueEmail("intruder"));
    // Another user's requests act on their own (empty) slot: done, and nothing of the owner's is in the answer.
    for (const [method, path] of [
      ["POST", "/api/containers/dev/stop"],
      ["DELETE", "/api/containers/dev"],
    ] as const) {
      const result = await call(method, path, other);
      expect(result, `${method} ${path}`).toMatchObject({
        status: 200,
        body: { type: "dev", status: "not_created", container_id: null },
      });
    }
    for (const path of ["/api/containers/dev/start", "/api/containers/dev/restart"]) {
      const result = await call("POST", path, other);
      expect(result, path).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
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
    const logs = await openSse(`${app.url}/api/containers/dev/logs`, user.cookie);
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
    const response = await fetch(`${app.url}/api/containers/dev/logs?download=1`, {
      headers: { cookie: user.cookie },
    });
    expect(response.headers.get("content-disposition")).toContain(`${user.slug}-dev.log`);
    expect(await response.text()).toContain("is up");
  });

  it("returns stats within the container's limits", async () => {
    const { status, body } = await call("GET", "/api/containers/dev/stats");
    expect(status).toBe(200);
    expect(body.memory_limit_bytes).toBe(64 * 1024 * 1024);
    expect(body.memory_bytes).toBeGreaterThan(0);
    expect(body.memory_bytes).toBeLessThanOrEqual(body.memory_limit_bytes);
    expect(body.pids).toBeGreaterThanOrEqual(1);
    expect(body.pids).toBeLessThanOrEqual(64);
    expect(body.cpu_percent).toBeGreaterThanOrEqual(0);
    expect(body.network_rx_bytes).toBeGreaterThanOrEqual(0);
    await call("POST", "/api/containers/dev/stop");
    expect((await call("GET", "/api/containers/dev/stats")).status).toBe(409);
  });

  it("shows a finished launch's steps to a viewer who arrives after it, then ends the stream", async () => {
    await call("DELETE", "/api/containers/dev");
    expect((await call("POST", "/api/container/launch/dev")).status).toBe(200);
    const progress = await openSse(`${app.url}/api/containers/dev/progress`, user.cookie);
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
    const slow = await startAppServer({
      ...testSettings,
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
      const open = () => openSse(`${slow.url}/api/containers/prod/progress`, user.cookie);
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
    }
  });
});
