// A template's volume driver through the admin API, against the built server, the real engine (docker runtime) and a
// database of its own: a bad option is refused at its field; a template with the local driver's tmpfs options makes
// workspaces whose volumes the engine holds with exactly those options ({volume} replaced by each one's name); a
// change of the setting is a new version that a new volume takes and an existing one does not.
import { rmSync } from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { expectAnswerConforms } from "../support/conforms";
import { createTestDatabase, userInDatabase } from "../support/database";
import { IT } from "../support/prefixes";
import { docker, removeLabelled } from "../support/test-image";
import { testSettings } from "./setup-env";

const PREFIX = `${IT}-tplvol`;
const own = createTestDatabase("template-volume");
const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: own.url }) });
const TMPFS = { type: "tmpfs", device: "tmpfs", o: "size=16m" };

type User = { id: string; cookie: string };
let app: AppServer;
let admin: User;
let owner: User;

async function call(who: User, method: string, path: string, body?: unknown) {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { cookie: who.cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expectAnswerConforms(
    { method, url: path },
    { status: response.status, contentType: response.headers.get("content-type"), text },
  );
  return { status: response.status, body: text ? JSON.parse(text) : null, text };
}

const scratch = {
  name: "scratch",
  display_name: "Scratch",
  image: testSettings.USER_TEMPLATE_IMAGE_DEV,
  apps: [{ name: "web", port: 8080, primary: true }],
  limits: { default: { memory_mb: 64, cpus: 0.5, pids: 64 }, max: { memory_mb: 128, cpus: 1, pids: 128 } },
  volume: { driver: "local", options: TMPFS },
};

const listed = async (name: string) => {
  const { body } = await call(admin, "GET", "/api/v1/admin/templates");
  return body.templates.find((template: { name: string }) => template.name === name);
};

/** A running workspace of the template: its container and the volume the engine made for it. */
async function startWorkspace(name: string) {
  const created = await call(owner, "POST", "/api/workspaces", { name, template: "scratch" });
  expect(created.status, created.text).toBe(201);
  const started = await call(owner, "POST", `/api/workspaces/${created.body.id}/start`);
  expect(started.status, started.text).toBe(200);
  const row = await db.workspace.findUniqueOrThrow({ where: { id: created.body.id } });
  return { id: row.id, containerId: started.body.container_id as string, volume: row.volumeName };
}

const volumeOf = (name: string) =>
  JSON.parse(docker("volume", "inspect", name))[0] as { Driver: string; Options: Record<string, string> };
const mountOf = (containerId: string) =>
  docker("exec", containerId, "cat", "/proc/mounts")
    .split("\n")
    .find((line) => line.split(" ")[1] === "/workspace");

beforeAll(async () => {
  removeLabelled(PREFIX);
  app = await startAppServer({
    ...testSettings,
    DATABASE_URL: own.url,
    LABEL_PREFIX: PREFIX,
    RECONCILER: "off",
  });
  admin = userInDatabase(own.url, "vol-admin", "ADMIN");
  owner = userInDatabase(own.url, "vol-owner");
});
afterAll(async () => {
  await app?.stop();
  await db.$disconnect();
  removeLabelled(PREFIX);
  rmSync(own.dir, { recursive: true, force: true });
});

describe("a template's volume driver", () => {
  it("refuses a bad option name and driver, naming each field, and stores nothing", async () => {
    const answer = await call(admin, "POST", "/api/v1/admin/templates", {
      ...scratch,
      volume: { driver: "Not A Plugin", options: { ...TMPFS, "bad key": "x" } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(answer.body.error.fields).sort()).toEqual(["volume.driver", "volume.options.bad key"]);
    expect(answer.body.error.fields["volume.options.bad key"].join(" ")).toContain('"bad key"');
    expect(answer.text).not.toMatch(/at \w+ \(|node_modules/);
    expect(await db.template.findUnique({ where: { name: "scratch" } })).toBeNull();
  });

  it("keeps the seeded templates local and unshared", async () => {
    for (const name of ["dev", "prod", "ide"])
      expect((await listed(name)).volume).toEqual({ driver: "local", options: {}, shared: false });
  });

  let first = { id: "", containerId: "", volume: "" };

  it("makes a workspace whose volume the engine holds with the template's driver and options", async () => {
    const created = await call(admin, "POST", "/api/v1/admin/templates", scratch);
    expect(created.status, created.text).toBe(201);
    expect(created.body.volume).toEqual({ driver: "local", options: TMPFS, shared: false });
    expect((await listed("scratch")).volume).toEqual({ driver: "local", options: TMPFS, shared: false });
    first = await startWorkspace("tmp");
    expect(volumeOf(first.volume)).toMatchObject({ Driver: "local", Options: TMPFS });
    expect(mountOf(first.containerId)).toMatch(/^tmpfs \/workspace tmpfs .*size=16384k/);
  });

  it("is a new version when changed, which a new volume takes and an existing one does not", async () => {
    const { id } = await listed("scratch");
    const volume = { driver: "local", options: { ...TMPFS, device: "spawner-{volume}" }, shared: true };
    const edited = await call(admin, "PATCH", `/api/v1/admin/templates/${id}`, { volume });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, volume, outdated: 1 });
    // The same setting again is no change.
    const again = await call(admin, "PATCH", `/api/v1/admin/templates/${id}`, { volume });
    expect(again.body.version).toBe(2);
    const audit = await db.auditEvent.findFirst({ where: { action: "template.update", targetId: id } });
    expect(JSON.parse(audit?.details ?? "{}")).toMatchObject({ fields: ["volume"], version: 2 });

    // Re-created from version 2, the first workspace keeps the volume it had, with the options it was made with.
    const updated = await call(owner, "POST", `/api/workspaces/${first.id}/update`);
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body.container_id).not.toBe(first.containerId);
    expect(volumeOf(first.volume)).toMatchObject({ Driver: "local", Options: TMPFS });

    const second = await startWorkspace("tmp2");
    expect(volumeOf(second.volume)).toMatchObject({
      Driver: "local",
      Options: { ...TMPFS, device: `spawner-${second.volume}` },
    });
    expect(mountOf(second.containerId)?.split(" ")[0]).toBe(`spawner-${second.volume}`);
  });
});
