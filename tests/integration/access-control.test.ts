// Who may touch a workspace, over HTTP against the built server: every route handler under app/api and every
// server action has an entry here (a new one without an entry fails). Without a session everything is 401; another
// user gets 404 for the owner's workspace (never 403: no probing) and acts only on their own; an admin may see it.
// The owner's workspace is exactly as it was afterwards, in the engine and in the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { exportedMethods, routeFiles } from "../support/app-routes";
import { type AppServer, startAppServer } from "../support/app-server";
import { IT } from "../support/prefixes";
import { actionNamed, callAction, encodeArgs, serverActions } from "../support/server-actions";
import { docker } from "../support/test-image";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

// A request; WS is the owner's workspace id and VOL the owner's kept volume id. `user` is what another user gets,
// `admin` what an admin gets (state-changing ones are left to the admin test below: they would change the owner's).
type Touch = { method: string; path: string; body?: unknown; user: number; admin?: number };

const ROUTES: Record<string, Record<string, Touch[] | string>> = {
  "app/api/container/launch/[type]/route.ts": {
    POST: [{ method: "POST", path: "/api/container/launch/dev", user: 200, admin: 200 }],
  },
  "app/api/container/launch/[type]/progress/route.ts": {
    GET: [{ method: "GET", path: "/api/container/launch/dev/progress", user: 200, admin: 200 }],
  },
  "app/api/user/containers/route.ts": {
    GET: [{ method: "GET", path: "/api/user/containers", user: 200, admin: 200 }],
  },
  "app/api/workspaces/route.ts": {
    GET: [{ method: "GET", path: "/api/workspaces", user: 200, admin: 200 }],
    POST: [
      {
        method: "POST",
        path: "/api/workspaces",
        body: { name: "theirs", template: "dev" },
        user: 201,
        admin: 201,
      },
    ],
  },
  "app/api/workspaces/[id]/route.ts": {
    GET: [{ method: "GET", path: "/api/workspaces/WS", user: 404, admin: 200 }],
    PATCH: [{ method: "PATCH", path: "/api/workspaces/WS", body: { display_name: "pwned" }, user: 404 }],
    DELETE: [{ method: "DELETE", path: "/api/workspaces/WS?keep_data=false", user: 404 }],
  },
  "app/api/workspaces/[id]/start/route.ts": {
    POST: [{ method: "POST", path: "/api/workspaces/WS/start", user: 404 }],
  },
  "app/api/workspaces/[id]/stop/route.ts": {
    POST: [{ method: "POST", path: "/api/workspaces/WS/stop", user: 404 }],
  },
  "app/api/workspaces/[id]/restart/route.ts": {
    POST: [{ method: "POST", path: "/api/workspaces/WS/restart", user: 404 }],
  },
  "app/api/workspaces/[id]/logs/route.ts": {
    GET: [
      { method: "GET", path: "/api/workspaces/WS/logs?download=1", user: 404, admin: 200 },
      { method: "GET", path: "/api/workspaces/WS/logs", user: 404 },
    ],
  },
  "app/api/workspaces/[id]/stats/route.ts": {
    GET: [{ method: "GET", path: "/api/workspaces/WS/stats", user: 404, admin: 200 }],
  },
  "app/api/workspaces/[id]/progress/route.ts": {
    GET: [{ method: "GET", path: "/api/workspaces/WS/progress", user: 404, admin: 200 }],
  },
  "app/api/volumes/route.ts": { GET: [{ method: "GET", path: "/api/volumes", user: 200, admin: 200 }] },
  "app/api/volumes/[id]/route.ts": { DELETE: [{ method: "DELETE", path: "/api/volumes/VOL", user: 404 }] },
  "app/api/templates/route.ts": { GET: [{ method: "GET", path: "/api/templates", user: 200, admin: 200 }] },
  "app/api/forward-auth/route.ts": {
    GET: "owner or admin only: forward-auth.test.ts, workspace-auth.test.ts",
  },
  "app/api/workspace-auth/start/route.ts": {
    GET: "signs in first, then owner or admin only: workspace-auth.test.ts",
  },
  "app/api/health/route.ts": { GET: "up/down only" },
  "app/api/auth/magic-link/route.ts": { POST: "signing in; sign-in.test.ts" },
  "app/api/auth/[...nextauth]/route.ts": { GET: "Auth.js", POST: "Auth.js; origin-checked" },
  "app/api/[[...path]]/route.ts": { GET: "404", POST: "404", PUT: "404", PATCH: "404", DELETE: "404" },
};

