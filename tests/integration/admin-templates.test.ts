// Templates and container defaults in the admin API, against the built server, the real engine and a database of
// its own (these tests edit the seeded templates and the defaults, which the shared database must not see).
// Creating checks the image on the engine; editing changes no running workspace, and the owner's confirmation
// re-creates it from the new version with its data; disabling stops new workspaces only; the defaults stored in
// the app rewrite the seeded templates that still follow the settings, and a reset goes back to the environment's.
// A template's idle timeout and maximum lifetime go in minutes and are kept in seconds; changing them is an edit
// (the seeded template stops following the settings) but no new version, and touches no running workspace.
import { rmSync } from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { expectAnswerConforms } from "../support/conforms";
import { createTestDatabase, userInDatabase } from "../support/database";
import { IT } from "../support/prefixes";
import { docker } from "../support/test-image";
import { testSettings } from "./setup-env";

const own = createTestDatabase("admin-templates");
const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: own.url }) });
const IMAGE = testSettings.USER_TEMPLATE_IMAGE_DEV;
// The "new version" of the image: another reference to it, made here and removed afterwards.
const IMAGE_V2 = `spawner-test-httpd:${IT}-v2`;
const MISSING = "spawner-missing-image:never";

type User = { id: string; cookie: string };
let app: AppServer;
let admin: User;
let owner: User;
let other: User;

async function call(who: User, method: string, path: string, body?: unknown) {
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
  return { status: response.status, body: text ? JSON.parse(text) : null, text };
}

const limits = {
  default: { memory_mb: 64, cpus: 0.5, pids: 64 },
  max: { memory_mb: 128, cpus: 1, pids: 128 },
};
const tools = {
  name: "tools",
  display_name: "Tools",
  description: "A template made by an admin.",
  image: IMAGE,
  apps: [{ name: "web", port: 8080, primary: true }],
  limits,
  data_path: "/workspace",
};

const adminTemplates = async () =>
  (await call(admin, "GET", "/api/v1/admin/templates")).body.templates as {
    id: string;
    name: string;
    version: number;
    enabled: boolean;
    image: string;
    image_present: boolean | null;
    workspaces: number;
    outdated: number;
    follows_settings: boolean;
  }[];
const templateNamed = async (name: string) => {
  const found = (await adminTemplates()).find((template) => template.name === name);
  if (!found) throw new Error(`no template ${name}`);
  return found;
};
const userTemplates = async () =>
  (await call(owner, "GET", "/api/templates")).body.templates as {
    name: string;
    limits: { default: { memory_mb: number; cpus: number }; max: { memory_mb: number } };
  }[];
const inspect = (id: string, format: string) => docker("inspect", "-f", format, id);

beforeAll(async () => {
  docker("tag", IMAGE, IMAGE_V2);
  app = await startAppServer({ ...testSettings, DATABASE_URL: own.url, RECONCILER: "off" });
  admin = userInDatabase(own.url, "tpl-admin", "ADMIN");
  owner = userInDatabase(own.url, "tpl-owner");
  other = userInDatabase(own.url, "tpl-other");
});
afterAll(async () => {
  await app?.stop();
  await db.$disconnect();
  rmSync(own.dir, { recursive: true, force: true });
  docker("rmi", IMAGE_V2);
});

