// Quotas and capacity against the built server, the real engine and a database of its own: per-user limits at their
// boundaries and under twenty parallel requests, the capacity check with a small configured total, the free-memory
// floor and the concurrent-start limit — and everything a refusal leaves is nothing (no row, no container).
import { rmSync } from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { createTestDatabase, userInDatabase } from "../support/database";
import { IT } from "../support/prefixes";
import { docker, removeLabelled } from "../support/test-image";
import { testSettings } from "./setup-env";

const own = createTestDatabase("quotas");
const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: own.url }) });
const PREFIX = `${IT}-quota`;
const settings = { ...testSettings, DATABASE_URL: own.url, LABEL_PREFIX: PREFIX, RECONCILER: "off" };

type User = { id: string; cookie: string };
let app: AppServer;

async function call(server: AppServer, who: User, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie: who.cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** A user of this file's database with these quota overrides (null: the platform's). */
async function userWith(name: string, quota: Record<string, number | null> = {}): Promise<User> {
  const user = userInDatabase(own.url, name);
  await db.user.update({ where: { id: user.id }, data: quota });
  return user;
}

/** Created, not started: their ids. */
async function createMany(server: AppServer, who: User, count: number, body: object = {}) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await call(server, who, "POST", "/api/workspaces", {
      name: `w${i}`,
      template: "dev",
      ...body,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ids.push(created.body.id);
  }
  return ids;
}

/** Containers of this owner on the engine, running or not. */
const containersOf = (who: User) =>
  docker("ps", "-aq", "--filter", `label=${PREFIX}.owner-id=${who.id}`).split("\n").filter(Boolean);
const runningOf = (who: User) =>
  docker("ps", "-q", "--filter", `label=${PREFIX}.owner-id=${who.id}`).split("\n").filter(Boolean);

beforeAll(async () => {
  removeLabelled(PREFIX);
  // The platform plans for 1 GiB exactly (no overcommit): sixteen 64 MB workspaces, or two of 512 MB.
  app = await startAppServer({
    ...settings,
    QUOTA_WORKSPACES: "5",
    QUOTA_RUNNING: "3",
    CAPACITY_MEMORY: "1g",
    CAPACITY_OVERCOMMIT: "1",
    CAPACITY_FREE_MEMORY_FLOOR: "0",
  });
  await db.template.create({
    data: {
      name: "big",
      displayName: "Big",
      image: testSettings.USER_TEMPLATE_IMAGE_DEV,
      apps: JSON.stringify([{ name: "web", port: 8080, primary: true }]),
      defaultMemoryMb: 512,
      maxMemoryMb: 512,
      defaultCpus: 0.5,
      maxCpus: 1,
      defaultPids: 64,
      maxPids: 64,
    },
  });
}, 60_000);
afterAll(async () => {
  await app?.stop();
  removeLabelled(PREFIX);
  await db.$disconnect();
  rmSync(own.dir, { recursive: true, force: true });
});