// Server action -> argument lists (WS/VOL as above) and the error code another user gets (null: it acts on theirs).
const ACTIONS: Record<string, { args: unknown[]; code: string | null }[] | string> = {
  launchSlotAction: [{ args: ["dev"], code: null }],
  createWorkspaceAction: [{ args: [{ name: "theirs-too", template: "dev" }], code: null }],
  launchWorkspaceAction: [{ args: ["WS"], code: "WORKSPACE_NOT_FOUND" }],
  stopWorkspaceAction: [{ args: ["WS"], code: "WORKSPACE_NOT_FOUND" }],
  restartWorkspaceAction: [{ args: ["WS"], code: "WORKSPACE_NOT_FOUND" }],
  updateWorkspaceAction: [{ args: ["WS", { display_name: "pwned" }], code: "WORKSPACE_NOT_FOUND" }],
  deleteWorkspaceAction: [{ args: ["WS", false], code: "WORKSPACE_NOT_FOUND" }],
  removeKeptVolumeAction: [{ args: ["VOL"], code: "VOLUME_NOT_FOUND" }],
  signOutAction: "ends only the caller's own session",
};

// The admin area has its own matrix (admin-access.test.ts): anonymous 401, users 404, admins 200.
const ADMIN_API = "app/api/v1/admin/";
const ADMIN_ACTIONS = "app/admin/";

const touches = Object.values(ROUTES).flatMap((methods) =>
  Object.values(methods).flatMap((entry) => (typeof entry === "string" ? [] : entry)),
);
const actionCalls = Object.entries(ACTIONS).flatMap(([name, calls]) =>
  typeof calls === "string" ? [] : calls.map((call) => ({ name, ...call })),
);

const db = getDb();
let app: AppServer;
let ada: TestUser;
let adaWorkspace = "";
let adaContainer = "";
let adaVolume = "";
const fill = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value)
      .replaceAll('"WS"', JSON.stringify(adaWorkspace))
      .replaceAll('"VOL"', JSON.stringify(adaVolume)),
  );
const pathOf = (touch: Touch) => touch.path.replace("WS", adaWorkspace).replace("VOL", adaVolume);

const http = (touch: Touch, user?: TestUser) =>
  fetch(`${app.url}${pathOf(touch)}`, {
    method: touch.method,
    headers: {
      ...(user ? { cookie: user.cookie } : {}),
      ...(touch.body ? { "content-type": "application/json" } : {}),
    },
    body: touch.body ? JSON.stringify(touch.body) : undefined,
  });
// Ada's workspace as the engine and the database hold it.
const adaState = async () => ({
  engine: docker("inspect", "-f", "{{.Id}} {{.State.Status}} {{.State.StartedAt}}", adaContainer),
  rows: await db.workspace.findMany({ where: { ownerId: ada.id }, orderBy: { name: "asc" } }),
  kept: await db.keptVolume.findMany({ where: { ownerId: ada.id } }),
  volume: docker("volume", "ls", "-q", "--filter", `label=${IT}.owner-id=${ada.id}`),
});

