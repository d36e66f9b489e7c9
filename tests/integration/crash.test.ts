// SIGKILL of the app at each launch step (a test hook stops the launch there), then a fresh server on the same
// database: within 30 s no labelled container is unclaimed, every status the API shows is what Docker holds,
// and a new launch gives exactly one working container.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { FaultPoint } from "@/lib/env";
import { stateFromDocker } from "@/lib/runtime/docker/to-workload";
import { statusOf } from "@/lib/workspaces/status";
import { type AppServer, startAppServer } from "../support/app-server";
import { waitForHttp } from "../support/http";
import { IT } from "../support/prefixes";
import { docker, removeLabelled } from "../support/test-image";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

// A label prefix of this file's own: every container carrying it was made here, so "no orphan" is exact.
const PREFIX = `${IT}-crash`;
const settings = { ...testSettings, LABEL_PREFIX: PREFIX };
const POINTS: FaultPoint[] = ["after-row", "after-create", "after-start"];
const image = testSettings.USER_TEMPLATE_IMAGE_DEV;

const db = getDb();
const users = new Map<FaultPoint, TestUser>();
const bystanders: string[] = [];
let fresh: AppServer | undefined;

const ids = (...filters: string[]) =>
  docker("ps", "-aq", "--no-trunc", ...filters.flatMap((filter) => ["--filter", filter]))
    .split("\n")
    .filter(Boolean);
const inspect = (id: string) => JSON.parse(docker("inspect", id))[0];
const owned = (user: TestUser, type: string) =>
  ids(`label=${PREFIX}.owner-id=${user.id}`, `label=${PREFIX}.workspace=${type}`);

beforeAll(async () => {
  removeLabelled(PREFIX);
  for (const point of POINTS) users.set(point, await userWithSession(db, uniqueEmail(point)));
  // Not ours: no labels, another install's labels, and our owner label without managed-by. Never touched.
  bystanders.push(
    docker("create", image),
    docker(
      "create",
      "--label",
      `${IT}-other.managed-by=spawner`,
      "--label",
      `${IT}-other.workspace=dev`,
      image,
    ),
    docker("create", "--label", `${PREFIX}.owner-id=${users.get("after-row")?.id}`, image),
  );
});
afterAll(async () => {
  await fresh?.stop();
  removeLabelled(PREFIX);
  for (const id of bystanders) docker("rm", "-f", id);
});

type View = { type: string; status: string; container_id: string | null };

/** Everything that disagrees between the database, the API and the engine; empty when all is consistent. */
async function disagreements(app: AppServer): Promise<string[]> {
  const problems: string[] = [];
  const rows = await db.workspace.findMany({ select: { id: true, ownerId: true, runtimeId: true } });
  for (const id of ids(`label=${PREFIX}.managed-by=spawner`)) {
    const claims = rows.filter((row) => row.runtimeId === id).length;
    if (claims !== 1) problems.push(`container ${id.slice(0, 12)} is claimed by ${claims} rows`);
  }
  const read = async (user: TestUser, path: string) =>
    (await fetch(`${app.url}${path}`, { headers: { cookie: user.cookie } })).json();
  for (const [point, user] of users) {
    // The dashboard's slots and each workspace's own page.
    const views: View[] = [...(await read(user, "/api/user/containers")).containers];
    for (const row of rows.filter((candidate) => candidate.ownerId === user.id)) {
      const workspace = await read(user, `/api/workspaces/${row.id}`);
      views.push({ type: workspace.name, status: workspace.status, container_id: workspace.container_id });
    }
    for (const view of views) {
      const found = owned(user, view.type);
      const info = found.length === 1 ? inspect(String(found[0])) : null;
      const expected = info
        ? statusOf(
            { state: stateFromDocker(info.State.Status, info.State.ExitCode, info.State.OOMKilled) },
            false,
          )
        : "not_created";
      if (found.length > 1) problems.push(`${point} ${view.type}: ${found.length} containers`);
      if (view.status !== expected || view.container_id !== (info?.Id ?? null))
        problems.push(`${point} ${view.type}: API says ${view.status}, engine says ${expected}`);
    }
  }
  return problems;
}

describe("a server killed mid-launch", () => {
  it("leaves nothing a fresh server cannot set straight within 30 s, and launches work again", async () => {
    const madeBeforeKill = new Map<FaultPoint, string[]>();
    const crash = async (point: FaultPoint) => {
      const user = users.get(point) as TestUser;
      // No reconciler here: only the restarted server may repair what the crashes left.
      const doomed = await startAppServer({ ...settings, TEST_FAULT_POINT: point });
      const launch = fetch(`${doomed.url}/api/container/launch/dev`, {
        method: "POST",
        headers: { cookie: user.cookie },
      }).catch(() => null);
      await doomed.waitForOutput(`[fault] reached ${point}`);
      doomed.process.kill("SIGKILL");
      await doomed.exited;
      expect(await launch, `${point}: the launch request died with the server`).toBeNull();
      madeBeforeKill.set(point, owned(user, "dev"));
    };
    await Promise.all(POINTS.map(crash));
    // The crash really left each step's half-done state behind.
    expect(madeBeforeKill.get("after-row")).toHaveLength(0);
    expect(madeBeforeKill.get("after-create")).toHaveLength(1);
    expect(madeBeforeKill.get("after-start")).toHaveLength(1);

    const restarted = Date.now();
    fresh = await startAppServer({ ...settings, RECONCILE_INTERVAL_MS: "1000", ORPHAN_GRACE_MS: "0" });
    let problems = await disagreements(fresh);
    while (problems.length > 0 && Date.now() - restarted < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      problems = await disagreements(fresh);
    }
    expect(problems).toEqual([]);
    console.info(`[crash] consistent ${Date.now() - restarted} ms after the restart began`);
    // Set straight by adoption, not by deleting: what the crashed launches made is still there.
    for (const point of POINTS)
      expect(owned(users.get(point) as TestUser, "dev")).toEqual(madeBeforeKill.get(point));

    for (const [point, user] of users) {
      const response = await fetch(`${fresh.url}/api/container/launch/dev`, {
        method: "POST",
        headers: { cookie: user.cookie },
      });
      const body = await response.json();
      expect(response.status, `${point}: ${JSON.stringify(body)}`).toBe(200);
      expect(await waitForHttp(body.service_url)).toContain(`Hello from ${user.slug}-dev`);
      expect(owned(user, "dev")).toEqual([body.container_id]);
    }
    expect(await disagreements(fresh)).toEqual([]);
    for (const id of bystanders) expect(inspect(id).State.Status).toBe("created");
  });
});
