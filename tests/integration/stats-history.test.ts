// The stats history against the built server, the real engine and the real SQLite file: a running workspace gets a
// point about every STATS_SAMPLE_INTERVAL_S (1 s here) with real numbers; the history API answers its owner and an
// admin and no one else; complete 5-minute buckets are averaged into rollups (even after an outage longer than the raw
// retention) and old rows are pruned; and a deleted workspace's history goes with it.

import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { Runtime } from "@/lib/runtime/runtime";
import { bucketStart } from "@/lib/stats/buckets";
import { getSampledStats } from "@/lib/stats/latest-usage";
import { pruneStats } from "@/lib/stats/prune-stats";
import { rollUpStats } from "@/lib/stats/roll-up-stats";
import { sampleRound } from "@/lib/stats/sample-round";
import { workloadLabels } from "@/lib/workspaces/labels";
import { type AppServer, startAppServer } from "../support/app-server";
import { expectConforms } from "../support/conforms";
import { createTestDatabase, withDatabase } from "../support/database";
import { IT } from "../support/prefixes";
import { docker } from "../support/test-image";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { eventually } from "../support/wait";
import { testSettings } from "./setup-env";

const db = getDb();
let app: AppServer;
let ada: TestUser;
let eve: TestUser;
let boss: TestUser;
let workspaceId = "";

const get = (path: string, who: TestUser) => fetch(`${app.url}${path}`, { headers: { cookie: who.cookie } });
const points = () => db.statsPoint.count({ where: { workspaceId } });

