// The admin's view of every workspace and its bulk actions, over HTTP against the built server and the real engine:
// 50 running workspaces of 10 users, made and started through the API as those users; the admin lists them
// (filters, sort, pages, sampled CPU and memory), stops all 50 at once (one audit event with 50 items), is refused a
// data deletion without the typed count, and deletes with it (no container, volume or row left).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapPool } from "@/lib/admin/map-pool";
import { getDb } from "@/lib/db";
import { dockerRuntime } from "@/lib/runtime/docker";
import { type AppServer, startAppServer } from "../support/app-server";
import { expectAnswerConforms } from "../support/conforms";
import { IT } from "../support/prefixes";
import { docker } from "../support/test-image";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const USERS = 10;
const PER_USER = 5;
const TOTAL = USERS * PER_USER;
// Every owner's email carries this tag, so the owner filter picks out exactly this file's workspaces.
const TAG = `bulk${Date.now().toString(36)}`;

type Row = {
  id: string;
  name: string;
  owner: { id: string; email: string; slug: string };
  status: string;
  container_id: string | null;
  uptime_seconds: number | null;
  cpu_percent: number | null;
  memory_bytes: number | null;
};
type Page = { workspaces: Row[]; total: number; page: number; pages: number; sampled_at: string | null };

const db = getDb();
let app: AppServer;
let admin: TestUser;
let users: TestUser[] = [];
let made: { id: string; name: string; owner: TestUser }[] = [];

