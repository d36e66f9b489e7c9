// /metrics over HTTP against the built server: 401 without the secret, 404 for a user's token, 200 with the secret or
// an admin's token. What it serves parses with Prometheus' own parser (promtool) and moves with what the app does,
// labelled by template, route pattern and outcome — never by a user's or a workspace's id.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { ROUTE_PATTERNS, UNMATCHED } from "@/lib/metrics/route-pattern";
import { createToken } from "@/lib/tokens/create-token";
import type { Scope } from "@/lib/tokens/scopes";
import { newToken } from "@/lib/tokens/token-format";
import { type AppServer, startAppServer } from "../support/app-server";
import { promtoolCheck, type Sample, samplesOf, sumOf } from "../support/prometheus-text";
import { actorOf, type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const METRICS_TOKEN = randomBytes(24).toString("hex");
const OURS = [
  "spawner_launch_duration_seconds",
  "spawner_workspaces_running",
  "spawner_engine_up",
  "spawner_http_requests_total",
  "spawner_runtime_errors_total",
  "spawner_reconciler_passes_total",
  "spawner_reconciler_repairs_total",
  "spawner_forward_auth_decisions_total",
  "spawner_culler_stops_total",
];

const db = getDb();
let app: AppServer;
let ada: TestUser;
let admin: TestUser;

const tokenOf = async (user: TestUser, scopes: Scope[]) =>
  (
    await createToken({
      actor: actorOf(user),
      input: { name: `metrics-${scopes}`, scopes, expires_in_days: 1 },
    })
  ).token;

const scrape = (server: AppServer, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/metrics`, { headers });
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

async function samples(server = app): Promise<{ text: string; samples: Sample[] }> {
  const response = await scrape(server, bearer(METRICS_TOKEN));
  expect(response.status).toBe(200);
  const text = await response.text();
  promtoolCheck(text);
  return { text, samples: samplesOf(text) };
}

beforeAll(async () => {
  app = await startAppServer({ ...testSettings, METRICS_TOKEN });
  ada = await userWithSession(db, uniqueEmail("metrics"));
  admin = await userWithSession(db, uniqueEmail("metrics-admin"), "ADMIN");
});
afterAll(async () => {
  await app?.stop();
});

describe("who may scrape /metrics", () => {
  it("answers 401 without the secret or with a wrong one, 404 to a user's token, 403 to an admin's without the admin scope", async () => {
    const refused: [Record<string, string>, number, string][] = [
      [{}, 401, "UNAUTHENTICATED"],
      [bearer(`${METRICS_TOKEN}0`), 401, "UNAUTHENTICATED"],
      [bearer(METRICS_TOKEN.slice(1)), 401, "UNAUTHENTICATED"],
      [
        { authorization: `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString("base64")}` },
        401,
        "UNAUTHENTICATED",
      ],
      [bearer(newToken()), 401, "UNAUTHENTICATED"],
      // A session is no scraper: the bearer secret or a token only.
      [{ cookie: admin.cookie }, 401, "UNAUTHENTICATED"],
      [bearer(await tokenOf(ada, ["workspaces:read"])), 404, "NOT_FOUND"],
      [bearer(await tokenOf(admin, ["workspaces:read"])), 403, "INSUFFICIENT_SCOPE"],
    ];
    for (const [headers, status, code] of refused) {
      const response = await scrape(app, headers);
      expect(response.status, JSON.stringify(headers)).toBe(status);
      const body = await response.json();
      expect(body).toMatchObject({ error: { code, message: expect.any(String) }, path: "/metrics" });
      expect(JSON.stringify(body)).not.toContain("spawner_");
    }
  });

  it("serves the text format to the secret and to an admin's token with the admin scope", async () => {
    for (const secret of [METRICS_TOKEN, await tokenOf(admin, ["admin"])]) {
      const response = await scrape(app, bearer(secret));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
      expect(await response.text()).toContain("# TYPE spawner_http_requests_total counter");
    }
  });
});

describe("what /metrics serves", () => {
  it("parses with promtool, and spawner's own metrics pass its lint", async () => {
    const { text } = await samples();
    for (const name of OURS) expect(text, name).toMatch(new RegExp(`^# TYPE ${name} `, "m"));
    expect(text).toMatch(/^spawner_process_cpu_user_seconds_total \d/m);
    // prom-client's default process metrics have lint remarks of their own (a gauge named *_total); ours have none.
    const problems = promtoolCheck(text).filter((line) => !/^spawner_(process|nodejs)_/.test(line));
    expect(problems).toEqual([]);
  });

  it("counts a launch by template and outcome, API requests by route pattern, forward-auth by decision", async () => {
    const before = (await samples()).samples;
    const launched = await fetch(`${app.url}/api/container/launch/dev`, {
      method: "POST",
      headers: { cookie: ada.cookie },
    });
    expect(launched.status).toBe(200);
    const { container_id: containerId } = await launched.json();
    // The prod template's image is missing on purpose (setup-env.ts): a launch that fails, by its error code.
    const failed = await fetch(`${app.url}/api/container/launch/prod`, {
      method: "POST",
      headers: { cookie: ada.cookie },
    });
    expect(failed.status).toBe(500);
    const dev = await db.workspace.findFirstOrThrow({ where: { ownerId: ada.id, name: "dev" } });
    expect(
      (await fetch(`${app.url}/api/workspaces/${dev.id}`, { headers: { cookie: ada.cookie } })).status,
    ).toBe(200);
    expect((await fetch(`${app.url}/api/forward-auth`)).status).toBe(401);
    const { text, samples: after } = await samples();

    const moved = (name: string, labels: Record<string, string>) =>
      sumOf(after, name, labels) - sumOf(before, name, labels);
    expect(moved("spawner_launch_duration_seconds_count", { template: "dev", outcome: "ok" })).toBe(1);
    expect(moved("spawner_launch_duration_seconds_sum", { template: "dev", outcome: "ok" })).toBeGreaterThan(
      0,
    );
    expect(
      moved("spawner_launch_duration_seconds_count", {
        template: "prod",
        outcome: "TEMPLATE_IMAGE_NOT_FOUND",
      }),
    ).toBe(1);
    const launchRoute = { route: "/api/container/launch/[type]", method: "POST" };
    expect(moved("spawner_http_requests_total", { ...launchRoute, status: "200" })).toBe(1);
    expect(moved("spawner_http_requests_total", { ...launchRoute, status: "500" })).toBe(1);
    expect(
      moved("spawner_http_requests_total", { route: "/api/workspaces/[id]", method: "GET", status: "200" }),
    ).toBe(1);
    expect(moved("spawner_forward_auth_decisions_total", { decision: "unauthenticated" })).toBe(1);
    expect(sumOf(after, "spawner_workspaces_running", { template: "dev" })).toBeGreaterThanOrEqual(1);
    // A template with none running is there as 0, not missing.
    expect(after).toContainEqual({
      name: "spawner_workspaces_running",
      labels: { template: "prod" },
      value: 0,
    });
    expect(sumOf(after, "spawner_engine_up")).toBe(1);
    expect(sumOf(after, "spawner_reconciler_passes_total", { outcome: "ok" })).toBeGreaterThanOrEqual(1);

    // Low cardinality: routes are patterns, and nothing names a user, a workspace or a container.
    const routes = new Set(after.flatMap((sample) => (sample.labels.route ? [sample.labels.route] : [])));
    for (const route of routes) expect([...ROUTE_PATTERNS, UNMATCHED]).toContain(route);
    for (const secret of [ada.id, ada.email, ada.slug, dev.id, dev.routeKey, containerId.slice(0, 12)])
      expect(text).not.toContain(secret);
  });
});

