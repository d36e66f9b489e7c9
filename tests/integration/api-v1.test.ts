// The seed's management API walk-through against the built server and the real engine, with an API token: create,
// list with filters and pages, get, stop, start, logs, stats, delete — each answer checked against its documented
// schema (lib/api/v1/workspace-schemas.ts, the source of the OpenAPI document) and against what the engine holds.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deletedV1,
  logsV1,
  statsV1,
  workspaceDetailV1,
  workspaceListV1,
  workspaceV1,
} from "@/lib/api/v1/workspace-schemas";
import { getDb } from "@/lib/db";
import { type AppServer, startAppServer } from "../support/app-server";
import { expectAnswerConforms } from "../support/conforms";
import { waitForHttp } from "../support/http";
import { IT } from "../support/prefixes";
import { docker } from "../support/test-image";
import { tokenFor } from "../support/tokens";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const db = getDb();
let app: AppServer;
let ada: TestUser;
let bearer: Record<string, string>;
let tokenId = "";

// Every answer is also checked against the OpenAPI document's schema for its operation and status.
const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...bearer, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expectAnswerConforms(
    { method, url: path },
    { status: response.status, contentType: response.headers.get("content-type"), text },
  );
  return { status: response.status, body: JSON.parse(text) };
};
const engineState = (id: string) => docker("inspect", "-f", "{{.State.Status}}", id);

beforeAll(async () => {
  app = await startAppServer(testSettings);
  ada = await userWithSession(db, uniqueEmail("api-ada"));
  const token = await tokenFor(db, ada, ["workspaces:write"]);
  bearer = token.bearer;
  tokenId = token.id;
});
afterAll(async () => {
  await app?.stop();
});

