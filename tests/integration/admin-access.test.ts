// Who may reach the admin area, over HTTP against the built server: every admin page, every route under
// app/api/v1/admin and every admin server action has an entry here (one without an entry fails). Without a session
// pages send to sign-in and the rest answers 401; a signed-in user gets 404 everywhere (the same as a path that
// does not exist, so nothing can be probed) and changes nothing; an admin gets the page or the answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { exportedMethods, filesUnder, routeFiles } from "../support/app-routes";
import { type AppServer, startAppServer } from "../support/app-server";
import { actionNamed, callAction, encodeArgs, serverActions } from "../support/server-actions";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

// A request to the admin API; `admin` is what an admin gets. USER stands for a plain user's id, WS for a workspace's.
type Touch = { method: string; path: string; body?: unknown; admin: number };

const ADMIN_ROUTES: Record<string, Record<string, Touch[]>> = {};

// page file -> the path it serves (USER, WS as above).
const ADMIN_PAGES: Record<string, string> = {};

// Admin server action -> argument lists that would change something if anyone but an admin could call them.
const ADMIN_ACTIONS: Record<string, unknown[][]> = {};

const db = getDb();
let app: AppServer;
let user: TestUser;
let admin: TestUser;
let workspaceId = "";

const fill = (text: string) => text.replaceAll("USER", user.id).replaceAll("WS", workspaceId);
const touches = Object.values(ADMIN_ROUTES).flatMap((methods) => Object.values(methods).flat());
const pages = Object.values(ADMIN_PAGES);
const actionCalls = Object.entries(ADMIN_ACTIONS).flatMap(([name, calls]) =>
  calls.map((args) => ({ name, args })),
);

const http = (touch: Touch, who?: TestUser) =>
  fetch(`${app.url}${fill(touch.path)}`, {
    method: touch.method,
    headers: {
      ...(who ? { cookie: who.cookie } : {}),
      ...(touch.body ? { "content-type": "application/json" } : {}),
    },
    body: touch.body ? fill(JSON.stringify(touch.body)) : undefined,
    redirect: "manual",
  });
const page = (path: string, who?: TestUser) =>
  fetch(`${app.url}${fill(path)}`, { headers: who ? { cookie: who.cookie } : {}, redirect: "manual" });
const action = (name: string, args: unknown[], who?: TestUser) =>
  callAction(app.url, actionNamed(name), {
    body: fill(encodeArgs(args)),
    cookie: who?.cookie,
  });

// What admin actions could change: accounts, workspaces, templates, settings.
const platformState = async () => ({
  users: await db.user.findMany({
    select: { id: true, role: true, disabledAt: true },
    orderBy: { id: "asc" },
  }),
  sessions: await db.session.count(),
  workspaces: await db.workspace.findMany({ orderBy: { id: "asc" } }),
  templates: await db.template.findMany({ orderBy: { id: "asc" } }),
  settings: await db.platformSetting.findMany(),
  kept: await db.keptVolume.findMany({ orderBy: { id: "asc" } }),
});

beforeAll(async () => {
  app = await startAppServer({ ...testSettings, RECONCILER: "off" });
  user = await userWithSession(db, uniqueEmail("plain"));
  admin = await userWithSession(db, uniqueEmail("boss"), "ADMIN");
  const created = await fetch(`${app.url}/api/workspaces`, {
    method: "POST",
    headers: { cookie: user.cookie, "content-type": "application/json" },
    body: JSON.stringify({ name: "probe", template: "dev" }),
  });
  expect(created.status).toBe(201);
  workspaceId = (await created.json()).id;
});
afterAll(async () => {
  await app?.stop();
});

describe("admin access matrix", () => {
  it("has an entry for every admin page, admin API method and admin action", () => {
    const files = routeFiles("app/api/v1/admin");
    expect(files).toEqual(Object.keys(ADMIN_ROUTES).sort());
    for (const file of files)
      expect(Object.keys(ADMIN_ROUTES[file] ?? {}).sort(), file).toEqual(exportedMethods(file));
    const pageFiles = filesUnder("app/admin")
      .filter((file) => /\/page\.tsx$/.test(file))
      .sort();
    expect(pageFiles).toEqual(Object.keys(ADMIN_PAGES).sort());
    expect(
      serverActions()
        .filter((candidate) => candidate.file.startsWith("app/admin/"))
        .map((candidate) => candidate.name)
        .sort(),
    ).toEqual(Object.keys(ADMIN_ACTIONS).sort());
  });

  it("sends visitors without a session to sign in (pages) or answers 401, and changes nothing", async () => {
    const before = await platformState();
    for (const path of pages) {
      const response = await page(path);
      expect(response.status, path).toBe(307);
      expect(response.headers.get("location"), path).toContain("/login?callbackUrl=");
    }
    for (const touch of touches) {
      const response = await http(touch);
      expect(response.status, `${touch.method} ${touch.path}`).toBe(401);
      expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
    }
    for (const { name, args } of actionCalls)
      expect((await action(name, args)).result, name).toMatchObject({
        ok: false,
        error: { code: "UNAUTHENTICATED" },
      });
    expect(await platformState()).toEqual(before);
  });

  it("answers a signed-in user 404 everywhere, the same as a path that does not exist, and changes nothing", async () => {
    const before = await platformState();
    const missing = await page("/admin/no-such-section", user);
    expect(missing.status).toBe(404);
    for (const path of pages) expect((await page(path, user)).status, path).toBe(404);
    for (const touch of touches) {
      const response = await http(touch, user);
      expect(response.status, `${touch.method} ${touch.path}`).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: "NOT_FOUND", message: "There is no such API endpoint." },
      });
    }
    for (const { name, args } of actionCalls)
      expect((await action(name, args, user)).result, name).toMatchObject({
        ok: false,
        error: { code: "NOT_FOUND" },
      });
    expect(await platformState()).toEqual(before);
  });

  it("serves an admin every page and the answer each entry names", async () => {
    for (const path of pages) {
      const response = await page(path, admin);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain('aria-label="Admin"');
    }
    for (const touch of touches) {
      const response = await http(touch, admin);
      expect(
        response.status,
        `${touch.method} ${touch.path}: ${(await response.clone().text()).slice(0, 200)}`,
      ).toBe(touch.admin);
    }
  });
});