const request = async (who: TestUser, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { cookie: who.cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // Every answer of the documented API is what its schema allows.
  expectAnswerConforms(
    { method, url: path },
    { status: response.status, contentType: response.headers.get("content-type"), text },
  );
  return { status: response.status, body: text ? JSON.parse(text) : null };
};
const list = async (search: string): Promise<Page> => {
  const answer = await request(admin, "GET", `/api/v1/admin/workspaces?${search}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
};
const bulk = (body: unknown) => request(admin, "POST", "/api/v1/admin/workspaces/bulk", body);
const stateOf = (container: string) => docker("inspect", "-f", "{{.State.Status}}", container);
const volumesOf = (owner: TestUser) =>
  docker("volume", "ls", "-q", "--filter", `label=${IT}.owner-id=${owner.id}`).split("\n").filter(Boolean);
const containersOf = (owner: TestUser) =>
  docker("ps", "-aq", "--filter", `label=${IT}.owner-id=${owner.id}`).split("\n").filter(Boolean);

beforeAll(async () => {
  // A short sampling interval: a new workspace's CPU % needs two of the sampler's rounds.
  app = await startAppServer({
    ...testSettings,
    RECONCILER: "off",
    ADMIN_BULK_CONCURRENCY: "4",
    STATS_SAMPLE_INTERVAL_S: "2",
  });
  admin = await userWithSession(db, uniqueEmail(`${TAG}-admin`), "ADMIN");
  users = [];
  for (let i = 0; i < USERS; i++) users.push(await userWithSession(db, uniqueEmail(`${TAG}-u${i}`)));
  const wanted = users.flatMap((owner) =>
    Array.from({ length: PER_USER }, (_, j) => ({ owner, name: `w${j}` })),
  );
  // As those users would: create, then start (a launch that waits until the app answers), four at a time.
  made = await mapPool(wanted, 4, async ({ owner, name }) => {
    const created = await request(owner, "POST", "/api/workspaces", { name, template: "dev" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const started = await request(owner, "POST", `/api/workspaces/${created.body.id}/start`);
    expect(started.body.status, JSON.stringify(started.body)).toBe("running");
    return { id: created.body.id as string, name, owner };
  });
}, 300_000);
afterAll(async () => {
  await app?.stop();
});

describe("admin: every workspace", () => {
  it("reads the engine's resources and a workload's usage through the runtime seam", async () => {
    const runtime = dockerRuntime();
    const resources = await runtime.resources();
    expect(resources).toMatchObject({
      cpus: Number(docker("info", "-f", "{{.NCPU}}")),
      memoryBytes: Number(docker("info", "-f", "{{.MemTotal}}")),
    });
    // The engine is this machine's: its free memory is the kernel's MemAvailable, something under the total.
    expect(resources.freeMemoryBytes).toBeGreaterThan(0);
    expect(resources.freeMemoryBytes).toBeLessThan(resources.memoryBytes);
    const [row] = (await list(`owner=${TAG}`)).workspaces;
    const reading = await runtime.usage(row?.container_id ?? "");
    expect(reading?.cpuNs).toBeGreaterThan(0);
    expect(reading?.memoryBytes).toBeGreaterThan(0);
    expect(Date.parse(reading?.readAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
    expect(await runtime.usage("0".repeat(64))).toBeNull();
  });

  it("filters, sorts and pages on the server", async () => {
    const all = await list(`owner=${TAG}`);
    expect(all.total).toBe(TOTAL);
    expect(all.pages).toBe(1);
    // The default order: by owner, then name.
    const byOwner = [...made].sort((a, b) =>
      a.owner.email === b.owner.email ? (a.name < b.name ? -1 : 1) : a.owner.email < b.owner.email ? -1 : 1,
    );
    expect(all.workspaces.map((row) => row.id)).toEqual(byOwner.map((row) => row.id));
    expect(all.workspaces.every((row) => row.status === "running")).toBe(true);

    // Name descending (ties: owner, then id, the same way), seven a page: page 2 is rows 8 to 14.
    const page = await list(`owner=${TAG}&sort=name&dir=desc&per_page=7&page=2`);
    expect(page).toMatchObject({ total: TOTAL, page: 2, pages: Math.ceil(TOTAL / 7) });
    const byName = [...made].sort((a, b) =>
      a.name !== b.name
        ? a.name < b.name
          ? 1
          : -1
        : a.owner.email !== b.owner.email
          ? a.owner.email < b.owner.email
            ? 1
            : -1
          : a.id < b.id
            ? 1
            : -1,
    );
    expect(page.workspaces.map((row) => row.id)).toEqual(byName.slice(7, 14).map((row) => row.id));

    const one = users[3] as TestUser;
    const mine = await list(`owner=${one.slug}&template=dev&status=running`);
    expect(mine.workspaces.map((row) => row.owner.id)).toEqual(Array(PER_USER).fill(one.id));
    const named = await list(`owner=${TAG}&name=w3`);
    expect(named.total).toBe(USERS);
    expect(named.workspaces.every((row) => row.name === "w3")).toBe(true);
    expect((await list(`owner=${TAG}&status=stopped`)).total).toBe(0);
    // Past the last page: the last page there is.
    expect((await list(`owner=${TAG}&per_page=20&page=99`)).page).toBe(3);

    const bad = await request(admin, "GET", "/api/v1/admin/workspaces?sort=bogus&status=asleep&page=0");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["page", "sort", "status"]);
  });

  it("shows CPU and memory sampled in the background, and uptime, on the API and the page", async () => {
    let sampled: Page | undefined;
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
      sampled = await list(`owner=${TAG}&sort=memory`);
      if (sampled.workspaces.every((row) => row.memory_bytes !== null && row.cpu_percent !== null)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(sampled?.sampled_at).not.toBeNull();
    expect(sampled?.workspaces).toHaveLength(TOTAL);
    for (const row of sampled?.workspaces ?? []) {
      expect(row.memory_bytes, row.name).toBeGreaterThan(0);
      expect(row.cpu_percent, row.name).toBeGreaterThanOrEqual(0);
      expect(row.uptime_seconds, row.name).toBeGreaterThanOrEqual(0);
    }
    // Busiest first.
    const memory = (sampled?.workspaces ?? []).map((row) => row.memory_bytes ?? 0);
    expect(memory).toEqual([...memory].sort((a, b) => b - a));

    const page = await fetch(`${app.url}/admin/workspaces?owner=${TAG}&status=running`, {
      headers: { cookie: admin.cookie },
    });
    expect(page.status).toBe(200);
    // React separates adjacent text with comments: read the text as a person sees it.
    const html = (await page.text()).replaceAll("<!-- -->", "");
    expect(html.match(/data-testid="admin-workspace-row"/g)?.length).toBe(TOTAL);
    expect(html).toContain(`Page 1 of 1 · ${TOTAL} workspaces`);
    expect(html).toMatch(/data-testid="memory">\d+(\.\d)? (KB|MB)</);
  });

  it("stops 50 running workspaces of 10 users in one bulk action: 50 results, all exited, one audit event", async () => {
    const containers = (await list(`owner=${TAG}`)).workspaces.map((row) => row.container_id as string);
    expect(containers.every((id) => stateOf(id) === "running")).toBe(true);
    const since = new Date();
    const started = performance.now();
    const answer = await bulk({ action: "stop", filter: { owner: TAG, status: "running" } });
    console.log(`[admin-bulk] stopped ${TOTAL} in ${Math.round(performance.now() - started)} ms`);
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
    expect(answer.body).toMatchObject({ action: "stop", total: TOTAL, succeeded: TOTAL, failed: 0 });
    expect(new Set(answer.body.results.map((result: { id: string }) => result.id))).toEqual(
      new Set(made.map((workspace) => workspace.id)),
    );
    for (const id of containers) expect(stateOf(id), id).toBe("exited");
    // The owner stays the owner; the admin stopped them.
    const rows = await db.workspace.findMany({
      where: { id: { in: made.map((workspace) => workspace.id) } },
    });
    expect(rows.every((row) => row.stoppedReason === "admin")).toBe(true);
    expect(new Set(rows.map((row) => row.ownerId))).toEqual(new Set(users.map((user) => user.id)));

    const events = await db.auditEvent.findMany({ where: { at: { gte: since } } });
    const bulkEvents = events.filter((event) => event.action === "admin.bulk-stop");
    expect(bulkEvents).toHaveLength(1);
    const [event] = bulkEvents;
    expect(event).toMatchObject({
      actorId: admin.id,
      via: "session",
      outcome: "ok",
      targetType: "workspace",
    });
    const details = JSON.parse(event?.details ?? "{}");
    expect(details).toMatchObject({ succeeded: TOTAL, failed: 0, selection: { filter: { owner: TAG } } });
    expect(details.items).toHaveLength(TOTAL);
    expect(details.items.every((item: { outcome: string }) => item.outcome === "ok")).toBe(true);
    // One event, not one per workspace as well.
    expect(events.filter((other) => other.action === "workspace.stop")).toEqual([]);
    expect((await list(`owner=${TAG}&status=stopped`)).total).toBe(TOTAL);
  });

  it("refuses to delete data without the typed number of workspaces, and deletes nothing", async () => {
    const before = {
      rows: await db.workspace.count({ where: { owner: { email: { contains: TAG } } } }),
      containers: users.flatMap(containersOf).length,
      volumes: users.flatMap(volumesOf).length,
    };
    expect(before).toEqual({ rows: TOTAL, containers: TOTAL, volumes: TOTAL });
    for (const confirm of [undefined, "49", "delete"]) {
      const answer = await bulk({ action: "delete", filter: { owner: TAG }, delete_data: true, confirm });
      expect(answer.status, String(confirm)).toBe(400);
      expect(answer.body.error.code).toBe("CONFIRMATION_REQUIRED");
      expect(answer.body.error.message).toContain(`type ${TOTAL} to confirm`);
    }
    expect({
      rows: await db.workspace.count({ where: { owner: { email: { contains: TAG } } } }),
      containers: users.flatMap(containersOf).length,
      volumes: users.flatMap(volumesOf).length,
    }).toEqual(before);
  });

  it("answers a filter that matches nothing with 0 results, and bad selections with 400", async () => {
    const none = await bulk({ action: "stop", filter: { owner: `${TAG}-nobody` } });
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ total: 0, succeeded: 0, failed: 0, results: [] });
    const tooMany = await bulk({ action: "stop", ids: Array.from({ length: 1001 }, (_, i) => `id${i}`) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields.ids).toEqual(["Select at most 1000 workspaces at once."]);
    const both = await bulk({ action: "stop", ids: ["x"], filter: {} });
    expect(both.status).toBe(400);
    const neither = await bulk({ action: "explode" });
    expect(neither.status).toBe(400);
    expect(Object.keys(neither.body.error.fields)).toContain("action");
    // An id that does not exist is reported as such, beside the ones that worked.
    const mixed = await bulk({ action: "restart", ids: ["no-such-workspace", made[0]?.id] });
    expect(mixed.body).toMatchObject({ total: 2, succeeded: 1, failed: 1 });
    expect(mixed.body.results[0]).toMatchObject({ id: "no-such-workspace", ok: false, owner: null });
    expect(mixed.body.results[0].error.code).toBe("WORKSPACE_NOT_FOUND");
  });

  it("deletes with the typed count: no container, volume or row left; without data the volumes are kept", async () => {
    const [gone, kept] = users as [TestUser, TestUser];
    const ids = (owner: TestUser) => made.filter((workspace) => workspace.owner === owner).map((w) => w.id);
    const deleted = await bulk({
      action: "delete",
      ids: ids(gone),
      delete_data: true,
      confirm: String(PER_USER),
    });
    expect(deleted.status, JSON.stringify(deleted.body).slice(0, 300)).toBe(200);
    expect(deleted.body).toMatchObject({ total: PER_USER, succeeded: PER_USER, delete_data: true });
    expect(containersOf(gone)).toEqual([]);
    expect(volumesOf(gone)).toEqual([]);
    expect(await db.workspace.count({ where: { ownerId: gone.id } })).toBe(0);
    expect(await db.keptVolume.count({ where: { ownerId: gone.id } })).toBe(0);

    const keeping = await bulk({ action: "delete", filter: { owner: kept.slug } });
    expect(keeping.body).toMatchObject({ total: PER_USER, succeeded: PER_USER, delete_data: false });
    expect(containersOf(kept)).toEqual([]);
    expect(volumesOf(kept)).toHaveLength(PER_USER);
    expect(await db.keptVolume.count({ where: { ownerId: kept.id } })).toBe(PER_USER);
    expect((await list(`owner=${TAG}`)).total).toBe(TOTAL - 2 * PER_USER);
  });
});