describe("REST API v1 walk-through", () => {
  let id = "";
  let container = "";

  it("creates and starts a workspace with its settings (201), reachable at its app's URL", async () => {
    const created = await call("POST", "/api/v1/workspaces", {
      name: "api-one",
      template: "dev",
      display_name: "API one",
      env: [{ key: "GREETING", value: "hello" }],
    });
    expect(created.status).toBe(201);
    const workspace = workspaceV1.parse(created.body);
    expect(workspace).toMatchObject({
      name: "api-one",
      display_name: "API one",
      template: "dev",
      status: "running",
      owner: { id: ada.id, slug: ada.slug },
      stopped_reason: null,
    });
    expect(workspace.uptime_seconds).toBeGreaterThanOrEqual(0);
    id = workspace.id;
    container = (await db.workspace.findUniqueOrThrow({ where: { id } })).runtimeId ?? "";
    expect(engineState(container)).toBe("running");
    expect(docker("inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}", container)).toContain(
      "GREETING=hello",
    );
    // The history names the token that did it.
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "workspace.create", targetId: id },
    });
    expect(audit).toMatchObject({ actorId: ada.id, via: "token", outcome: "ok" });
    expect(JSON.parse(audit.details)).toMatchObject({ token_id: tokenId });
    const primary = workspace.apps.find((app) => app.primary);
    expect(await waitForHttp(primary?.url ?? "")).toContain(`${ada.slug}-api-one`);
  });

  it("lists with filters and pages: { workspaces, total, limit, offset }", async () => {
    for (const name of ["api-two", "api-three"])
      expect((await call("POST", "/api/workspaces", { name, template: "dev" })).status).toBe(201);
    const all = workspaceListV1.parse((await call("GET", "/api/v1/workspaces")).body);
    expect(all).toMatchObject({ total: 3, limit: 20, offset: 0 });
    expect(all.workspaces.map((workspace) => workspace.name)).toEqual(["api-one", "api-three", "api-two"]);
    const running = workspaceListV1.parse((await call("GET", "/api/v1/workspaces?status=running")).body);
    expect(running.workspaces.map((workspace) => [workspace.name, workspace.status])).toEqual([
      ["api-one", "running"],
    ]);
    expect(running.total).toBe(1);
    const notCreated = workspaceListV1.parse(
      (await call("GET", "/api/v1/workspaces?status=not_created&template=dev")).body,
    );
    expect(notCreated.total).toBe(2);
    const page = workspaceListV1.parse((await call("GET", "/api/v1/workspaces?limit=1&offset=1")).body);
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.workspaces.map((workspace) => workspace.name)).toEqual(["api-three"]);
    expect(workspaceListV1.parse((await call("GET", "/api/v1/workspaces?template=ide")).body).total).toBe(0);
  });

  it("refuses bad list parameters with 400 in the seed's error shape, naming each", async () => {
    for (const query of [
      "limit=0",
      "limit=101",
      "offset=-1",
      "status=sleeping",
      "stauts=running",
      "limit=ten",
    ]) {
      const { status, body } = await call("GET", `/api/v1/workspaces?${query}`);
      expect(status, query).toBe(400);
      expect(body, query).toEqual({
        error: { code: "VALIDATION_FAILED", message: expect.any(String), fields: expect.any(Object) },
        timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        path: "/api/v1/workspaces",
      });
    }
  });

  it("gets one: each app's URL and health, uptime, created, last activity; settings without secrets", async () => {
    const { status, body } = await call("GET", `/api/v1/workspaces/${id}`);
    expect(status).toBe(200);
    const workspace = workspaceDetailV1.parse(body);
    expect(workspace.apps).toEqual([
      {
        name: "web",
        port: 8080,
        primary: true,
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/),
        health: "healthy",
      },
    ]);
    expect(workspace.settings.env).toEqual([{ key: "GREETING", value: "hello" }]);
    expect(Date.parse(workspace.started_at ?? "")).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(workspace.created_at)).toBeLessThanOrEqual(Date.parse(workspace.last_activity));
  });

  it("stops and starts it: the engine follows, the data volume stays", async () => {
    const stopped = await call("POST", `/api/v1/workspaces/${id}/stop`);
    expect(stopped.status).toBe(200);
    expect(workspaceV1.parse(stopped.body)).toMatchObject({
      status: "stopped",
      stopped_reason: "manual",
      uptime_seconds: null,
    });
    expect(engineState(container)).toBe("exited");
    const volume = (await db.workspace.findUniqueOrThrow({ where: { id } })).volumeName;
    expect(docker("volume", "inspect", "-f", "{{.Name}}", volume)).toBe(volume);
    const detail = workspaceDetailV1.parse((await call("GET", `/api/v1/workspaces/${id}`)).body);
    expect(detail.apps.map((app) => [app.url, app.health])).toEqual([[null, "unknown"]]);
    const started = await call("POST", `/api/v1/workspaces/${id}/start`);
    expect(started.status).toBe(200);
    expect(workspaceV1.parse(started.body).status).toBe("running");
    expect(engineState(container)).toBe("running");
  });

  it("answers its last log lines and a stats sample", async () => {
    const logs = await call("GET", `/api/v1/workspaces/${id}/logs?tail=3`);
    expect(logs.status).toBe(200);
    const { lines } = logsV1.parse(logs.body);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(3);
    // The engine's own last 3 lines, stream by stream.
    const engine = spawnSync("docker", ["logs", "--tail", "3", container], { encoding: "utf8" });
    const ofStream = (stream: string) =>
      lines.filter((line) => line.stream === stream).map((line) => line.text);
    expect(ofStream("stdout")).toEqual(engine.stdout.split("\n").filter(Boolean));
    expect(ofStream("stderr")).toEqual(engine.stderr.split("\n").filter(Boolean));
    const stats = await call("GET", `/api/v1/workspaces/${id}/stats`);
    expect(stats.status).toBe(200);
    expect(statsV1.parse(stats.body).memory_limit_bytes).toBe(64 * 1024 ** 2);
    expect((await call("GET", `/api/v1/workspaces/${id}/logs?tail=0`)).status).toBe(400);
  });

  it("deletes it with its data: gone from the API, the engine and the disk", async () => {
    const volume = (await db.workspace.findUniqueOrThrow({ where: { id } })).volumeName;
    const deleted = await call("DELETE", `/api/v1/workspaces/${id}?keep_data=false`);
    expect(deleted.status).toBe(200);
    expect(deletedV1.parse(deleted.body)).toEqual({ deleted: true, kept_volume: null });
    const gone = await call("GET", `/api/v1/workspaces/${id}`);
    expect(gone).toEqual({
      status: 404,
      body: {
        error: { code: "WORKSPACE_NOT_FOUND", message: expect.any(String) },
        timestamp: expect.any(String),
        path: `/api/v1/workspaces/${id}`,
      },
    });
    expect(docker("ps", "-aq", "--filter", `id=${container}`)).toBe("");
    expect(docker("volume", "ls", "-q", "--filter", `name=^${volume}$`)).toBe("");
  });

  it("takes a workspace whose start failed away again: nothing is left, a retry is clean", async () => {
    // The prod template's image is missing on purpose in the test settings: refused before anything is made.
    const failed = await call("POST", "/api/v1/workspaces", { name: "prod", template: "prod" });
    expect(failed.status).toBe(500);
    expect(failed.body.error.code).toBe("TEMPLATE_IMAGE_NOT_FOUND");
    expect(await db.workspace.count({ where: { ownerId: ada.id, name: "prod" } })).toBe(0);
    // A clone that fails comes after its volume and container were made: both go again.
    const volumes = () => docker("volume", "ls", "-q", "--filter", `label=${IT}.owner-id=${ada.id}`);
    const containers = () => docker("ps", "-aq", "--filter", `label=${IT}.owner-id=${ada.id}`);
    const [volumesBefore, containersBefore] = [volumes(), containers()];
    const cloning = { name: "clone-fails", template: "dev", git: { url: "http://127.0.0.1:9/missing.git" } };
    const clone = await call("POST", "/api/v1/workspaces", cloning);
    expect(clone.status).toBe(422);
    expect(clone.body.error.code).toBe("GIT_CLONE_FAILED");
    expect(await db.workspace.count({ where: { ownerId: ada.id, name: "clone-fails" } })).toBe(0);
    expect([volumes(), containers()]).toEqual([volumesBefore, containersBefore]);
    const retried = await call("POST", "/api/v1/workspaces", cloning);
    expect(retried.body.error.code).toBe("GIT_CLONE_FAILED");
  });

  it("keeps a kept volume it was given as it was (same id, name and data) when the start fails", async () => {
    const made = await call("POST", "/api/v1/workspaces", { name: "holder", template: "dev" });
    const holder = made.body.id;
    const container = (await db.workspace.findUniqueOrThrow({ where: { id: holder } })).runtimeId ?? "";
    docker("exec", container, "sh", "-c", "echo precious > /workspace/data.txt");
    const removed = await call("DELETE", `/api/v1/workspaces/${holder}?keep_data=true`);
    const kept = removed.body.kept_volume as { id: string; name: string };
    const row = await db.keptVolume.findUniqueOrThrow({ where: { id: kept.id } });
    const failed = await call("POST", "/api/v1/workspaces", {
      name: "reuse",
      template: "dev",
      volume: kept.id,
      git: { url: "http://127.0.0.1:9/missing.git" },
    });
    expect(failed.body.error.code).toBe("GIT_CLONE_FAILED");
    expect(await db.keptVolume.findUniqueOrThrow({ where: { id: kept.id } })).toEqual(row);
    // A retry with the same kept volume and no failing repository starts, with the data on it.
    const reused = await call("POST", "/api/v1/workspaces", {
      name: "reuse",
      template: "dev",
      volume: kept.id,
    });
    expect(reused.status).toBe(201);
    const again = (await db.workspace.findUniqueOrThrow({ where: { id: reused.body.id } })).runtimeId ?? "";
    expect(docker("exec", again, "cat", "/workspace/data.txt")).toBe("precious");
    await call("DELETE", `/api/v1/workspaces/${reused.body.id}?keep_data=false`);
  });

  it("counts what a token creates against its owner's quota", async () => {
    await db.user.update({ where: { id: ada.id }, data: { quotaWorkspaces: 2 } });
    const before = await db.workspace.count({ where: { ownerId: ada.id } });
    const refused = await call("POST", "/api/v1/workspaces", { name: "api-four", template: "dev" });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: "QUOTA_EXCEEDED",
      details: { limit: "workspaces", max: 2, used: 2 },
    });
    expect(await db.workspace.count({ where: { ownerId: ada.id } })).toBe(before);
  });
});
