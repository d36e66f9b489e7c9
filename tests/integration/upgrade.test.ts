// Upgrading loses nothing: a database made by the version before workspaces (only its own migration applied),
// with users, sessions and running containers made the way that version made them (names, labels, env, a loopback
// port), is migrated in place. The same containers are the users' dev and prod workspaces: listed, opened and
// reconciled without being re-created, removed or duplicated.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { userInDatabase } from "../support/database";
import { waitForHttp } from "../support/http";
import { migrateUpTo } from "../support/old-version";
import { runOldWorkload } from "../support/old-workloads";
import { IT } from "../support/prefixes";
import { docker, removeLabelled } from "../support/test-image";
import { testSettings } from "./setup-env";

// A label prefix of this file's own, so "nothing removed, nothing added" counts exactly what is here.
const PREFIX = `${IT}-upgrade`;
const BEFORE_WORKSPACES = "20261122000000_init";
const root = mkdtempSync(path.join(tmpdir(), "spawner-upgrade-"));
const database = path.join(root, "old.db");
const image = testSettings.USER_TEMPLATE_IMAGE_DEV;
let app: AppServer | undefined;

type OldUser = {
  id: string;
  email: string;
  slug: string;
  cookie: string;
  containers: Record<string, string>;
};
const people: OldUser[] = [];

/** A container exactly as the version before workspaces created it (lib/runtime/container-spec.ts then). */
function oldContainer(user: { id: string; slug: string }, type: string): string {
  return runOldWorkload({
    prefix: PREFIX,
    name: `user-${user.slug}-${type}-${user.id}`,
    image,
    labels: { "managed-by": "spawner", "owner-id": user.id, type, slug: user.slug },
    env: { USER_ID: user.id, USER_SLUG: user.slug, CONTAINER_TYPE: type, SERVICE_BASE_PATH: "/" },
    extra: ["--hostname", `${user.slug}-${type}`, "--memory-swap", "64m", "--restart", "unless-stopped"],
  });
}

const managed = () =>
  docker("ps", "-aq", "--no-trunc", "--filter", `label=${PREFIX}.managed-by=spawner`)
    .split("\n")
    .filter(Boolean)
    .sort();

