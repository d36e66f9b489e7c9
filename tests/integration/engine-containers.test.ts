// The engine's containers for an admin, over HTTP against the built server and a real engine: containers made
// outside the app (docker run, not a workspace) are listed and can be acted on, what the engine holds changes; the
// platform's own (label spawner.protected, a Traefik image) are refused without their name typed; secret-looking
// env values never leave the server; logs tell stdout from stderr, follow live and download; every action is audited.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { type AppServer, startAppServer } from "../support/app-server";
import { expectAnswerConforms } from "../support/conforms";
import { IT } from "../support/prefixes";
import { openSse } from "../support/sse";
import { docker } from "../support/test-image";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const db = getDb();
const RUN = randomBytes(3).toString("hex");
const HAND_MADE = `${IT}.hand-made`;
const SECRET = `s3cr3t-${randomBytes(8).toString("hex")}`;
const DB_PASSWORD = `pw-${randomBytes(8).toString("hex")}`;
const TRAEFIK_TAG = `traefik:${IT}-${RUN}`;
const BASE = "/api/v1/admin/engine/containers";

let app: AppServer;
let admin: TestUser;

/** A busybox container made straight on the engine, as someone else's tool would: labelled so cleanup finds it. */
function run(
  name: string,
  args: string[],
  script: string,
  image = testSettings.USER_TEMPLATE_IMAGE_DEV,
): string {
  return docker(
    "run",
    "-d",
    "--init",
    "--name",
    `${IT}-${RUN}-${name}`,
    "--label",
    `${HAND_MADE}=${RUN}`,
    ...args,
    "--entrypoint",
    "/bin/sh",
    image,
    "-c",
    script,
  );
}
const IDLE = "while true; do sleep 1; done";
const state = (id: string) => docker("inspect", "-f", "{{.State.Status}}", id);
const nameOf = (suffix: string) => `${IT}-${RUN}-${suffix}`;