describe("quotas", () => {
  it("lets a user have as many workspaces as the quota, and refuses one more, naming the limit and the use", async () => {
    const ada = await userWith("ada");
    await createMany(app, ada, 5);
    const refused = await call(app, ada, "POST", "/api/workspaces", { name: "sixth", template: "dev" });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: "QUOTA_EXCEEDED",
      details: { limit: "workspaces", max: 5, used: 5 },
    });
    expect(refused.body.error.message).toContain("(5)");
    // The dev slot is a workspace too: its first launch is refused before anything exists.
    const slot = await call(app, ada, "POST", "/api/container/launch/dev");
    expect(slot.status).toBe(403);
    expect(slot.body.error.code).toBe("QUOTA_EXCEEDED");
    expect(await db.workspace.count({ where: { ownerId: ada.id } })).toBe(5);
    expect(containersOf(ada)).toEqual([]);
    // Deleting one makes room at once.
    const [first] = await db.workspace.findMany({ where: { ownerId: ada.id }, take: 1 });
    await call(app, ada, "DELETE", `/api/workspaces/${first?.id}`);
    expect((await call(app, ada, "POST", "/api/workspaces", { name: "sixth", template: "dev" })).status).toBe(
      201,
    );
  });

  it("creates exactly the quota's number under twenty parallel requests", async () => {
    const bob = await userWith("bob");
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(app, bob, "POST", "/api/workspaces", { name: `p${i}`, template: "dev" }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(5);
    expect(answers.filter((answer) => answer.status === 403)).toHaveLength(15);
    expect(await db.workspace.count({ where: { ownerId: bob.id } })).toBe(5);
  });

  it("runs at most the running quota, frees it at once on stop, and takes a user's own override", async () => {
    const cy = await userWith("cy", { quotaWorkspaces: 10 });
    const ids = await createMany(app, cy, 4);
    for (const id of ids.slice(0, 3))
      expect((await call(app, cy, "POST", `/api/workspaces/${id}/start`)).body.status).toBe("running");
    const refused = await call(app, cy, "POST", `/api/workspaces/${ids[3]}/start`);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: "QUOTA_EXCEEDED",
      details: { limit: "running", max: 3, used: 3 },
    });
    expect(containersOf(cy)).toHaveLength(3);
    // Stopping one frees its place right away.
    await call(app, cy, "POST", `/api/workspaces/${ids[0]}/stop`);
    expect((await call(app, cy, "POST", `/api/workspaces/${ids[3]}/start`)).body.status).toBe("running");
    // An admin's value for this user wins over the platform's.
    await db.user.update({ where: { id: cy.id }, data: { quotaRunning: 4 } });
    expect((await call(app, cy, "POST", `/api/workspaces/${ids[0]}/start`)).body.status).toBe("running");
    expect(runningOf(cy)).toHaveLength(4);
  });

  it("starts exactly three of twenty workspaces started in parallel against a running quota of three", async () => {
    const dee = await userWith("dee", { quotaWorkspaces: 20 });
    const ids = await createMany(app, dee, 20);
    const answers = await Promise.all(ids.map((id) => call(app, dee, "POST", `/api/workspaces/${id}/start`)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(3);
    const refused = answers.filter((answer) => answer.status === 403);
    expect(refused).toHaveLength(17);
    expect(refused.every((answer) => answer.body.error.code === "QUOTA_EXCEEDED")).toBe(true);
    // Nothing made for the refused ones: three containers in all.
    expect(containersOf(dee)).toHaveLength(3);
    expect(runningOf(dee)).toHaveLength(3);
  }, 60_000);

  it("counts the memory and CPUs of running workspaces against the user's totals", async () => {
    const eve = await userWith("eve", { quotaMemoryMb: 128, quotaCpus: 10 });
    const ids = await createMany(app, eve, 3);
    for (const id of ids.slice(0, 2))
      expect((await call(app, eve, "POST", `/api/workspaces/${id}/start`)).body.status).toBe("running");
    const memory = await call(app, eve, "POST", `/api/workspaces/${ids[2]}/start`);
    expect(memory.body.error).toMatchObject({
      code: "QUOTA_EXCEEDED",
      details: { limit: "memoryMb", max: 128, used: 192 },
    });
    await db.user.update({ where: { id: eve.id }, data: { quotaMemoryMb: null, quotaCpus: 1 } });
    const cpus = await call(app, eve, "POST", `/api/workspaces/${ids[2]}/start`);
    expect(cpus.body.error).toMatchObject({
      code: "QUOTA_EXCEEDED",
      details: { limit: "cpus", max: 1, used: 1.5 },
    });
    expect(containersOf(eve)).toHaveLength(2);
  });
});

describe("every way to start is a start", () => {
  it("refuses a restart of a stopped workspace past the running quota, and new limits applied now past memory", async () => {
    const ivy = await userWith("ivy", { quotaRunning: 1, quotaMemoryMb: 100 });
    const [a, b] = await createMany(app, ivy, 2);
    expect((await call(app, ivy, "POST", `/api/workspaces/${b}/start`)).body.status).toBe("running");
    await call(app, ivy, "POST", `/api/workspaces/${b}/stop`);
    expect((await call(app, ivy, "POST", `/api/workspaces/${a}/start`)).body.status).toBe("running");
    // Restart starts a stopped one: the same quota as Start.
    const restart = await call(app, ivy, "POST", `/api/workspaces/${b}/restart`);
    expect(restart.status).toBe(403);
    expect(restart.body.error).toMatchObject({ code: "QUOTA_EXCEEDED", details: { limit: "running" } });
    expect(runningOf(ivy)).toHaveLength(1);
    // More memory for the running one, applied now: counted in place of its 64 MB, past the account's 100 MB.
    const bigger = await call(app, ivy, "PATCH", `/api/workspaces/${a}`, {
      limits: { memory_mb: 128 },
      apply_now: true,
    });
    expect(bigger.status).toBe(403);
    expect(bigger.body.error).toMatchObject({
      code: "QUOTA_EXCEEDED",
      details: { limit: "memoryMb", max: 100, used: 128 },
    });
    const [running] = runningOf(ivy);
    expect(docker("inspect", "-f", "{{.HostConfig.Memory}}", running ?? "")).toBe(String(64 * 1024 * 1024));
    // Within it, the change applies.
    const within = await call(app, ivy, "PATCH", `/api/workspaces/${a}`, {
      limits: { memory_mb: 96 },
      apply_now: true,
    });
    expect(within.status).toBe(200);
    expect(docker("inspect", "-f", "{{.HostConfig.Memory}}", runningOf(ivy)[0] ?? "")).toBe(
      String(96 * 1024 * 1024),
    );
  }, 60_000);
});

