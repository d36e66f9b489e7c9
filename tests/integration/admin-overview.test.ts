// The admin's overview, rendered by the built server against a real engine: accounts and workspaces by status as
// the database and the engine hold them, what running workloads use against the engine's total (from the sampler),
// the capacity starts are admitted against (the memory limits of what runs, within the memory planned for), the
// latest audit events, and warnings: a template's image missing, orphans found, the engine unreachable.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { type AppServer, startAppServer } from "../support/app-server";
import { createTestDatabase, userInDatabase } from "../support/database";
import { IT } from "../support/prefixes";
import { docker, removeLabelled } from "../support/test-image";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const db = getDb();
let app: AppServer;
let admin: TestUser;
let launchedContainer = "";
let launchedOwner: TestUser;
const orphanVolume = `${IT}-overview-orphan-${Date.now().toString(36)}`;

const overview = async (server: AppServer, cookie = admin.cookie) => {
  const response = await fetch(`${server.url}/admin`, { headers: { cookie } });
  return { status: response.status, html: await response.text() };
};
/** The number a count on the page shows (data-testid → its first number). */
const countIn = (html: string, testId: string): number => {
  const at = html.indexOf(`data-testid="${testId}"`);
  const match = /(\d+)/.exec(html.slice(at).replace(/<[^>]+>/g, " "));
  return at < 0 || !match ? Number.NaN : Number(match[1]);
};

/** The capacity numbers the page carries (data-*), null where it says they are not known. */
const capacityIn = (html: string) => {
  const tag = /<div[^>]*data-testid="capacity"[^>]*>/.exec(html)?.[0] ?? "";
  const value = (name: string) => {
    const raw = new RegExp(`data-${name}="([^"]*)"`).exec(tag)?.[1];
    return raw === undefined || raw === "" ? null : Number(raw);
  };
  return {
    planned: value("planned-bytes"),
    committed: value("committed-bytes"),
    left: value("left-bytes"),
    running: value("running"),
    maxStarts: value("max-starts"),
  };
};

/** Running workloads of this run that a workspace row claims, and the sum of their memory limits on the engine. */
async function claimedRunning() {
  const ids = docker("ps", "-q", "--filter", `label=${IT}.managed-by=spawner`, "--filter", "status=running")
    .split("\n")
    .filter(Boolean);
  let count = 0;
  let bytes = 0;
  for (const id of ids) {
    const [workspaceId = "", memory = "0"] = docker(
      "inspect",
      "-f",
      `{{index .Config.Labels "${IT}.workspace-id"}} {{.HostConfig.Memory}}`,
      id,
    ).split(" ");
    if (!(await db.workspace.findUnique({ where: { id: workspaceId } }))) continue;
    count += 1;
    bytes += Number(memory);
  }
  return { count, bytes };
}

beforeAll(async () => {
  app = await startAppServer({ ...testSettings, RECONCILER: "off" });
  admin = await userWithSession(db, uniqueEmail("ov-admin"), "ADMIN");
  const user = await userWithSession(db, uniqueEmail("ov-user"));
  const launched = await fetch(`${app.url}/api/container/launch/dev`, {
    method: "POST",
    headers: { cookie: user.cookie },
  });
  expect(launched.status).toBe(200);
  launchedContainer = (await launched.json()).container_id;
  launchedOwner = user;
  // A labelled data volume no workspace or kept volume names: an orphan.
  docker("volume", "create", "--label", `${IT}.managed-by=spawner`, orphanVolume);
});
afterAll(async () => {
  await app?.stop();
  docker("volume", "rm", "-f", orphanVolume);
});

