// Over a thousand hostile inputs against every route that takes input: each answer is a clear 4xx JSON error,
// nothing leaks, and nothing is created.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { errorStatus } from "@/lib/errors";
import { type AppServer, startAppServer } from "../support/app-server";
import { BAD_HEADER_VALUES, badJsonBodies, badPathSegments, LEAK_PATTERN } from "../support/bad-values";
import { IT } from "../support/prefixes";
import { docker } from "../support/test-image";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const db = getDb();
let app: AppServer;
let user: TestUser;
let tried = 0;
const failures: string[] = [];

const counts = async () => ({
  containers: docker("ps", "-aq", "--filter", `label=${IT}.managed-by`).split("\n").filter(Boolean).length,
  rows: await db.userContainer.count(),
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

beforeAll(async () => {
  app = await startAppServer({ ...testSettings, RECONCILER: "off" });
  user = await userWithSession(db, uniqueEmail("fuzz"));
});
afterAll(async () => {
  await app?.stop();
});

describe("fuzz", () => {
  it("answers every bad value on every route with a 4xx JSON error and changes nothing", async () => {
    const before = await counts();
    const segments = badPathSegments();
    const routes: [string, (value: string) => string][] = [
      ["POST", (v) => `/api/container/launch/${v}`],
      ["GET", (v) => `/api/containers/${v}`],
      ["DELETE", (v) => `/api/containers/${v}`],
      ["POST", (v) => `/api/containers/${v}/stop`],
      ["POST", (v) => `/api/containers/dev/${v}`],
      ["POST", (v) => `/api/containers/${v}/restart`],
      ["GET", (v) => `/api/containers/${v}/logs?download=1`],
      ["GET", (v) => `/api/containers/${v}/logs`],
      ["GET", (v) => `/api/containers/${v}/stats`],
      ["GET", (v) => `/api/containers/${v}/progress`],
    ];
    for (const [method, route] of routes) {
      for (const value of segments) await expectClearError(method, route(value));
    }
    for (const body of badJsonBodies()) {
      for (const type of ["application/json", "text/plain", "application/x-www-form-urlencoded"]) {
        await expectClearError("POST", "/api/auth/magic-link", { body, headers: { "content-type": type } });
      }
    }
    for (const value of BAD_HEADER_VALUES) {
      await expectClearError("GET", "/api/forward-auth", {
        headers: { "x-forwarded-uri": `/${value}`, "x-forwarded-host": value, "x-forwarded-method": value },
      });
      await expectClearError("POST", "/api/container/launch/dev", { headers: { origin: value || "null" } });
    }
    expect(failures).toEqual([]);
    // The README's "Security checks" states this number.
    expect(tried).toBeGreaterThanOrEqual(1100);
    expect(await counts()).toEqual(before);
  });
});