describe("capacity", () => {
  it("refuses a start past the engine's planned memory with 503 and Retry-After, leaving nothing", async () => {
    // Make room: only what this test starts runs now.
    for (const id of docker("ps", "-q", "--filter", `label=${PREFIX}.managed-by`).split("\n").filter(Boolean))
      docker("stop", "-t", "1", id);
    const fay = await userWith("fay", { quotaRunning: 0 });
    const ids = await createMany(app, fay, 3, { template: "big" });
    for (const id of ids.slice(0, 2))
      expect((await call(app, fay, "POST", `/api/workspaces/${id}/start`)).body.status).toBe("running");
    const full = await call(app, fay, "POST", `/api/workspaces/${ids[2]}/start`);
    expect(full.status).toBe(503);
    expect(full.body.error.code).toBe("RESOURCE_LIMIT_EXCEEDED");
    expect(full.body.error.message).toContain("The server is full");
    expect(Number(full.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(containersOf(fay)).toHaveLength(2);
    // A slot's first launch the same way: no row, no container.
    const slot = await call(app, fay, "POST", "/api/container/launch/dev");
    expect(slot.status).toBe(503);
    expect(await db.workspace.count({ where: { ownerId: fay.id, name: "dev" } })).toBe(0);
    expect(containersOf(fay)).toHaveLength(2);
    // Stopping one makes room again.
    await call(app, fay, "POST", `/api/workspaces/${ids[0]}/stop`);
    expect((await call(app, fay, "POST", `/api/workspaces/${ids[2]}/start`)).body.status).toBe("running");
  }, 60_000);

  it("refuses every start while the engine's free memory is under the floor", async () => {
    const low = await startAppServer({ ...settings, CAPACITY_FREE_MEMORY_FLOOR: "100000g" });
    try {
      const gus = await userWith("gus");
      const [id] = await createMany(low, gus, 1);
      const refused = await call(low, gus, "POST", `/api/workspaces/${id}/start`);
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatchObject({
        code: "RESOURCE_LIMIT_EXCEEDED",
        details: { reason: "free_memory" },
      });
      expect(refused.body.error.message).toContain("low on memory");
      expect(containersOf(gus)).toEqual([]);
    } finally {
      await low.stop();
    }
  });

  it("answers 429 with Retry-After beyond the concurrent-start limit", async () => {
    // Every launch pauses after its start, so two are still starting when the third comes.
    const slow = await startAppServer({
      ...settings,
      MAX_CONCURRENT_STARTS: "2",
      TEST_FAULT_POINT: "after-start",
      TEST_FAULT_DELAY_MS: "2000",
    });
    try {
      const hal = await userWith("hal", { quotaRunning: 0 });
      const ids = await createMany(slow, hal, 3);
      const first = ids.slice(0, 2).map((id) => call(slow, hal, "POST", `/api/workspaces/${id}/start`));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const third = await call(slow, hal, "POST", `/api/workspaces/${ids[2]}/start`);
      expect(third.status).toBe(429);
      expect(third.body.error.code).toBe("RATE_LIMITED");
      expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await Promise.all(first)).map((answer) => answer.body.status)).toEqual(["running", "running"]);
      // Once they are up, the next one starts.
      expect((await call(slow, hal, "POST", `/api/workspaces/${ids[2]}/start`)).body.status).toBe("running");
    } finally {
      await slow.stop();
    }
  }, 60_000);
});