describe("admin templates", () => {
  it("refuses a template whose image is not on the engine, naming it, and makes nothing", async () => {
    const before = await db.template.count();
    const answer = await call(admin, "POST", "/api/v1/admin/templates", { ...tools, image: MISSING });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("VALIDATION_FAILED");
    expect(answer.body.error.message).toContain(MISSING);
    expect(answer.body.error.fields.image.join(" ")).toContain(MISSING);
    expect(await db.template.count()).toBe(before);
    expect(await db.template.findUnique({ where: { name: "tools" } })).toBeNull();
  });

  it("names every bad field at once: two primaries, a port twice, a maximum under its default, a relative path", async () => {
    const answer = await call(admin, "POST", "/api/v1/admin/templates", {
      ...tools,
      name: "Not A Label",
      apps: [
        { name: "web", port: 8080, primary: true },
        { name: "api", port: 8080, primary: true, health_path: "healthz" },
      ],
      limits: { ...limits, max: { ...limits.max, memory_mb: 32 } },
      data_path: "workspace/../etc",
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields).sort()).toEqual(
      ["apps", "apps.1.health_path", "apps.1.port", "data_path", "limits.max.memory_mb", "name"].sort(),
    );
    expect(answer.body.error.fields.apps.join(" ")).toContain("exactly one app as primary");
    expect(answer.text).not.toMatch(/at \w+ \(|node_modules/);
    expect(await db.template.findUnique({ where: { name: "Not A Label" } })).toBeNull();
  });

  let workspaceId = "";
  let containerId = "";

  it("creates a template that is listed to users at once and makes workspaces; its name is taken from then on", async () => {
    const created = await call(admin, "POST", "/api/v1/admin/templates", tools);
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ name: "tools", version: 1, enabled: true, image_present: true });
    expect((await userTemplates()).map((template) => template.name)).toContain("tools");
    const again = await call(admin, "POST", "/api/v1/admin/templates", tools);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "NAME_TAKEN", fields: { name: expect.any(Array) } });

    const workspace = await call(owner, "POST", "/api/workspaces", { name: "tooled", template: "tools" });
    expect(workspace.status, workspace.text).toBe(201);
    workspaceId = workspace.body.id;
    const started = await call(owner, "POST", `/api/workspaces/${workspaceId}/start`);
    expect(started.status, started.text).toBe(200);
    expect(started.body).toMatchObject({ status: "running", update_available: false });
    containerId = started.body.container_id;
    expect(inspect(containerId, "{{.Config.Image}} {{.State.Status}}")).toBe(`${IMAGE} running`);
    expect(await templateNamed("tools")).toMatchObject({ workspaces: 1, outdated: 0 });
    const audits = await db.auditEvent.findMany({
      where: { action: "template.create", targetName: "tools" },
      orderBy: { id: "asc" },
    });
    // The refusals are recorded too, with their codes.
    expect(audits.map((audit) => audit.outcome)).toEqual(["VALIDATION_FAILED", "ok", "NAME_TAKEN"]);
    expect(audits[1]).toMatchObject({ actorId: admin.id, targetType: "template", targetId: created.body.id });
  });

  it("edits image and apps as a new version without touching the running workspace; the owner's update re-creates it with its data", async () => {
    docker("exec", containerId, "sh", "-c", "echo kept > /workspace/note.txt");
    const { id } = await templateNamed("tools");
    // The primary app renamed, a second one added.
    const apps = [
      { name: "site", port: 8080, primary: true },
      { name: "extra", port: 3000, primary: false },
    ];
    const edited = await call(admin, "PATCH", `/api/v1/admin/templates/${id}`, { image: IMAGE_V2, apps });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, image: IMAGE_V2, outdated: 1, workspaces: 1 });
    const audit = await db.auditEvent.findFirst({ where: { action: "template.update", targetId: id } });
    expect(JSON.parse(audit?.details ?? "{}")).toMatchObject({ fields: ["image", "apps"], version: 2 });

    // The running workspace is exactly as it was: same container, same image, still running.
    expect(inspect(containerId, "{{.Id}} {{.Config.Image}} {{.State.Status}}")).toBe(
      `${containerId} ${IMAGE} running`,
    );
    const view = await call(owner, "GET", `/api/workspaces/${workspaceId}`);
    expect(view.body).toMatchObject({ container_id: containerId, status: "running", update_available: true });
    // Its apps and link are its workload's, not the edited template's, until it is re-created.
    expect(view.body.apps.map((app: { name: string }) => app.name)).toEqual(["web"]);
    expect((await fetch(view.body.service_url)).status).toBe(200);

    // Nobody else can see it, so nobody else can update it.
    const theirs = await call(other, "POST", `/api/workspaces/${workspaceId}/update`);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe("WORKSPACE_NOT_FOUND");
    expect(inspect(containerId, "{{.State.Status}}")).toBe("running");

    const updated = await call(owner, "POST", `/api/workspaces/${workspaceId}/update`);
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body).toMatchObject({ status: "running", update_available: false, pending_change: null });
    expect(updated.body.apps.map((app: { name: string }) => app.name)).toEqual(["site", "extra"]);
    const renewed = updated.body.container_id as string;
    expect(renewed).not.toBe(containerId);
    expect(docker("ps", "-aq", "--no-trunc", "--filter", `id=${containerId}`)).toBe("");
    expect(inspect(renewed, "{{.Config.Image}} {{.State.Status}}")).toBe(`${IMAGE_V2} running`);
    expect(docker("exec", renewed, "cat", "/workspace/note.txt")).toBe("kept");
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).templateVersion).toBe(2);
    expect(await templateNamed("tools")).toMatchObject({ outdated: 0 });
    // Up to date: nothing more to do.
    expect((await call(owner, "POST", `/api/workspaces/${workspaceId}/update`)).status).toBe(409);
    containerId = renewed;
  });

  it("keeps a template's name, and takes enabled only by itself", async () => {
    const { id } = await templateNamed("tools");
    const renamed = await call(admin, "PATCH", `/api/v1/admin/templates/${id}`, { name: "other" });
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.fields.name).toBeDefined();
    const mixed = await call(admin, "PATCH", `/api/v1/admin/templates/${id}`, {
      enabled: false,
      display_name: "X",
    });
    expect(mixed.status).toBe(400);
    expect(await db.template.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "tools",
      displayName: "Tools",
      enabled: true,
    });
  });

  it("disables a template: no new workspaces from it, the existing one still starts", async () => {
    const { id } = await templateNamed("tools");
    const disabled = await call(admin, "PATCH", `/api/v1/admin/templates/${id}`, { enabled: false });
    expect(disabled.status, disabled.text).toBe(200);
    expect(disabled.body.enabled).toBe(false);
    expect((await userTemplates()).map((template) => template.name)).not.toContain("tools");
    const refused = await call(owner, "POST", "/api/workspaces", { name: "another", template: "tools" });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.template).toBeDefined();
    expect(await db.workspace.findFirst({ where: { ownerId: owner.id, name: "another" } })).toBeNull();

    expect((await call(owner, "POST", `/api/workspaces/${workspaceId}/stop`)).body.status).toBe("stopped");
    const restarted = await call(owner, "POST", `/api/workspaces/${workspaceId}/start`);
    expect(restarted.status, restarted.text).toBe(200);
    expect(restarted.body.status).toBe("running");
    expect(inspect(restarted.body.container_id, "{{.State.Status}}")).toBe("running");
    expect(await db.auditEvent.count({ where: { action: "template.disable", targetId: id } })).toBe(1);
  });

  it("never disables dev or prod: every user's two slots (409, saying so)", async () => {
    for (const name of ["dev", "prod"]) {
      const { id } = await templateNamed(name);
      const answer = await call(admin, "PATCH", `/api/v1/admin/templates/${id}`, { enabled: false });
      expect(answer.status, name).toBe(409);
      expect(answer.body.error.message).toContain("slot");
      expect((await db.template.findUniqueOrThrow({ where: { id } })).enabled).toBe(true);
    }
  });
});