beforeAll(async () => {
  removeLabelled(PREFIX);
  migrateUpTo(root, database, BEFORE_WORKSPACES);
  for (const [index, name] of ["ada-up", "bob-up"].entries()) {
    // Users and sessions have the same columns before and after workspaces.
    const user = { ...userInDatabase(`file:${database}`, name), containers: {} as Record<string, string> };
    const { id, slug } = user;
    const db = new Database(database);
    // ada has both slots (dev running, prod stopped); bob has dev only.
    for (const type of index === 0 ? ["dev", "prod"] : ["dev"]) {
      const containerId = oldContainer(user, type);
      user.containers[type] = containerId;
      db.prepare(
        `INSERT INTO "UserContainer" (id, userId, containerType, containerId, containerName, image, createdAt, lastUsedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        `uc${index}${type}`,
        id,
        type,
        containerId,
        `user-${slug}-${type}-${id}`,
        image,
        Date.now(),
        Date.now(),
      );
    }
    db.close();
    people.push(user);
  }
  docker("stop", "-t", "1", people[0]?.containers.prod ?? "");
});

afterAll(async () => {
  await app?.stop();
  removeLabelled(PREFIX);
  rmSync(root, { recursive: true, force: true });
});

const call = async (method: string, url: string, cookie: string) => {
  const response = await fetch(url, { method, headers: { cookie } });
  return { status: response.status, body: await response.json() };
};

describe("upgrading a database and containers made before workspaces", () => {
  it("migrates every user, session and container row in place", () => {
    const result = spawnSync(process.execPath, ["scripts/migrate.mjs"], {
      env: { ...process.env, DATABASE_URL: `file:${database}` },
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
    const db = new Database(database, { readonly: true });
    expect(db.prepare(`SELECT count(*) AS n FROM "User"`).get()).toEqual({ n: 2 });
    expect(db.prepare(`SELECT count(*) AS n FROM "Session"`).get()).toEqual({ n: 2 });
    const rows = db
      .prepare(`SELECT ownerId, name, runtimeId, workloadName, routeKey FROM "Workspace" ORDER BY routeKey`)
      .all();
    db.close();
    expect(rows).toEqual(
      people
        .flatMap((user) =>
          Object.entries(user.containers).map(([type, containerId]) => ({
            ownerId: user.id,
            name: type,
            runtimeId: containerId,
            workloadName: `user-${user.slug}-${type}-${user.id}`,
            routeKey: `${user.slug}-${type}`,
          })),
        )
        .sort((a, b) => a.routeKey.localeCompare(b.routeKey)),
    );
    const status = execFileSync("node_modules/.bin/prisma", ["migrate", "status"], {
      env: { ...process.env, DATABASE_URL: `file:${database}` },
      encoding: "utf8",
    });
    expect(status).toContain("Database schema is up to date!");
  });

  it("shows the same containers as the dev and prod workspaces, opens them without re-creating, and the reconciler keeps them", async () => {
    const before = managed();
    // An orphan grace of 0: a reconciler that did not recognise the old labels would remove them at once.
    app = await startAppServer({
      ...testSettings,
      DATABASE_URL: `file:${database}`,
      LABEL_PREFIX: PREFIX,
      ORPHAN_GRACE_MS: "0",
      USER_TEMPLATE_IMAGE_PROD: image,
    });
    const [ada, bob] = people;
    if (!ada || !bob) throw new Error("fixture users missing");
    const list = await call("GET", `${app.url}/api/user/containers`, ada.cookie);
    expect(list.status).toBe(200);
    expect(
      list.body.containers.map((slot: { type: string; status: string; container_id: string }) => [
        slot.type,
        slot.status,
        slot.container_id,
      ]),
    ).toEqual([
      ["dev", "running", ada.containers.dev],
      ["prod", "stopped", ada.containers.prod],
    ]);
    const bobs = await call("GET", `${app.url}/api/user/containers`, bob.cookie);
    expect(bobs.body.containers.map((slot: { status: string }) => slot.status)).toEqual([
      "running",
      "not_created",
    ]);

    // Open: the running one answers at once, the stopped one is started — both the same containers.
    for (const type of ["dev", "prod"]) {
      const launched = await call("POST", `${app.url}/api/container/launch/${type}`, ada.cookie);
      expect(launched, type).toMatchObject({
        status: 200,
        body: { status: "running", container_id: ada.containers[type] },
      });
      expect(await waitForHttp(launched.body.service_url)).toContain(`Hello from ${ada.slug}-${type}`);
    }
    const workspaces = await call("GET", `${app.url}/api/workspaces`, ada.cookie);
    expect(
      workspaces.body.workspaces.map((w: { name: string; container_id: string }) => [w.name, w.container_id]),
    ).toEqual([
      ["dev", ada.containers.dev],
      ["prod", ada.containers.prod],
    ]);

    // The reconciler ran its start-up diff (and follows events): nothing removed, nothing added.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(app.output()).not.toMatch(/orphan/);
    expect(managed()).toEqual(before);
  });

  it("stops, restarts and deletes a migrated workspace like any other", async () => {
    const ada = people[0];
    if (!ada || !app) throw new Error("fixture missing");
    const dev = (await call("GET", `${app.url}/api/workspaces`, ada.cookie)).body.workspaces[0];
    expect((await call("POST", `${app.url}/api/workspaces/${dev.id}/stop`, ada.cookie)).body.status).toBe(
      "stopped",
    );
    expect(
      (await call("POST", `${app.url}/api/workspaces/${dev.id}/restart`, ada.cookie)).body,
    ).toMatchObject({ status: "running", container_id: ada.containers.dev });
    expect(
      (await call("DELETE", `${app.url}/api/workspaces/${dev.id}?keep_data=false`, ada.cookie)).status,
    ).toBe(200);
    expect(docker("ps", "-aq", "--no-trunc", "--filter", `id=${ada.containers.dev}`)).toBe("");
    const slots = await call("GET", `${app.url}/api/user/containers`, ada.cookie);
    expect(slots.body.containers[0]).toMatchObject({ type: "dev", status: "not_created" });
  });
});