describe("with the Docker Engine hung", () => {
  const socket = path.join(tmpdir(), `spawner-metrics-hung-${process.pid}.sock`);
  const connections = new Set<Socket>();
  let hung: Server;
  let offline: AppServer;
  beforeAll(async () => {
    rmSync(socket, { force: true });
    // Accepts and never answers, like a wedged daemon.
    hung = createServer((connection) => connections.add(connection));
    await new Promise<void>((resolve) => hung.listen(socket, resolve));
    offline = await startAppServer({
      ...testSettings,
      METRICS_TOKEN,
      DOCKER_HOST: `unix://${socket}`,
      DOCKER_TIMEOUT_MS: "1000",
      RECONCILER: "off",
    });
  });
  afterAll(async () => {
    await offline?.stop();
    for (const connection of connections) connection.destroy();
    hung?.close();
    rmSync(socket, { force: true });
  });

  it("still answers within the engine's timeout: spawner_engine_up 0, no running figures, the failed list counted", async () => {
    const started = Date.now();
    const { samples: found } = await samples(offline);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(sumOf(found, "spawner_engine_up")).toBe(0);
    expect(found.filter((sample) => sample.name === "spawner_workspaces_running")).toEqual([]);
    expect(sumOf(found, "spawner_runtime_errors_total", { operation: "list" })).toBeGreaterThanOrEqual(1);
  });
});