beforeAll(async () => {
  app = await startAppServer({ ...testSettings, STATS_SAMPLE_INTERVAL_S: "1" });
  [ada, eve, boss] = await Promise.all([
    userWithSession(db, uniqueEmail("stats-owner")),
    userWithSession(db, uniqueEmail("stats-other")),
    userWithSession(db, uniqueEmail("stats-admin"), "ADMIN"),
  ]);
  const post = (path: string, body?: unknown) =>
    fetch(`${app.url}${path}`, {
      method: "POST",
      headers: { cookie: ada.cookie, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  workspaceId = (await (await post("/api/workspaces", { name: "stats", template: "dev" })).json()).id;
  expect((await post(`/api/workspaces/${workspaceId}/start`)).status).toBe(200);
}, 90_000);

afterAll(async () => {
  if (workspaceId)
    await fetch(`${app.url}/api/workspaces/${workspaceId}?keep_data=false`, {
      method: "DELETE",
      headers: { cookie: ada.cookie },
    });
  await app?.stop();
});

describe("the sampler", () => {
  it("records a point of the running workspace about every second, with its memory and limit", async () => {
    await eventually("a first point", 20_000, async () => ((await points()) > 0 ? true : undefined));
    const before = await points();
    await new Promise((resolve) => setTimeout(resolve, 8000));
    const recorded = (await points()) - before;
    // A round waits for the engine's stats tick (about a second), and a round still running makes the next skip.
    expect(recorded).toBeGreaterThanOrEqual(3);
    expect(recorded).toBeLessThanOrEqual(9);
    const latest = await db.statsPoint.findFirstOrThrow({ where: { workspaceId }, orderBy: { at: "desc" } });
    expect(latest.memoryBytes).toBeGreaterThan(0);
    // CONTAINER_MEMORY=64m in the test settings.
    expect(latest.memoryLimitBytes).toBe(64 * 1024 * 1024);
    expect(latest.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(latest.netRxBytesPerSec).toBeGreaterThanOrEqual(0);
    expect(Date.now() - latest.at.getTime()).toBeLessThan(10_000);
  }, 40_000);
});

describe("the history API", () => {
  it("gives the owner the last hour's points, and refuses a range it does not know", async () => {
    const response = await get(`/api/v1/workspaces/${workspaceId}/stats/history?range=hour`, ada);
    const body = await response.json();
    expectConforms("getWorkspaceStatsHistory", response.status, body);
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ range: "hour", sample_interval_seconds: 1, step_seconds: 10 });
    expect(body.points.length).toBeGreaterThan(0);
    expect(body.points.at(-1).memory_bytes).toBeGreaterThan(0);
    const internal = await get(`/api/workspaces/${workspaceId}/stats/history`, ada);
    expect((await internal.json()).range).toBe("hour");
    const bad = await get(`/api/v1/workspaces/${workspaceId}/stats/history?range=week`, ada);
    expect(bad.status).toBe(400);
    expectConforms("getWorkspaceStatsHistory", bad.status, await bad.json());
  });

  it("answers another user 404 and an admin 200, and sums the platform for admins only", async () => {
    const other = await get(`/api/v1/workspaces/${workspaceId}/stats/history?range=hour`, eve);
    expect(other.status).toBe(404);
    expect((await other.json()).error.code).toBe("WORKSPACE_NOT_FOUND");
    const admin = await get(`/api/v1/workspaces/${workspaceId}/stats/history?range=hour`, boss);
    expect(admin.status).toBe(200);
    expect((await admin.json()).points.length).toBeGreaterThan(0);
    const platform = await get("/api/v1/admin/stats/history?range=hour", boss);
    const body = await platform.json();
    expectConforms("adminGetStatsHistory", platform.status, body);
    expect(body.step_seconds).toBe(60);
    expect(body.points.at(-1).workspaces).toBeGreaterThanOrEqual(1);
    expect((await get("/api/v1/admin/stats/history", ada)).status).toBe(404);
  });
});

describe("a round run from this process", () => {
  it("writes the rest of a round whose workspace row is deleted before the write, and nothing for an orphan", async () => {
    const run = `${process.pid}-${Date.now()}`;
    const template = await db.template.findFirstOrThrow({ where: { name: "dev" } });
    const key = `${IT}-sts-doomed-${run}`;
    const doomed = await db.workspace.create({
      data: {
        ownerId: ada.id,
        name: `doomed-${run}`,
        displayName: "Deleted during a round",
        templateId: template.id,
        routeKey: key,
        workloadName: key,
        volumeName: key,
      },
    });
    const start = (name: string, labels: Record<string, string>) =>
      docker(
        "run",
        "-d",
        "--name",
        name,
        ...Object.entries(labels).flatMap(([label, value]) => ["--label", `${label}=${value}`]),
        testSettings.USER_TEMPLATE_IMAGE_DEV,
      ).trim();
    const who = { ownerId: ada.id, template: "dev" };
    const doomedContainer = start(
      key,
      workloadLabels(IT, { ...who, workspaceId: doomed.id, name: doomed.name, slug: key }),
    );
    await db.workspace.update({ where: { id: doomed.id }, data: { runtimeId: doomedContainer } });
    const orphanName = `${IT}-sts-orphan-${run}`;
    const orphanId = `gone-${run}`;
    const orphanContainer = start(
      orphanName,
      workloadLabels(IT, { ...who, workspaceId: orphanId, name: `orphan-${run}`, slug: orphanName }),
    );
    try {
      const first = await sampleRound({ previous: new Map() });
      expect(first.readings.has(doomedContainer)).toBe(true);
      expect(first.readings.has(orphanContainer)).toBe(true);
      // The second round matched the rows before the doomed one's reading: its point fails the one statement, and
      // the round writes the others without it.
      const real = getRuntime();
      const runtime: Runtime = Object.assign(Object.create(real), {
        usage: async (id: string, options?: { signal?: AbortSignal }) => {
          if (id === doomedContainer) {
            await new Promise((resolve) => setTimeout(resolve, 300));
            await db.workspace.delete({ where: { id: doomed.id } });
          }
          return real.usage(id, options);
        },
      });
      const second = await sampleRound({ previous: first.readings, runtime });
      expect(await db.workspace.count({ where: { id: doomed.id } })).toBe(0);
      expect(await db.statsPoint.count({ where: { workspaceId: doomed.id } })).toBe(0);
      expect(second.written).toBeGreaterThan(0);
      const live = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
      const reading = second.readings.get(live.runtimeId ?? "");
      expect(reading).toBeDefined();
      expect(
        await db.statsPoint.count({ where: { workspaceId, at: new Date(reading?.readAt ?? 0) } }),
      ).toBeGreaterThanOrEqual(1);
      // An orphan is read (the admin views' usage counts it) but no row claims it: no point.
      expect(second.readings.has(orphanContainer)).toBe(true);
      expect(getSampledStats().workloads.has(orphanContainer)).toBe(true);
      expect(await db.statsPoint.count({ where: { workspaceId: orphanId } })).toBe(0);
    } finally {
      docker("rm", "-f", doomedContainer, orphanContainer);
      await db.workspace.deleteMany({ where: { id: doomed.id } });
    }
  }, 60_000);
});

describe("downsampling and retention", () => {
  it("averages complete 5-minute buckets into rollups, and prunes raw points and rollups past their retention", async () => {
    const now = new Date();
    const bucket = bucketStart(new Date(now.getTime() - 2 * 3_600_000));
    const at = (ms: number) => new Date(bucket.getTime() + ms);
    const row = (when: Date, cpuPercent: number, memoryBytes: number) => ({
      workspaceId,
      at: when,
      cpuPercent,
      memoryBytes,
      memoryLimitBytes: 1000,
      netRxBytesPerSec: cpuPercent * 10,
      netTxBytesPerSec: 5,
    });
    const tooOld = new Date(now.getTime() - 25 * 3_600_000);
    await db.statsPoint.createMany({
      data: [
        row(at(10_000), 10, 100),
        row(at(70_000), 30, 300),
        row(at(299_000), 20, 200),
        row(tooOld, 1, 1),
      ],
    });
    const ancient = new Date(bucketStart(now).getTime() - 31 * 86_400_000);
    await db.statsRollup.create({
      data: {
        workspaceId,
        bucket: ancient,
        samples: 1,
        cpuPercent: 1,
        memoryBytes: 1,
      },
    });

    // Asked before the rollup: the platform's totals of the bucket are written by the rollup next, not before.
    expect((await get("/api/v1/admin/stats/history?range=day", boss)).status).toBe(200);
    expect(await rollUpStats({ now, since: bucket })).toBeGreaterThan(0);
    const rolled = await db.statsRollup.findUniqueOrThrow({
      where: { workspaceId_bucket: { workspaceId, bucket } },
    });
    expect(rolled).toMatchObject({
      samples: 3,
      cpuPercent: 20,
      cpuPercentMax: 30,
      memoryBytes: 200,
      memoryLimitBytes: 1000,
      netRxBytesPerSec: 200,
      netTxBytesPerSec: 5,
    });
    // The pass also wrote the bucket's platform total, summed from its per-workspace rollups.
    const platformRow = await db.statsPlatformRollup.findUniqueOrThrow({ where: { bucket } });
    expect(platformRow.cpuPercent).toBeGreaterThanOrEqual(20);
    expect(platformRow.workspaces).toBeGreaterThanOrEqual(1);
    // Rolled up twice, a bucket is still one row with the same averages.
    await rollUpStats({ now, since: bucket });
    expect(await db.statsRollup.count({ where: { workspaceId, bucket } })).toBe(1);
    expect(await db.statsPlatformRollup.findUniqueOrThrow({ where: { bucket } })).toEqual(platformRow);

    const pruned = await pruneStats({ now });
    expect(pruned.points).toBeGreaterThanOrEqual(1);
    expect(pruned.rollups).toBeGreaterThanOrEqual(1);
    expect(
      await db.statsPoint.count({ where: { workspaceId, at: { lt: new Date(now.getTime() - 86_400_000) } } }),
    ).toBe(0);
    expect(await db.statsRollup.count({ where: { workspaceId, bucket: ancient } })).toBe(0);
    // Within the raw retention, the points themselves stay.
    expect(await db.statsPoint.count({ where: { workspaceId, at: { gte: bucket, lt: at(300_000) } } })).toBe(
      3,
    );

    const day = await (await get(`/api/v1/workspaces/${workspaceId}/stats/history?range=day`, ada)).json();
    expect(day.points.find((point: { at: string }) => point.at === bucket.toISOString())).toMatchObject({
      cpu_percent: 20,
      cpu_percent_max: 30,
      memory_bytes: 200,
    });
    const platform = await get("/api/v1/admin/stats/history?range=day", boss);
    const platformDay = await platform.json();
    expectConforms("adminGetStatsHistory", platform.status, platformDay);
    // Summed over workspaces: this one's 20% at least (others' tests may have run then too).
    const total = platformDay.points.find((point: { at: string }) => point.at === bucket.toISOString());
    expect(total.cpu_percent).toBeGreaterThanOrEqual(20);
    expect(total.workspaces).toBeGreaterThanOrEqual(1);
    // A 5-minute total is its own peak; the platform has no summed memory limit.
    expect(total.cpu_percent_max).toBe(total.cpu_percent);
    expect(total).not.toHaveProperty("memory_limit_bytes");
    const platformMonth = await (await get("/api/v1/admin/stats/history?range=month", boss)).json();
    expect(platformMonth.step_seconds).toBe(7200);
    expect(platformMonth.points.length).toBeGreaterThan(0);
    const step = platformMonth.points.find(
      (point: { at: string }) => point.at === bucketStart(bucket, 7_200_000).toISOString(),
    );
    expect(step.cpu_percent_max).toBeGreaterThanOrEqual(20);
    expect(step.cpu_percent_max).toBeGreaterThanOrEqual(step.cpu_percent);
    const month = await (
      await get(`/api/v1/workspaces/${workspaceId}/stats/history?range=month`, ada)
    ).json();
    expect(month.step_seconds).toBe(7200);
    expect(month.points.length).toBeGreaterThan(0);
  });

  it("rolls up the last points before an outage longer than the raw retention, then prunes them", async () => {
    // The server went down just after these points (an hour ahead, so no live round joins their bucket) and came
    // back 30 hours later: nothing after the last rollup was averaged, and all of it is past the raw retention.
    const bucket = new Date(bucketStart(new Date()).getTime() + 3_600_000);
    const back = new Date(bucket.getTime() + 30 * 3_600_000);
    await db.statsPoint.createMany({
      data: [60_000, 120_000, 240_000].map((ms, i) => ({
        workspaceId,
        at: new Date(bucket.getTime() + ms),
        cpuPercent: 10 * (i + 1),
        memoryBytes: 100,
      })),
    });
    expect(await rollUpStats({ now: back })).toBeGreaterThan(0);
    expect(
      await db.statsRollup.findUniqueOrThrow({ where: { workspaceId_bucket: { workspaceId, bucket } } }),
    ).toMatchObject({ samples: 3, cpuPercent: 20, cpuPercentMax: 30, memoryBytes: 100 });
    expect((await pruneStats({ now: back })).points).toBeGreaterThanOrEqual(3);
    expect(await db.statsPoint.count({ where: { workspaceId, at: { gte: bucket } } })).toBe(0);
  });

  it("goes with its workspace when the workspace is deleted", async () => {
    const deleted = await fetch(`${app.url}/api/workspaces/${workspaceId}?keep_data=false`, {
      method: "DELETE",
      headers: { cookie: ada.cookie },
    });
    expect(deleted.status).toBeLessThan(300);
    await eventually("the history gone", 10_000, async () =>
      (await points()) + (await db.statsRollup.count({ where: { workspaceId } })) === 0 ? true : undefined,
    );
    workspaceId = "";
  });
});

describe("with the engine down", () => {
  it("writes nothing, keeps serving, and logs the failure once until it works again", async () => {
    // A database of its own: other files' servers sample into the shared one meanwhile.
    const own = createTestDatabase("stats-dead");
    const dead = await startAppServer({
      ...testSettings,
      DATABASE_URL: own.url,
      DOCKER_HOST: `unix:///tmp/spawner-sts-dead-${process.pid}.sock`,
      STATS_SAMPLE_INTERVAL_S: "1",
    });
    const pointCount = () =>
      withDatabase(
        own.url,
        (file) => (file.prepare(`SELECT COUNT(*) AS n FROM "StatsPoint"`).get() as { n: number }).n,
      );
    try {
      await dead.waitForOutput("[stats] sampling failed", 10_000);
      const before = pointCount();
      // Several rounds later: still one line, no point, and the server answers.
      await new Promise((resolve) => setTimeout(resolve, 4000));
      expect(dead.output().split("[stats] sampling failed").length - 1).toBe(1);
      expect(pointCount()).toBe(before);
      expect(before).toBe(0);
      expect((await fetch(`${dead.url}/api/v1/health`)).status).toBe(503);
      expect(dead.process.exitCode).toBeNull();
    } finally {
      await dead.stop();
      rmSync(own.dir, { recursive: true, force: true });
    }
  }, 30_000);
});