async function call(method: string, url: string, body?: unknown) {
  const response = await fetch(`${app.url}${url}`, {
    method,
    headers: {
      cookie: admin.cookie,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const contentType = response.headers.get("content-type");
  if (contentType?.startsWith("application/json"))
    expectAnswerConforms({ method, url }, { status: response.status, contentType, text });
  return {
    status: response.status,
    text,
    headers: response.headers,
    body: contentType?.startsWith("application/json") ? JSON.parse(text) : null,
  };
}

let external = "";
let created = "";
let labelled = "";
let traefik = "";
let talker = "";

beforeAll(async () => {
  app = await startAppServer({ ...testSettings, RECONCILER: "off" });
  admin = await userWithSession(db, uniqueEmail("ctr-admin"), "ADMIN");
  external = run(
    "ext",
    [
      "-e",
      `API_TOKEN=${SECRET}`,
      "-e",
      `DATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal:5432/app`,
      "-e",
      "GREETING=hello-there",
      "-p",
      "127.0.0.1::8080",
      "--mount",
      "type=tmpfs,destination=/scratch",
    ],
    IDLE,
  );
  created = docker(
    "create",
    "--name",
    nameOf("created"),
    "--label",
    `${HAND_MADE}=${RUN}`,
    testSettings.USER_TEMPLATE_IMAGE_DEV,
  );
  labelled = run("proxy", ["--label", "spawner.protected=proxy"], IDLE);
  docker("tag", testSettings.USER_TEMPLATE_IMAGE_DEV, TRAEFIK_TAG);
  traefik = run("edge", [], IDLE, TRAEFIK_TAG);
  talker = run(
    "talker",
    [],
    "for i in 1 2 3; do echo out-$i; echo err-$i >&2; done; sleep 1; echo out-last; while true; do sleep 1; done",
  );
  // The talker has written its lines before the tests read them.
  const logs = () => spawnSync("docker", ["logs", talker], { encoding: "utf8" }).stdout;
  for (let i = 0; i < 100 && !logs().includes("out-last"); i += 1)
    await new Promise((resolve) => setTimeout(resolve, 50));
}, 60_000);

afterAll(async () => {
  await app?.stop();
  const ids = docker("ps", "-aq", "--filter", `label=${HAND_MADE}=${RUN}`).split("\n").filter(Boolean);
  if (ids.length) docker("rm", "-f", ...ids);
  docker("rmi", TRAEFIK_TAG);
});

describe("the engine's containers", () => {
  it("lists containers made outside the app, running ones by default and stopped ones with all=true", async () => {
    const running = await call("GET", BASE);
    expect(running.status).toBe(200);
    expect(running.body.all).toBe(false);
    const names = running.body.containers.map((c: { name: string }) => c.name);
    expect(names).toContain(nameOf("ext"));
    expect(names).not.toContain(nameOf("created"));
    const row = running.body.containers.find((c: { id: string }) => c.id === external);
    expect(row).toMatchObject({
      name: nameOf("ext"),
      image: testSettings.USER_TEMPLATE_IMAGE_DEV,
      state: "running",
      managed: false,
      workspace: null,
      protected: null,
    });
    expect(row.status).toMatch(/^Up/);
    // The image exposes 8080 and 8081; only 8080 is published.
    expect(row.ports).toEqual([
      { private_port: 8080, public_port: expect.any(Number), host_ip: "127.0.0.1", protocol: "tcp" },
      { private_port: 8081, public_port: null, host_ip: null, protocol: "tcp" },
    ]);
    const all = await call("GET", `${BASE}?all=true`);
    expect(all.body.all).toBe(true);
    expect(all.body.containers.find((c: { id: string }) => c.id === created)).toMatchObject({
      state: "created",
    });
    expect((await call("GET", `${BASE}?all=maybe`)).status).toBe(400);
  });

  it("links this app's workspace containers to their workspace and owner", async () => {
    const owner = await userWithSession(db, uniqueEmail("ctr-owner"));
    const made = await fetch(`${app.url}/api/workspaces`, {
      method: "POST",
      headers: { cookie: owner.cookie, "content-type": "application/json" },
      body: JSON.stringify({ name: "linked", template: "dev" }),
    });
    expect(made.status).toBe(201);
    const workspace = await made.json();
    const started = await fetch(`${app.url}/api/workspaces/${workspace.id}/start`, {
      method: "POST",
      headers: { cookie: owner.cookie },
    });
    expect(started.status).toBe(200);
    const listed = await call("GET", BASE);
    const row = listed.body.containers.find(
      (c: { workspace: { id: string } | null }) => c.workspace?.id === workspace.id,
    );
    expect(row).toMatchObject({
      managed: true,
      workspace: { id: workspace.id, name: "linked", owner_id: owner.id, owner_email: owner.email },
    });
  });

  it("shows a container's details with secret-looking env values masked and absent from the answer", async () => {
    const details = await call("GET", `${BASE}/${nameOf("ext")}`);
    expect(details.status).toBe(200);
    expect(details.text).not.toContain(SECRET);
    expect(details.text).not.toContain(DB_PASSWORD);
    const env = details.body.env as { key: string; value: string | null; masked: boolean }[];
    expect(env).toContainEqual({ key: "API_TOKEN", value: null, masked: true });
    expect(env).toContainEqual({ key: "GREETING", value: "hello-there", masked: false });
    expect(env.find((e) => e.key === "DATABASE_URL")).toMatchObject({
      masked: true,
      value: expect.stringContaining("@db.internal:5432/app"),
    });
    expect(details.body).toMatchObject({
      id: external,
      state: "running",
      labels: { [HAND_MADE]: RUN },
      restart_count: 0,
      restart_policy: "no",
      exit_code: null,
      started_at: expect.any(String),
      command: ["-c", IDLE],
      entrypoint: ["/bin/sh"],
    });
    expect(details.body.mounts).toContainEqual(
      expect.objectContaining({ type: "tmpfs", destination: "/scratch" }),
    );
    const bridge = details.body.networks.find((n: { name: string }) => n.name === "bridge");
    expect(bridge.ip_address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    // By short id too.
    expect((await call("GET", `${BASE}/${external.slice(0, 12)}`)).body.id).toBe(external);
  });

  it("masks secrets in labels, the command and the health check's output too: none is anywhere in the answer", async () => {
    const secrets = ["label", "users", "conn", "flag", "inline", "url", "health"].map(
      (what) => `${what}-${randomBytes(6).toString("hex")}`,
    );
    const [label, users, conn, flag, inline, url, health] = secrets;
    const id = run(
      "secretive",
      [
        "--label",
        `com.example.api-token=${label}`,
        "--label",
        `traefik.http.middlewares.x.basicauth.users=admin:${users}`,
        "--label",
        `com.example.db=Server=db;Password=${conn}`,
        "-e",
        `UPSTREAM=https://bot:${url}@hooks.example.com/x`,
        "--health-cmd",
        `echo connecting to postgres://app:${health}@db/app`,
        "--health-interval",
        "1s",
      ],
      `: --requirepass ${flag} --token=${inline}; ${IDLE}`,
    );
    let details = await call("GET", `${BASE}/${id}`);
    for (let i = 0; i < 100 && !details.body.health?.last_output; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      details = await call("GET", `${BASE}/${id}`);
    }
    expect(details.status).toBe(200);
    expect(details.body.health.last_output).toContain("@db/app");
    for (const secret of secrets) expect(details.text).not.toContain(secret);
    expect(details.body.labels).toMatchObject({ "com.example.db": "Server=db;Password=••••••" });
    expect(details.body.command[1]).toContain("--requirepass ••••••");
    docker("rm", "-f", id);
  });

  it("answers 404 for a container the engine does not know and 400 for what can be no id", async () => {
    for (const [method, path] of [
      ["GET", `${BASE}/no-such-container-${RUN}`],
      ["POST", `${BASE}/no-such-container-${RUN}/stop`],
      ["DELETE", `${BASE}/no-such-container-${RUN}?force=true`],
      ["GET", `${BASE}/no-such-container-${RUN}/logs?follow=true`],
    ] as const) {
      const answer = await call(method, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.error.code).toBe("ENGINE_OBJECT_NOT_FOUND");
    }
    const bad = await call("GET", `${BASE}/-bad%20id`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
  });

  it("stops, starts, restarts and removes an outside container: the engine holds what the answers say", async () => {
    const stopped = await call("POST", `${BASE}/${external}/stop`);
    expect(stopped.status, stopped.text).toBe(200);
    expect(stopped.body.state).toBe("exited");
    expect(state(external)).toBe("exited");
    // Again: already so, still fine.
    expect((await call("POST", `${BASE}/${external}/stop`)).status).toBe(200);
    const started = await call("POST", `${BASE}/${external}/start`);
    expect(started.body.state).toBe("running");
    expect(state(external)).toBe("running");
    const before = docker("inspect", "-f", "{{.State.StartedAt}}", external);
    const restarted = await call("POST", `${BASE}/${external}/restart`);
    expect(restarted.status).toBe(200);
    expect(state(external)).toBe("running");
    expect(docker("inspect", "-f", "{{.State.StartedAt}}", external)).not.toBe(before);
    // A running container goes only with force: the engine's own reason comes back.
    const refused = await call("DELETE", `${BASE}/${external}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("IN_USE");
    expect(refused.body.error.message).toMatch(/running/i);
    expect(state(external)).toBe("running");
    const removed = await call("DELETE", `${BASE}/${external}?force=true`);
    expect(removed.body).toEqual({ removed: true, id: external, name: nameOf("ext") });
    expect(docker("ps", "-aq", "--filter", `id=${external}`)).toBe("");
  });

  it("records every action in the audit log, refused ones with their code", async () => {
    const events = await db.auditEvent.findMany({ where: { targetId: external }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.outcome])).toEqual([
      ["engine.container.stop", "ok"],
      ["engine.container.stop", "ok"],
      ["engine.container.start", "ok"],
      ["engine.container.restart", "ok"],
      ["engine.container.remove", "IN_USE"],
      ["engine.container.remove", "ok"],
    ]);
    for (const event of events)
      expect(event).toMatchObject({
        targetType: "container",
        targetName: nameOf("ext"),
        actorId: admin.id,
        via: "session",
      });
    expect(JSON.parse(events.at(-1)?.details ?? "{}")).toMatchObject({ force: true });
  });

  it("refuses to stop, restart or remove the platform's own containers unless their name is typed", async () => {
    for (const [id, reason] of [
      [labelled, "proxy"],
      [traefik, "proxy"],
    ] as const) {
      const name = docker("inspect", "-f", "{{.Name}}", id).slice(1);
      const row = (await call("GET", BASE)).body.containers.find((c: { id: string }) => c.id === id);
      expect(row.protected).toMatchObject({ reason });
      for (const [method, path] of [
        ["POST", `${BASE}/${id}/stop`],
        ["POST", `${BASE}/${id}/restart`],
        ["POST", `${BASE}/${id}/stop?confirm=not-${name}`],
        ["DELETE", `${BASE}/${id}?force=true`],
      ] as const) {
        const answer = await call(method, path);
        expect(answer.status, path).toBe(400);
        expect(answer.body.error.code).toBe("CONFIRMATION_REQUIRED");
        expect(answer.body.error.message).toContain(name);
        expect(answer.body.error.details).toMatchObject({ confirm: name });
        expect(state(id)).toBe("running");
      }
      // With the name typed (query or body) it is done; starting never asks.
      expect((await call("POST", `${BASE}/${id}/restart`, { confirm: name })).status).toBe(200);
      expect((await call("POST", `${BASE}/${id}/stop?confirm=${name}`)).status).toBe(200);
      expect(state(id)).toBe("exited");
      expect((await call("POST", `${BASE}/${id}/start`)).status).toBe(200);
      expect(state(id)).toBe("running");
      expect((await call("DELETE", `${BASE}/${id}?force=true&confirm=${name}`)).status).toBe(200);
      expect(docker("ps", "-aq", "--filter", `id=${id}`)).toBe("");
    }
    const refusals = await db.auditEvent.count({
      where: { targetId: { in: [labelled, traefik] }, outcome: "CONFIRMATION_REQUIRED" },
    });
    expect(refusals).toBe(8);
  });

  it("still knows Traefik once its tag moved to another image, on the containers and stacks pages alike", async () => {
    const tag = `traefik:${IT}-${RUN}-moved`;
    const stack = `${IT}-${RUN}-edge`;
    docker("tag", testSettings.USER_TEMPLATE_IMAGE_DEV, tag);
    const edge = run("moved", ["--label", `com.docker.compose.project=${stack}`], IDLE, tag);
    try {
      // The tag now names another image: the engine's list gives the container's image by id.
      docker("commit", "--change", "LABEL moved=yes", created, tag);
      expect(docker("ps", "--filter", `id=${edge}`, "--format", "{{.Image}}")).toMatch(
        /^sha256:|^[0-9a-f]{12}/,
      );
      const row = (await call("GET", BASE)).body.containers.find((c: { id: string }) => c.id === edge);
      expect(row).toMatchObject({ image: tag, protected: { reason: "proxy" } });
      const stacks = await call("GET", "/api/v1/admin/engine/stacks");
      expect(stacks.body.stacks.find((s: { name: string }) => s.name === stack).protected).toContain(
        "Traefik",
      );
      const answer = await call("POST", `${BASE}/${edge}/stop`);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("CONFIRMATION_REQUIRED");
      expect(state(edge)).toBe("running");
    } finally {
      docker("rm", "-f", edge);
      docker("rmi", tag);
    }
  });
});

describe("a container's log", () => {
  it("gives the last N lines, stdout and stderr told apart, each with its time", async () => {
    const tail = await call("GET", `${BASE}/${talker}/logs?tail=4`);
    expect(tail.status).toBe(200);
    expect(tail.body.lines).toHaveLength(4);
    const all = await call("GET", `${BASE}/${talker}/logs?tail=100`);
    const lines = all.body.lines as { stream: string; text: string; at: string }[];
    expect(lines.map((l) => [l.stream, l.text]).sort()).toEqual(
      [
        ["stdout", "out-1"],
        ["stdout", "out-2"],
        ["stdout", "out-3"],
        ["stdout", "out-last"],
        ["stderr", "err-1"],
        ["stderr", "err-2"],
        ["stderr", "err-3"],
      ].sort(),
    );
    for (const line of lines) expect(line.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    expect(tail.body.lines).toEqual(lines.slice(-4));
    for (const bad of ["tail=-1", "tail=100001", "tail=many", "nope=1"])
      expect((await call("GET", `${BASE}/${talker}/logs?${bad}`)).status, bad).toBe(400);
  });

  it("follows the log live: a line written after connecting arrives, with its stream", async () => {
    const stream = await openSse(`${app.url}${BASE}/${talker}/logs?follow=true&tail=2`, admin.cookie);
    try {
      await stream.waitFor((e) => e.event === "line" && (e.data as { text: string }).text === "out-last");
      docker("exec", talker, "sh", "-c", "echo late-out > /proc/1/fd/1; echo late-err > /proc/1/fd/2");
      // The engine reads the two pipes apart: the two late lines may come in either order.
      const text = (e: { data: unknown }) => (e.data as { text?: string }).text;
      const lateErr = await stream.waitFor((e) => text(e) === "late-err", 15_000);
      const lateOut = await stream.waitFor((e) => text(e) === "late-out", 15_000);
      expect(lateErr.data).toMatchObject({ stream: "stderr", at: expect.any(String) });
      expect(lateOut.data).toMatchObject({ stream: "stdout", at: expect.any(String) });
      expect(stream.events.filter((e) => e.event === "line")).toHaveLength(4);
    } finally {
      stream.close();
    }
    // Resuming after a line gives only what came after it.
    const [first, second] = (await call("GET", `${BASE}/${talker}/logs?tail=2`)).body.lines;
    const resumed = await openSse(
      `${app.url}${BASE}/${talker}/logs?follow=true&since=${encodeURIComponent(first.at)}`,
      admin.cookie,
    );
    try {
      await resumed.waitFor((e) => (e.data as { text?: string }).text === second.text);
      expect(resumed.events.map((e) => (e.data as { text: string }).text)).toEqual([second.text]);
    } finally {
      resumed.close();
    }
  });

  it("downloads the tail as a text attachment", async () => {
    const download = await call("GET", `${BASE}/${talker}/logs?download=true&tail=100`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toContain("text/plain");
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="${nameOf("talker")}.log"`,
    );
    const rows = download.text.trim().split("\n");
    expect(rows).toHaveLength(9);
    expect(rows).toContainEqual(expect.stringMatching(/^\S+Z stderr err-1$/));
    expect(rows).toContainEqual(expect.stringMatching(/^\S+Z stderr late-err$/));
    expect(rows).toContainEqual(expect.stringMatching(/^\S+Z stdout late-out$/));
  });

  it("resumes as the viewer does: after its last line, skipping the lines it holds at that time", async () => {
    const held = (await call("GET", `${BASE}/${talker}/logs?tail=100`)).body.lines as {
      text: string;
      at: string;
    }[];
    const last = held.at(-1) as { at: string };
    const skip = held.filter((line) => line.at === last.at).length;
    const viewer = await openSse(
      `${app.url}${BASE}/${talker}/logs?follow=true&since=${encodeURIComponent(last.at)}&skip=${skip}`,
      admin.cookie,
    );
    try {
      docker("exec", talker, "sh", "-c", "echo after-resume > /proc/1/fd/1");
      await viewer.waitFor((e) => (e.data as { text?: string }).text === "after-resume", 15_000);
      expect(viewer.events.map((e) => (e.data as { text: string }).text)).toEqual(["after-resume"]);
    } finally {
      viewer.close();
    }
  });
});

describe("a TTY container's log", () => {
  it("has one stream, stdout, read whole and followed", async () => {
    const tty = run("tty", ["-t"], `echo tty-one; echo tty-two >&2; sleep 1; echo tty-ready; ${IDLE}`);
    const logs = () => spawnSync("docker", ["logs", tty], { encoding: "utf8" }).stdout;
    for (let i = 0; i < 100 && !logs().includes("tty-ready"); i += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const tail = await call("GET", `${BASE}/${tty}/logs?tail=10`);
    expect(tail.body.tty).toBe(true);
    expect(tail.body.lines.map((l: { stream: string; text: string }) => [l.stream, l.text])).toEqual([
      ["stdout", "tty-one"],
      ["stdout", "tty-two"],
      ["stdout", "tty-ready"],
    ]);
    const stream = await openSse(`${app.url}${BASE}/${tty}/logs?follow=true&tail=1`, admin.cookie);
    try {
      await stream.waitFor((e) => (e.data as { text?: string }).text === "tty-ready");
      docker("exec", tty, "sh", "-c", "echo tty-late > /proc/1/fd/1");
      const late = await stream.waitFor((e) => (e.data as { text?: string }).text === "tty-late", 15_000);
      expect(late.data).toMatchObject({ stream: "stdout" });
    } finally {
      stream.close();
    }
  });
});

describe("with the engine down", () => {
  it("answers 503 CONTAINER_ENGINE_UNAVAILABLE, without the engine's own words", async () => {
    const down = await startAppServer({
      ...testSettings,
      RECONCILER: "off",
      DOCKER_HOST: "unix:///nonexistent/docker.sock",
    });
    try {
      for (const [method, path] of [
        ["GET", BASE],
        ["GET", `${BASE}/${talker}`],
        ["POST", `${BASE}/${talker}/stop`],
        ["GET", `${BASE}/${talker}/logs?follow=true`],
      ] as const) {
        const response = await fetch(`${down.url}${path}`, { method, headers: { cookie: admin.cookie } });
        const text = await response.text();
        expect(response.status, path).toBe(503);
        expect(JSON.parse(text).error.code).toBe("CONTAINER_ENGINE_UNAVAILABLE");
        expect(text).not.toMatch(/sock|ECONN|ENOENT/);
      }
    } finally {
      await down.stop();
    }
  });
});
