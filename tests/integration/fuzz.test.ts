// Over a thousand hostile inputs against every route that takes input: each answer is a clear 4xx JSON error,
// nothing leaks, and nothing is created.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { errorStatus } from "@/lib/errors";
import { type AppServer, startAppServer } from "../support/app-server";
import {
  BAD_HEADER_VALUES,
  badJsonBodies,
  badPathSegments,
  badWorkspaceBodies,
  LEAK_PATTERN,
} from "../support/bad-values";
import { IT } from "../support/prefixes";
import { docker } from "../support/test-image";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const db = getDb();
let app: AppServer;
let user: TestUser;
let tried = 0;
let workspaceId = "";
const failures: string[] = [];

const counts = async () => ({
  containers: docker("ps", "-aq", "--filter", `label=${IT}.managed-by`).split("\n").filter(Boolean).length,
  rows: await db.workspace.count(),
  secrets: await db.workspaceSecret.count(),
  volumes: docker("volume", "ls", "-q", "--filter", `label=${IT}.managed-by`).split("\n").filter(Boolean)
    .length,
  users: await db.user.count(),
});

async function expectClearError(method: string, path: string, init: RequestInit = {}) {
  tried += 1;
  const response = await fetch(`${app.url}${path}`, {
    method,
    ...init,
    headers: { cookie: user.cookie, ...(init.headers as Record<string, string>) },
  });
  const text = await response.text();
  let body: { error?: { code?: unknown; message?: unknown } } | null = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  const code = body?.error?.code;
  const ok =
    response.status >= 400 &&
    response.status < 500 &&
    typeof code === "string" &&
    errorStatus[code as keyof typeof errorStatus] === response.status &&
    typeof body?.error?.message === "string" &&
    !LEAK_PATTERN.test(text);
  if (!ok) failures.push(`${method} ${path.slice(0, 120)} -> ${response.status} ${text.slice(0, 160)}`);
}

/** The login form's native post: a refusal is a 303 back to the form naming a known code, never a page or a leak. */
async function expectFormRefusal(body: string) {
  tried += 1;
  const response = await fetch(`${app.url}/api/auth/magic-link`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  const location = new URL(response.headers.get("location") ?? "http://none/", app.url);
  const code = location.searchParams.get("error") ?? "";
  const ok =
    response.status === 303 &&
    location.pathname === "/login" &&
    code in errorStatus &&
    !LEAK_PATTERN.test(code);
  if (!ok)
    failures.push(`POST form /api/auth/magic-link ${body.slice(0, 60)} -> ${response.status} ${location}`);
}

beforeAll(async () => {
  app = await startAppServer({ ...testSettings, RECONCILER: "off" });
  user = await userWithSession(db, uniqueEmail("fuzz"));
  // A workspace of the caller's (not running) for the routes that take an id.
  const created = await fetch(`${app.url}/api/workspaces`, {
    method: "POST",
    headers: { cookie: user.cookie, "content-type": "application/json" },
    body: JSON.stringify({ name: "target", template: "dev" }),
  });
  workspaceId = (await created.json()).id;
});
afterAll(async () => {
  await app?.stop();
});

describe("fuzz", () => {
  it("answers every bad value on every route with a 4xx JSON error and changes nothing", async () => {
    const before = await counts();
    const segments = badPathSegments();
    const ws = workspaceId;
    const routes: [string, (value: string) => string][] = [
      ["POST", (v) => `/api/container/launch/${v}`],
      ["GET", (v) => `/api/container/launch/${v}/progress`],
      ["GET", (v) => `/api/workspaces/${v}`],
      ["DELETE", (v) => `/api/workspaces/${v}`],
      ["DELETE", (v) => `/api/workspaces/${ws}?keep_data=${v}`],
      ["POST", (v) => `/api/workspaces/${v}/stop`],
      ["POST", (v) => `/api/workspaces/${v}/start`],
      ["POST", (v) => `/api/workspaces/${ws}/${v}`],
      ["POST", (v) => `/api/workspaces/${v}/restart`],
      ["GET", (v) => `/api/workspaces/${v}/logs?download=1`],
      ["GET", (v) => `/api/workspaces/${v}/logs`],
      ["GET", (v) => `/api/workspaces/${v}/stats`],
      ["GET", (v) => `/api/workspaces/${v}/progress`],
      ["DELETE", (v) => `/api/volumes/${v}`],
    ];
    for (const [method, route] of routes) {
      for (const value of segments) await expectClearError(method, route(value));
    }
    for (const body of badWorkspaceBodies()) {
      await expectClearError("POST", "/api/workspaces", {
        body,
        headers: { "content-type": "application/json" },
      });
      await expectClearError("PATCH", `/api/workspaces/${ws}`, {
        body,
        headers: { "content-type": "application/json" },
      });
    }
    for (const type of ["text/plain", "application/x-www-form-urlencoded", ""]) {
      await expectClearError("POST", "/api/workspaces", {
        body: '{"name":"a","template":"dev"}',
        headers: { "content-type": type },
      });
      await expectClearError("PATCH", `/api/workspaces/${ws}`, {
        body: "{}",
        headers: { "content-type": type },
      });
    }
    for (const body of badJsonBodies()) {
      for (const type of ["application/json", "text/plain"]) {
        await expectClearError("POST", "/api/auth/magic-link", { body, headers: { "content-type": type } });
      }
      await expectFormRefusal(body);
    }
    for (const value of BAD_HEADER_VALUES) {
      await expectClearError("GET", "/api/forward-auth", {
        headers: { "x-forwarded-uri": `/${value}`, "x-forwarded-host": value, "x-forwarded-method": value },
      });
      await expectClearError("POST", "/api/container/launch/dev", { headers: { origin: value || "null" } });
    }
    expect(failures).toEqual([]);
    // The README's "Security checks" states this number.
    expect(tried).toBeGreaterThanOrEqual(1600);
    console.info(`[fuzz] ${tried} bad requests to route handlers`);
    expect(await counts()).toEqual(before);
  });
});