beforeAll(async () => {
  app = await startAppServer({ ...testSettings, RECONCILER: "off" });
  ada = await userWithSession(db, uniqueEmail("owner"));
  const post = (path: string, body?: unknown) =>
    fetch(`${app.url}${path}`, {
      method: "POST",
      headers: { cookie: ada.cookie, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // A kept volume of Ada's: made by a workspace deleted with its data kept.
  const old = await (await post("/api/workspaces", { name: "old", template: "dev" })).json();
  await post(`/api/workspaces/${old.id}/start`);
  await fetch(`${app.url}/api/workspaces/${old.id}?keep_data=true`, {
    method: "DELETE",
    headers: { cookie: ada.cookie },
  });
  adaVolume = (await db.keptVolume.findFirstOrThrow({ where: { ownerId: ada.id } })).id;
  adaContainer = (await (await post("/api/container/launch/dev")).json()).container_id;
  adaWorkspace = (await db.workspace.findFirstOrThrow({ where: { ownerId: ada.id, name: "dev" } })).id;
  expect(docker("inspect", "-f", "{{.State.Status}}", adaContainer)).toBe("running");
});
afterAll(async () => {
  await app?.stop();
});

describe("access-control matrix", () => {
  it("has an entry for every route handler method under app/api and every server action (admin ones: admin-access)", () => {
    const files = routeFiles("app/api").filter((file) => !file.startsWith(ADMIN_API));
    expect(files).toEqual(Object.keys(ROUTES).sort());
    for (const file of files)
      expect(Object.keys(ROUTES[file] ?? {}).sort(), file).toEqual(exportedMethods(file));
    expect(
      serverActions()
        .filter((action) => !action.file.startsWith(ADMIN_ACTIONS))
        .map((action) => action.name)
        .sort(),
    ).toEqual(Object.keys(ACTIONS).sort());
  });

  it("answers 401 (actions: UNAUTHENTICATED) without a session and changes nothing", async () => {
    const before = await adaState();
    for (const touch of touches) {
      const response = await http(touch);
      expect(response.status, `${touch.method} ${touch.path}`).toBe(401);
      expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
    }
    for (const { name, args } of actionCalls) {
      const answer = await callAction(app.url, actionNamed(name), {
        body: encodeArgs(fill(args) as unknown[]),
      });
      expect(answer.result, `${name}`).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    }
    expect(await adaState()).toEqual(before);
  });

  it("gives another user 404 for the owner's workspace and volume, and lets them act only on their own", async () => {
    const before = await adaState();
    const own = await http({ method: "GET", path: "/api/workspaces/WS", user: 200 }, ada);
    expect(await own.text()).toContain(adaContainer);
    const other = await userWithSession(db, uniqueEmail("user"));
    for (const touch of touches) {
      const response = await http(touch, other);
      const body = await response.text();
      expect(response.status, `${touch.method} ${touch.path}: ${body.slice(0, 200)}`).toBe(touch.user);
      if (touch.user === 404) expect(JSON.parse(body).error.code).toMatch(/^(WORKSPACE|VOLUME)_NOT_FOUND$/);
      expect(body).not.toContain(adaContainer);
      expect(body).not.toContain(ada.slug);
    }
    for (const { name, args, code } of actionCalls) {
      const answer = await callAction(app.url, actionNamed(name), {
        body: encodeArgs(fill(args) as unknown[]),
        cookie: other.cookie,
      });
      expect(answer.status, name).toBe(200);
      expect(answer.result, name).toMatchObject(code ? { ok: false, error: { code } } : { ok: true });
      expect(answer.text).not.toContain(adaContainer);
    }
    // Whatever the other user created is theirs, labelled with their id.
    for (const id of docker("ps", "-aq", "--filter", `label=${IT}.owner-id=${other.id}`)
      .split("\n")
      .filter(Boolean))
      expect(docker("inspect", "-f", "{{.Name}}", id)).toContain(other.slug);
    expect(await adaState()).toEqual(before);
  });

  it("lets an admin see the owner's workspace, and nothing of theirs leaks into the admin's own lists", async () => {
    const before = await adaState();
    const admin = await userWithSession(db, uniqueEmail("admin"), "ADMIN");
    for (const touch of touches.filter((candidate) => candidate.admin !== undefined)) {
      const response = await http(touch, admin);
      const body = await response.text();
      expect(response.status, `${touch.method} ${touch.path}: ${body.slice(0, 200)}`).toBe(touch.admin);
      if (!touch.path.includes("WS")) expect(body).not.toContain(adaContainer);
    }
    expect(await adaState()).toEqual(before);
  });

  it("lets an admin act on another user's workspace through the same use cases; the owner stays the owner", async () => {
    const victim = await userWithSession(db, uniqueEmail("victim"));
    const admin = await userWithSession(db, uniqueEmail("admin2"), "ADMIN");
    const launched = await (
      await fetch(`${app.url}/api/container/launch/dev`, {
        method: "POST",
        headers: { cookie: victim.cookie },
      })
    ).json();
    const ws = (await db.workspace.findFirstOrThrow({ where: { ownerId: victim.id } })).id;
    const stopped = await fetch(`${app.url}/api/workspaces/${ws}/stop`, {
      method: "POST",
      headers: { cookie: admin.cookie },
    });
    expect(await stopped.json()).toMatchObject({
      status: "stopped",
      stopped_reason: "admin",
      owner: { id: victim.id },
    });
    expect(docker("inspect", "-f", "{{.State.Status}}", launched.container_id)).toBe("exited");
    expect((await db.workspace.findUniqueOrThrow({ where: { id: ws } })).ownerId).toBe(victim.id);
  });
});