describe("admin overview", () => {
  it("counts accounts and workspaces as the database and the engine hold them", async () => {
    const { status, html } = await overview(app);
    expect(status).toBe(200);
    expect(countIn(html, "users-total")).toBe(await db.user.count());
    expect(countIn(html, "users-admins")).toBe(
      await db.user.count({ where: { role: "ADMIN", disabledAt: null } }),
    );
    const running = docker(
      "ps",
      "-q",
      "--filter",
      `label=${IT}.managed-by=spawner`,
      "--filter",
      "status=running",
    )
      .split("\n")
      .filter(Boolean).length;
    expect(running).toBeGreaterThan(0);
    // Only running workloads a workspace row claims are counted as running workspaces.
    expect(countIn(html, "workspaces-running")).toBeGreaterThan(0);
    expect(countIn(html, "workspaces-running")).toBeLessThanOrEqual(running);
  });

  it("shows the engine's total and what running workloads use, from the background sampler", async () => {
    let html = "";
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
      html = (await overview(app)).html;
      if (html.includes('data-testid="usage-cpu"')) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const cpus = Number(docker("info", "--format", "{{.NCPU}}"));
    expect(html).toContain(`of ${cpus} CPU`);
    expect(html).toContain('data-testid="usage-memory"');
  });

  it("shows the capacity planned for, held by the limits of running workspaces and left, as the engine runs them", async () => {
    let html = "";
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
      html = (await overview(app)).html;
      if (capacityIn(html).planned !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    let capacity = capacityIn(html);
    // Other files start and stop workspaces meanwhile: compare at a moment the engine held still around the read.
    let claimed = await claimedRunning();
    for (let attempt = 0; attempt < 20; attempt++) {
      const first = await claimedRunning();
      capacity = capacityIn((await overview(app)).html);
      claimed = await claimedRunning();
      const still = first.bytes === claimed.bytes && first.count === claimed.count;
      if (still && capacity.committed === claimed.bytes && capacity.running === claimed.count) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // Nothing configured: the engine's memory × the default overcommit of 1.5.
    expect(capacity.planned).toBe(Number(docker("info", "--format", "{{.MemTotal}}")) * 1.5);
    expect(capacity.running).toBe(claimed.count);
    expect(capacity.committed).toBe(claimed.bytes);
    expect(capacity.left).toBe(Math.max(0, (capacity.planned ?? 0) - claimed.bytes));
    // MAX_CONCURRENT_STARTS at its default.
    expect(capacity.maxStarts).toBe(20);
  });

  it("plans for CAPACITY_MEMORY × CAPACITY_OVERCOMMIT, and follows a start and a stop by the workspace's limit", async () => {
    // A database and label prefix of its own: what other files run at the same time is not in its numbers.
    const own = createTestDatabase("overview-capacity");
    const prefix = `${IT}-ovcap`;
    removeLabelled(prefix);
    const sized = await startAppServer({
      ...testSettings,
      DATABASE_URL: own.url,
      LABEL_PREFIX: prefix,
      RECONCILER: "off",
      CAPACITY_MEMORY: "1g",
      CAPACITY_OVERCOMMIT: "2",
      MAX_CONCURRENT_STARTS: "3",
    });
    try {
      const boss = userInDatabase(own.url, "ov-boss", "ADMIN");
      const zed = userInDatabase(own.url, "ov-zed");
      const read = async () => capacityIn((await overview(sized, boss.cookie)).html);
      const before = await read();
      expect(before).toMatchObject({ planned: 2 * 1024 ** 3, maxStarts: 3, running: 0, committed: 0 });
      expect((await overview(sized, boss.cookie)).html).toContain("set by CAPACITY_MEMORY");

      const launched = await fetch(`${sized.url}/api/container/launch/dev`, {
        method: "POST",
        headers: { cookie: zed.cookie },
      });
      expect(launched.status).toBe(200);
      const container = (await launched.json()).container_id as string;
      const limit = Number(docker("inspect", "-f", "{{.HostConfig.Memory}}", container));
      // The test settings' 64 MB.
      expect(limit).toBe(64 * 1024 ** 2);
      const after = await read();
      expect(after).toMatchObject({ running: 1, committed: limit, left: 2 * 1024 ** 3 - limit });

      const listed = await fetch(`${sized.url}/api/workspaces`, { headers: { cookie: zed.cookie } });
      const [dev] = (await listed.json()).workspaces as { id: string }[];
      const stopped = await fetch(`${sized.url}/api/workspaces/${dev?.id}/stop`, {
        method: "POST",
        headers: { cookie: zed.cookie },
      });
      expect(stopped.status).toBe(200);
      expect(await read()).toEqual(before);
    } finally {
      await sized.stop();
      removeLabelled(prefix);
      rmSync(own.dir, { recursive: true, force: true });
    }
  });

  it("warns about a template image missing and orphans found, with links", async () => {
    const { html } = await overview(app);
    // The test settings leave the prod template's image missing on purpose.
    expect(html).toContain('data-testid="warning-image"');
    expect(html).toContain(testSettings.USER_TEMPLATE_IMAGE_PROD);
    expect(html).toContain('data-testid="warning-orphans"');
    expect(html).toContain('href="/admin/orphans"');
  });

  it("lists the latest audit events", async () => {
    const { html } = await overview(app);
    const latest = await db.auditEvent.findFirstOrThrow({ orderBy: [{ at: "desc" }, { id: "desc" }] });
    expect(html).toContain(`data-action="${latest.action}"`);
  });

  it("says the engine is unreachable, and still shows what the database knows", async () => {
    const down = await startAppServer({
      ...testSettings,
      RECONCILER: "off",
      DOCKER_HOST: "unix:///tmp/spawner-no-such-docker.sock",
    });
    try {
      const started = Date.now();
      const { status, html } = await overview(down);
      expect(status).toBe(200);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(html).toContain('data-testid="warning-engine"');
      expect(countIn(html, "users-total")).toBe(await db.user.count());
      expect(html).toContain("Unknown while the engine is unreachable.");
    } finally {
      await down.stop();
    }
  });

  it("keeps the engine's list between views only while its events say nothing changed", async () => {
    // The reconciler's events stream is what keeps a kept list honest: with it on, a change made behind the
    // app's back (docker stop) shows at once.
    const live = await startAppServer({ ...testSettings });
    try {
      const container = launchedContainer;
      const owner = launchedOwner;
      const workspace = await db.workspace.findFirstOrThrow({ where: { ownerId: owner.id, name: "dev" } });
      const statusNow = async () => {
        const response = await fetch(
          `${live.url}/api/v1/admin/workspaces?owner=${encodeURIComponent(owner.email)}`,
          { headers: { cookie: admin.cookie } },
        );
        const body = (await response.json()) as { workspaces: { id: string; status: string }[] };
        return body.workspaces.find((row) => row.id === workspace.id)?.status;
      };
      const until = async (status: string) => {
        const started = Date.now();
        while ((await statusNow()) !== status) {
          if (Date.now() - started > 5000) throw new Error(`still not ${status} after 5 s`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return Date.now() - started;
      };
      expect(await until("running")).toBeLessThan(5000);
      expect(await statusNow()).toBe("running");
      docker("stop", "-t", "1", container);
      expect(await until("stopped")).toBeLessThan(3000);
      docker("start", container);
      expect(await until("running")).toBeLessThan(3000);
    } finally {
      await live.stop();
    }
  });
});