describe("container defaults", () => {
  it("refuses bad values, every one by its setting, and stores nothing", async () => {
    const before = await userTemplates();
    const bad = await call(admin, "PUT", "/api/v1/admin/defaults", {
      CONTAINER_MEMORY: "lots",
      CONTAINER_CPUS: 500,
      USER_TEMPLATE_IMAGE_DEV: "not an image!",
      CONTAINER_NETWORK: "elsewhere",
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(
      ["CONTAINER_CPUS", "CONTAINER_MEMORY", "CONTAINER_NETWORK", "USER_TEMPLATE_IMAGE_DEV"].sort(),
    );
    // Valid each, wrong together or on this engine: a maximum under its default, an image that is not there.
    const wrong = await call(admin, "PUT", "/api/v1/admin/defaults", {
      CONTAINER_MEMORY: "256m",
      CONTAINER_MAX_MEMORY: "128m",
      USER_TEMPLATE_IMAGE_PROD: MISSING,
    });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.error.fields).sort()).toEqual([
      "CONTAINER_MAX_MEMORY",
      "USER_TEMPLATE_IMAGE_PROD",
    ]);
    expect(wrong.body.error.fields.USER_TEMPLATE_IMAGE_PROD.join(" ")).toContain(MISSING);
    expect(await db.platformSetting.findMany()).toEqual([]);
    expect(await userTemplates()).toEqual(before);
  });

  it("applies stored defaults to the seeded templates that follow the settings, and a reset restores the environment's", async () => {
    // An admin's edit makes ide theirs: the defaults leave it alone from then on.
    const ide = await templateNamed("ide");
    expect(ide.follows_settings).toBe(true);
    expect(
      (await call(admin, "PATCH", `/api/v1/admin/templates/${ide.id}`, { description: "Ours." })).status,
    ).toBe(200);
    const devBefore = await templateNamed("dev");
    const environment = (await call(admin, "GET", "/api/v1/admin/defaults")).body;
    expect(environment.overrides).toEqual({});
    expect(environment.environment.CONTAINER_MEMORY).toBe("64m");
    expect(environment.environment_only.map((setting: { key: string }) => setting.key)).toContain(
      "CONTAINER_NETWORK",
    );

    const saved = await call(admin, "PUT", "/api/v1/admin/defaults", {
      CONTAINER_MEMORY: "128m",
      CONTAINER_MAX_MEMORY: "256m",
      CONTAINER_CPUS: "0.25",
      USER_TEMPLATE_IMAGE_DEV: IMAGE_V2,
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.overrides).toEqual({
      CONTAINER_MEMORY: "128m",
      CONTAINER_MAX_MEMORY: "256m",
      CONTAINER_CPUS: "0.25",
      USER_TEMPLATE_IMAGE_DEV: IMAGE_V2,
    });
    expect(saved.body.effective).toMatchObject({ CONTAINER_MEMORY: "128m", CONTAINER_CPUS: "0.25" });
    const byName = Object.fromEntries((await userTemplates()).map((template) => [template.name, template]));
    for (const name of ["dev", "prod"]) {
      expect(byName[name]?.limits.default, name).toMatchObject({ memory_mb: 128, cpus: 0.25 });
      expect(byName[name]?.limits.max.memory_mb, name).toBe(256);
    }
    // ide was edited: still the environment's CPUs.
    expect(byName.ide?.limits.default.cpus).toBe(0.5);
    // A new dev image is a new dev version.
    expect(await templateNamed("dev")).toMatchObject({ image: IMAGE_V2, version: devBefore.version + 1 });
    const audit = await db.auditEvent.findFirst({
      where: { action: "defaults.update" },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(audit?.details ?? "{}").fields).toEqual([
      "CONTAINER_MEMORY",
      "CONTAINER_CPUS",
      "CONTAINER_MAX_MEMORY",
      "USER_TEMPLATE_IMAGE_DEV",
    ]);
    expect(audit?.details).not.toContain("128m");

    const reset = await call(admin, "PUT", "/api/v1/admin/defaults", {});
    expect(reset.status, reset.text).toBe(200);
    expect(reset.body.overrides).toEqual({});
    expect(await db.platformSetting.findMany()).toEqual([]);
    const after = Object.fromEntries((await userTemplates()).map((template) => [template.name, template]));
    for (const name of ["dev", "prod"])
      expect(after[name]?.limits.default, name).toMatchObject({ memory_mb: 64, cpus: 0.5 });
    expect(await templateNamed("dev")).toMatchObject({ image: IMAGE, version: devBefore.version + 2 });
  });
});

describe("idle timeout and maximum lifetime", () => {
  type Timed = {
    id: string;
    version: number;
    edited_at: string | null;
    follows_settings: boolean;
    idle_timeout_minutes: number;
  };
  const seconds = async (name: string) => {
    const row = await db.template.findUniqueOrThrow({ where: { name } });
    return [row.idleSeconds, row.maxLifetimeSeconds];
  };

  it("default to 30 minutes and none on create, and go in minutes and are stored in seconds", async () => {
    // tools was made without them.
    expect(await templateNamed("tools")).toMatchObject({ idle_timeout_minutes: 30, max_lifetime_minutes: 0 });
    expect(await seconds("tools")).toEqual([1800, 0]);
    const created = await call(admin, "POST", "/api/v1/admin/templates", {
      ...tools,
      name: "timed",
      display_name: "Timed",
      idle_timeout_minutes: 0,
      max_lifetime_minutes: 480,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ idle_timeout_minutes: 0, max_lifetime_minutes: 480 });
    expect(await seconds("timed")).toEqual([0, 480 * 60]);
  });

  it("refuses what is no whole number of minutes from 0, by field, and changes nothing", async () => {
    const { id } = await templateNamed("tools");
    const before = await db.template.findUniqueOrThrow({ where: { id } });
    for (const [body, fields] of [
      [
        { idle_timeout_minutes: -1, max_lifetime_minutes: 1.5 },
        ["idle_timeout_minutes", "max_lifetime_minutes"],
      ],
      [{ idle_timeout_minutes: "30" }, ["idle_timeout_minutes"]],
      [{ max_lifetime_minutes: 525_601 }, ["max_lifetime_minutes"]],
    ] as const) {
      const answer = await call(admin, "PATCH", `/api/v1/admin/templates/${id}`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(answer.body.error.fields).sort()).toEqual([...fields].sort());
    }
    const created = await call(admin, "POST", "/api/v1/admin/templates", {
      ...tools,
      name: "untimed",
      idle_timeout_minutes: -5,
    });
    expect(created.status).toBe(400);
    expect(Object.keys(created.body.error.fields)).toEqual(["idle_timeout_minutes"]);
    expect(await db.template.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await db.template.findUnique({ where: { name: "untimed" } })).toBeNull();
  });

  it("are an edit but no new version, and touch no running workspace (its timeouts are the template's at once)", async () => {
    const before = (await templateNamed("tools")) as unknown as Timed;
    const workspace = await db.workspace.findFirstOrThrow({ where: { ownerId: owner.id, name: "tooled" } });
    const container = workspace.runtimeId ?? "";
    expect(inspect(container, "{{.State.Status}}")).toBe("running");
    const startedAt = inspect(container, "{{.State.StartedAt}}");

    const edited = await call(admin, "PATCH", `/api/v1/admin/templates/${before.id}`, {
      idle_timeout_minutes: 5,
      max_lifetime_minutes: 90,
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({
      idle_timeout_minutes: 5,
      max_lifetime_minutes: 90,
      version: before.version,
      outdated: 0,
    });
    expect(Date.parse(edited.body.edited_at)).toBeGreaterThan(Date.parse(before.edited_at ?? "0"));
    expect(await seconds("tools")).toEqual([300, 5400]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "template.update", targetId: before.id },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(audit.details)).toEqual({ fields: ["idle_timeout_minutes", "max_lifetime_minutes"] });

    // The same container, never restarted; no update offered; the owner sees the new timeout in effect.
    expect(inspect(container, "{{.State.Status}} {{.State.StartedAt}}")).toBe(`running ${startedAt}`);
    const view = await call(owner, "GET", `/api/workspaces/${workspace.id}`);
    expect(view.body).toMatchObject({
      container_id: container,
      status: "running",
      update_available: false,
      idle_timeout_minutes: 5,
    });
    // The admin's page says them.
    const page = await (
      await fetch(`${app.url}/admin/templates`, { headers: { cookie: admin.cookie } })
    ).text();
    const card = page.slice(page.indexOf('data-testid="template-tools"')).replace(/<!-- -->/g, "");
    expect(card).toMatch(/data-testid="template-idle"[^>]*>5 minutes</);
    expect(card).toMatch(/data-testid="template-lifetime"[^>]*>90 minutes</);
  });

  it("make a seeded template the admins' own: it no longer follows the settings", async () => {
    const prod = (await templateNamed("prod")) as unknown as Timed;
    expect(prod.follows_settings).toBe(true);
    // The always-on slot is never idle-stopped unless an admin says otherwise.
    expect(prod.idle_timeout_minutes).toBe(0);
    const edited = await call(admin, "PATCH", `/api/v1/admin/templates/${prod.id}`, {
      idle_timeout_minutes: 45,
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({
      idle_timeout_minutes: 45,
      follows_settings: false,
      version: prod.version,
    });
    expect(await seconds("prod")).toEqual([2700, 0]);
  });
});
