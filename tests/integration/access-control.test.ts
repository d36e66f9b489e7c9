// Who may touch a workspace, over HTTP against the built server: every route handler under app/api and every
// server action has an entry here (a new one without an entry fails). Without a session everything is 401; another
// user gets 404 for the owner's workspace (never 403: no probing) and acts only on their own; an admin may see it.
// The owner's workspace is exactly as it was afterwards, in the engine and in the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createToken } from "@/lib/tokens/create-token";
import { exportedMethods, filesUnder, routeFiles } from "../support/app-routes";
import { type AppServer, startAppServer } from "../support/app-server";
import { expectAnswerConforms, expectConforms } from "../support/conforms";
import { IT } from "../support/prefixes";
import { actionNamed, callAction, encodeArgs, serverActions } from "../support/server-actions";
import { docker } from "../support/test-image";
import { tokenFor } from "../support/tokens";
import { actorOf, type TestUser, uniqueEmail, userWithSession } from "../support/users";
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
  "app/api/workspaces/[id]/update/route.ts": {
    POST: [{ method: "POST", path: "/api/workspaces/WS/update", user: 404 }],
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
  "app/api/workspaces/[id]/stats/history/route.ts": {
    GET: [{ method: "GET", path: "/api/workspaces/WS/stats/history?range=day", user: 404, admin: 200 }],
  },
  "app/api/workspaces/[id]/progress/route.ts": {
    GET: [{ method: "GET", path: "/api/workspaces/WS/progress", user: 404, admin: 200 }],
  },
  "app/api/v1/workspaces/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/workspaces?status=running", user: 200, admin: 200 }],
    POST: [
      {
        method: "POST",
        path: "/api/v1/workspaces",
        body: { name: "theirs-v1", template: "dev" },
        user: 201,
      },
    ],
  },
  "app/api/v1/workspaces/[id]/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/workspaces/WS", user: 404, admin: 200 }],
    PATCH: [{ method: "PATCH", path: "/api/v1/workspaces/WS", body: { display_name: "pwned" }, user: 404 }],
    DELETE: [{ method: "DELETE", path: "/api/v1/workspaces/WS?keep_data=false", user: 404 }],
  },
  "app/api/v1/workspaces/[id]/start/route.ts": {
    POST: [{ method: "POST", path: "/api/v1/workspaces/WS/start", user: 404 }],
  },
  "app/api/v1/workspaces/[id]/stop/route.ts": {
    POST: [{ method: "POST", path: "/api/v1/workspaces/WS/stop", user: 404 }],
  },
  "app/api/v1/workspaces/[id]/restart/route.ts": {
    POST: [{ method: "POST", path: "/api/v1/workspaces/WS/restart", user: 404 }],
  },
  "app/api/v1/workspaces/[id]/logs/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/workspaces/WS/logs?tail=5", user: 404, admin: 200 }],
  },
  "app/api/v1/workspaces/[id]/stats/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/workspaces/WS/stats", user: 404, admin: 200 }],
  },
  "app/api/v1/workspaces/[id]/stats/history/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/workspaces/WS/stats/history?range=hour", user: 404, admin: 200 }],
  },
  "app/api/v1/health/route.ts": { GET: "up/down and the version only" },
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
  "app/api/v1/openapi.json/route.ts": {
    GET: "the API's public description: openapi.test.ts, api-reference.test.ts",
  },
  "app/api/auth/magic-link/route.ts": { POST: "signing in; sign-in.test.ts" },
  "app/api/auth/[...nextauth]/route.ts": { GET: "Auth.js", POST: "Auth.js; origin-checked" },
  "app/api/[[...path]]/route.ts": { GET: "404", POST: "404", PUT: "404", PATCH: "404", DELETE: "404" },
};

// Server action -> argument lists (WS/VOL as above, TOK the owner's API token) and the error code another user gets
// (null: it acts on theirs).
const ACTIONS: Record<string, { args: unknown[]; code: string | null }[] | string> = {
  launchSlotAction: [{ args: ["dev"], code: null }],
  createWorkspaceAction: [{ args: [{ name: "theirs-too", template: "dev" }], code: null }],
  launchWorkspaceAction: [{ args: ["WS"], code: "WORKSPACE_NOT_FOUND" }],
  stopWorkspaceAction: [{ args: ["WS"], code: "WORKSPACE_NOT_FOUND" }],
  restartWorkspaceAction: [{ args: ["WS"], code: "WORKSPACE_NOT_FOUND" }],
  updateWorkspaceAction: [{ args: ["WS", { display_name: "pwned" }], code: "WORKSPACE_NOT_FOUND" }],
  deleteWorkspaceAction: [{ args: ["WS", false], code: "WORKSPACE_NOT_FOUND" }],
  removeKeptVolumeAction: [{ args: ["VOL"], code: "VOLUME_NOT_FOUND" }],
  applyTemplateUpdateAction: [{ args: ["WS"], code: "WORKSPACE_NOT_FOUND" }],
  createTokenAction: [
    { args: [{ name: "theirs", scopes: ["workspaces:read"], expires_in_days: 7 }], code: null },
  ],
  revokeTokenAction: [{ args: ["TOK"], code: "NOT_FOUND" }],
  signOutAction: "ends only the caller's own session",
};

// The admin area has its own matrix below: anonymous 401, users 404, admins 200.
const ADMIN_API_DIR = "app/api/v1/admin/";
const ADMIN_ACTION_DIR = "app/admin/";

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
let adaToken = "";
const fill = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value)
      .replaceAll('"WS"', JSON.stringify(adaWorkspace))
      .replaceAll('"VOL"', JSON.stringify(adaVolume))
      .replaceAll('"TOK"', JSON.stringify(adaToken)),
  );
const pathOf = (touch: Touch) => touch.path.replace("WS", adaWorkspace).replace("VOL", adaVolume);

// Every answer of a documented route (the v1 API, the seed's) is also checked against the OpenAPI document.
const http = async (touch: Touch, user?: TestUser, headers: Record<string, string> = {}) => {
  const response = await fetch(`${app.url}${pathOf(touch)}`, {
    method: touch.method,
    headers: {
      ...(user ? { cookie: user.cookie } : {}),
      ...(touch.body ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: touch.body ? JSON.stringify(touch.body) : undefined,
  });
  const contentType = response.headers.get("content-type");
  if (!contentType?.startsWith("text/event-stream"))
    expectAnswerConforms(
      { method: touch.method, url: pathOf(touch) },
      { status: response.status, contentType, text: await response.clone().text() },
    );
  return response;
};
// Ada's workspace as the engine and the database hold it.
const adaState = async () => ({
  engine: docker("inspect", "-f", "{{.Id}} {{.State.Status}} {{.State.StartedAt}}", adaContainer),
  rows: await db.workspace.findMany({ where: { ownerId: ada.id }, orderBy: { name: "asc" } }),
  kept: await db.keptVolume.findMany({ where: { ownerId: ada.id } }),
  volume: docker("volume", "ls", "-q", "--filter", `label=${IT}.owner-id=${ada.id}`),
  tokens: await db.apiToken.findMany({ where: { userId: ada.id } }),
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
  const made = await createToken({
    actor: actorOf(ada),
    input: { name: "ada-ci", scopes: ["workspaces:read"], expires_in_days: 7 },
  });
  adaToken = made.view.id;
});
afterAll(async () => {
  await app?.stop();
});

describe("access-control matrix", () => {
  it("has an entry for every route handler method under app/api and every server action (admin ones: the admin matrix below)", () => {
    const files = routeFiles("app/api").filter((file) => !file.startsWith(ADMIN_API_DIR));
    expect(files).toEqual(Object.keys(ROUTES).sort());
    for (const file of files)
      expect(Object.keys(ROUTES[file] ?? {}).sort(), file).toEqual(exportedMethods(file));
    expect(
      serverActions()
        .filter((action) => !action.file.startsWith(ADMIN_ACTION_DIR))
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

// The admin area: every admin page, every route under app/api/v1/admin and every admin server action has an entry
// here (one without an entry fails). Without a session pages send to sign-in and the rest answers 401; a signed-in
// user gets 404 everywhere (the same as a path that does not exist, so nothing can be probed) and changes nothing;
// an admin gets the page or the answer.

// A request to the admin API; `admin` is what an admin gets. USER stands for a plain user's id, WS for a workspace's.
type AdminTouch = { method: string; path: string; body?: unknown; admin: number };

const ADMIN_ROUTES: Record<string, Record<string, AdminTouch[]>> = {
  "app/api/v1/admin/templates/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/admin/templates", admin: 200 }],
    // An empty template: the admin gets 400 (every field named), nothing is made.
    POST: [{ method: "POST", path: "/api/v1/admin/templates", body: {}, admin: 400 }],
  },
  "app/api/v1/admin/templates/[id]/route.ts": {
    PATCH: [
      {
        method: "PATCH",
        path: "/api/v1/admin/templates/no-such-template",
        body: { display_name: "x" },
        admin: 404,
      },
    ],
  },
  "app/api/v1/admin/users/route.ts": {
    GET: [
      { method: "GET", path: "/api/v1/admin/users?q=plain", admin: 200 },
      { method: "GET", path: "/api/v1/admin/users?page=0", admin: 400 },
    ],
  },
  "app/api/v1/admin/users/[id]/route.ts": {
    PATCH: [
      { method: "PATCH", path: "/api/v1/admin/users/USER", body: { nothing: true }, admin: 400 },
      // A quota no account can have: the admin gets 400 by field, nothing changes.
      { method: "PATCH", path: "/api/v1/admin/users/USER", body: { quota: { running: -1 } }, admin: 400 },
    ],
    DELETE: [
      { method: "DELETE", path: "/api/v1/admin/users/USER?delete_volumes=true&confirm=nope", admin: 400 },
    ],
  },
  // The docker runtime has no nodes: the list is empty, any node is unknown, there is no cluster to join.
  "app/api/v1/admin/nodes/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/admin/nodes", admin: 200 }],
  },
  "app/api/v1/admin/nodes/[id]/drain/route.ts": {
    POST: [{ method: "POST", path: "/api/v1/admin/nodes/nosuchnode/drain", admin: 404 }],
  },
  "app/api/v1/admin/nodes/[id]/activate/route.ts": {
    POST: [{ method: "POST", path: "/api/v1/admin/nodes/nosuchnode/activate", admin: 404 }],
  },
  "app/api/v1/admin/nodes/join-command/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/admin/nodes/join-command", admin: 501 }],
  },
  // The engine's stacks: a file without services is refused before anything runs; unknown stacks are 404.
  "app/api/v1/admin/engine/stacks/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/admin/engine/stacks", admin: 200 }],
    POST: [
      {
        method: "POST",
        path: "/api/v1/admin/engine/stacks",
        body: { name: `${IT}-pwned`, compose: "services: {}\n" },
        admin: 400,
      },
    ],
  },
  "app/api/v1/admin/engine/stacks/[name]/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/admin/engine/stacks/no-such-stack", admin: 404 }],
    DELETE: [
      { method: "DELETE", path: "/api/v1/admin/engine/stacks/no-such-stack?volumes=true", admin: 404 },
    ],
  },
  "app/api/v1/admin/engine/stacks/[name]/stop/route.ts": {
    POST: [{ method: "POST", path: "/api/v1/admin/engine/stacks/no-such-stack/stop", admin: 404 }],
  },
  "app/api/v1/admin/engine/stacks/[name]/start/route.ts": {
    POST: [{ method: "POST", path: "/api/v1/admin/engine/stacks/no-such-stack/start", admin: 404 }],
  },
  // The engine's objects: reads answer, writes a non-admin could try change nothing (no such object, bad input).
  "app/api/v1/admin/engine/system/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/admin/engine/system", admin: 200 }],
  },
  "app/api/v1/admin/engine/images/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/admin/engine/images", admin: 200 }],
  },
  "app/api/v1/admin/engine/images/pull/route.ts": {
    POST: [
      {
        method: "POST",
        path: "/api/v1/admin/engine/images/pull",
        body: { reference: "not a ref!" },
        admin: 400,
      },
    ],
  },
  "app/api/v1/admin/engine/images/[id]/route.ts": {
    DELETE: [
      { method: "DELETE", path: "/api/v1/admin/engine/images/no-such-image%3Anever?force=true", admin: 404 },
    ],
  },
  "app/api/v1/admin/engine/images/prune/route.ts": {
    POST: [{ method: "POST", path: "/api/v1/admin/engine/images/prune", body: { all: "yes" }, admin: 400 }],
  },
  "app/api/v1/admin/engine/volumes/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/admin/engine/volumes", admin: 200 }],
    POST: [{ method: "POST", path: "/api/v1/admin/engine/volumes", body: { name: "-bad" }, admin: 400 }],
  },
  "app/api/v1/admin/engine/volumes/[name]/route.ts": {
    DELETE: [{ method: "DELETE", path: "/api/v1/admin/engine/volumes/no-such-volume", admin: 404 }],
  },
  "app/api/v1/admin/engine/volumes/prune/route.ts": {
    POST: [{ method: "POST", path: "/api/v1/admin/engine/volumes/prune", body: { label: "=" }, admin: 400 }],
  },
  "app/api/v1/admin/engine/networks/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/admin/engine/networks", admin: 200 }],
    POST: [
      {
        method: "POST",
        path: "/api/v1/admin/engine/networks",
        body: { name: "x", driver: "macvlan" },
        admin: 400,
      },
    ],
  },
  "app/api/v1/admin/engine/networks/[id]/route.ts": {
    DELETE: [{ method: "DELETE", path: "/api/v1/admin/engine/networks/bridge", admin: 409 }],
  },
  "app/api/v1/admin/orphans/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/admin/orphans", admin: 200 }],
  },
  "app/api/v1/admin/orphans/volumes/[name]/route.ts": {
    DELETE: [{ method: "DELETE", path: "/api/v1/admin/orphans/volumes/no-such-volume", admin: 404 }],
  },
  "app/api/v1/admin/orphans/volumes/[name]/give/route.ts": {
    POST: [
      {
        method: "POST",
        path: "/api/v1/admin/orphans/volumes/no-such-volume/give",
        body: { user_id: "USER" },
        admin: 404,
      },
    ],
  },
  "app/api/v1/admin/defaults/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/admin/defaults", admin: 200 }],
    PUT: [{ method: "PUT", path: "/api/v1/admin/defaults", body: { CONTAINER_CPUS: "lots" }, admin: 400 }],
  },
  "app/api/v1/admin/orphans/workloads/[id]/route.ts": {
    DELETE: [{ method: "DELETE", path: "/api/v1/admin/orphans/workloads/no-such-workload", admin: 404 }],
  },
  "app/api/v1/admin/stats/history/route.ts": {
    GET: [
      { method: "GET", path: "/api/v1/admin/stats/history?range=month", admin: 200 },
      { method: "GET", path: "/api/v1/admin/stats/history?range=week", admin: 400 },
    ],
  },
  "app/api/v1/admin/audit/route.ts": {
    GET: [
      { method: "GET", path: "/api/v1/admin/audit?owner=USER", admin: 200 },
      { method: "GET", path: "/api/v1/admin/audit?page=0", admin: 400 },
    ],
  },
  "app/api/v1/admin/audit/export/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/admin/audit/export?target=WS", admin: 200 }],
  },
  "app/api/v1/admin/workspaces/route.ts": {
    GET: [{ method: "GET", path: "/api/v1/admin/workspaces?owner=USER&sort=cpu", admin: 200 }],
  },
  // Deleting data without the typed count: refused (400 CONFIRMATION_REQUIRED), nothing deleted.
  "app/api/v1/admin/workspaces/bulk/route.ts": {
    POST: [
      {
        method: "POST",
        path: "/api/v1/admin/workspaces/bulk",
        body: { action: "delete", ids: ["WS"], delete_data: true },
        admin: 400,
      },
    ],
  },
  // The engine's containers: CTR is the owner's running workspace container; nothing here changes it (unknown
  // containers for the verbs, reads for the rest).
  "app/api/v1/admin/engine/containers/route.ts": {
    GET: [
      { method: "GET", path: "/api/v1/admin/engine/containers?all=true", admin: 200 },
      { method: "GET", path: "/api/v1/admin/engine/containers?all=maybe", admin: 400 },
    ],
  },
  "app/api/v1/admin/engine/containers/[id]/route.ts": {
    GET: [
      { method: "GET", path: "/api/v1/admin/engine/containers/CTR", admin: 200 },
      { method: "GET", path: "/api/v1/admin/engine/containers/no-such-container", admin: 404 },
    ],
    DELETE: [
      { method: "DELETE", path: "/api/v1/admin/engine/containers/no-such-container?force=true", admin: 404 },
    ],
  },
  "app/api/v1/admin/engine/containers/[id]/start/route.ts": {
    POST: [{ method: "POST", path: "/api/v1/admin/engine/containers/no-such-container/start", admin: 404 }],
  },
  "app/api/v1/admin/engine/containers/[id]/stop/route.ts": {
    POST: [{ method: "POST", path: "/api/v1/admin/engine/containers/no-such-container/stop", admin: 404 }],
  },
  "app/api/v1/admin/engine/containers/[id]/restart/route.ts": {
    POST: [{ method: "POST", path: "/api/v1/admin/engine/containers/no-such-container/restart", admin: 404 }],
  },
  "app/api/v1/admin/engine/containers/[id]/logs/route.ts": {
    GET: [
      { method: "GET", path: "/api/v1/admin/engine/containers/CTR/logs?tail=5", admin: 200 },
      { method: "GET", path: "/api/v1/admin/engine/containers/CTR/logs?download=true&tail=5", admin: 200 },
      { method: "GET", path: "/api/v1/admin/engine/containers/CTR/logs?tail=0x", admin: 400 },
      {
        method: "GET",
        path: "/api/v1/admin/engine/containers/no-such-container/logs?follow=true",
        admin: 404,
      },
    ],
  },
};

// page file -> the path it serves (USER, WS as above).
const ADMIN_PAGES: Record<string, string> = {
  "app/admin/page.tsx": "/admin",
  "app/admin/templates/page.tsx": "/admin/templates",
  "app/admin/defaults/page.tsx": "/admin/defaults",
  "app/admin/users/page.tsx": "/admin/users",
  "app/admin/orphans/page.tsx": "/admin/orphans",
  "app/admin/nodes/page.tsx": "/admin/nodes",
  "app/admin/engine/page.tsx": "/admin/engine",
  "app/admin/engine/images/page.tsx": "/admin/engine/images",
  "app/admin/engine/volumes/page.tsx": "/admin/engine/volumes",
  "app/admin/engine/networks/page.tsx": "/admin/engine/networks",
  "app/admin/engine/stacks/page.tsx": "/admin/engine/stacks",
  "app/admin/audit/page.tsx": "/admin/audit",
  "app/admin/workspaces/page.tsx": "/admin/workspaces",
  "app/admin/tokens/page.tsx": "/admin/tokens",
  "app/admin/engine/containers/page.tsx": "/admin/engine/containers",
  "app/admin/engine/containers/[id]/page.tsx": "/admin/engine/containers/CTR",
};

// Admin server action -> argument lists that would change something if anyone but an admin could call them.
const ADMIN_ACTIONS: Record<string, unknown[][]> = {
  createTemplateAction: [
    [
      {
        name: "pwned",
        display_name: "Pwned",
        image: "spawner-test-httpd:latest",
        apps: [{ name: "web", port: 8080, primary: true }],
        limits: {
          default: { memory_mb: 64, cpus: 0.5, pids: 64 },
          max: { memory_mb: 64, cpus: 0.5, pids: 64 },
        },
      },
    ],
  ],
  updateTemplateAction: [["no-such-template", { display_name: "pwned" }]],
  setTemplateEnabledAction: [["no-such-template", false]],
  updateDefaultsAction: [[{ CONTAINER_CPUS: "4" }], [{}]],
  changeUserRoleAction: [["USER", "ADMIN"]],
  setUserQuotaAction: [["USER", { workspaces: 0, running: 0, memory_mb: 0, cpus: 0 }]],
  disableUserAction: [["USER"]],
  enableUserAction: [["USER"]],
  deleteUserAction: [["USER", { delete_volumes: false, confirm: "" }]],
  giveOrphanVolumeAction: [["no-such-volume", { user_id: "USER" }]],
  removeOrphanVolumeAction: [["no-such-volume", "no-such-volume"]],
  removeOrphanWorkloadAction: [["no-such-workload"]],
  drainNodeAction: [["nosuchnode", "nosuchnode"]],
  activateNodeAction: [["nosuchnode"]],
  readJoinCommandAction: [[]],
  deployStackAction: [
    [{ name: `${IT}-pwned`, compose: "services:\n  web:\n    image: spawner-test-httpd:latest\n" }],
  ],
  stopStackAction: [["no-such-stack", ""]],
  startStackAction: [["no-such-stack"]],
  removeStackAction: [["no-such-stack", { volumes: true, confirm: "no-such-stack" }]],
  bulkWorkspacesAction: [[{ action: "delete", ids: ["WS"] }]],
  revokeUserTokenAction: [["TOKEN"]],
  startContainerAction: [["CTR"]],
  stopContainerAction: [["CTR", ""]],
  restartContainerAction: [["CTR", ""]],
  removeContainerAction: [["CTR", true, ""]],
};

let user: TestUser;
let admin: TestUser;
let workspaceId = "";
let tokenId = "";

const fillAdmin = (text: string) =>
  text
    .replaceAll("USER", user.id)
    .replaceAll("WS", workspaceId)
    .replaceAll("TOKEN", tokenId)
    .replaceAll("CTR", adaContainer);
const adminTouches = Object.values(ADMIN_ROUTES).flatMap((methods) => Object.values(methods).flat());
const pages = Object.values(ADMIN_PAGES);
const adminActionCalls = Object.entries(ADMIN_ACTIONS).flatMap(([name, calls]) =>
  calls.map((args) => ({ name, args })),
);

const adminHttp = (touch: AdminTouch, who?: TestUser, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${fillAdmin(touch.path)}`, {
    method: touch.method,
    headers: {
      ...(who ? { cookie: who.cookie } : {}),
      ...(touch.body ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: touch.body ? fillAdmin(JSON.stringify(touch.body)) : undefined,
    redirect: "manual",
  });
const adminPage = (path: string, who?: TestUser) =>
  fetch(`${app.url}${fillAdmin(path)}`, { headers: who ? { cookie: who.cookie } : {}, redirect: "manual" });
const adminAction = (name: string, args: unknown[], who?: TestUser) =>
  callAction(app.url, actionNamed(name), {
    body: fillAdmin(encodeArgs(args)),
    cookie: who?.cookie,
  });

// What admin actions could change: accounts, workspaces, templates, settings.
const platformState = async () => ({
  users: await db.user.findMany({
    select: {
      id: true,
      role: true,
      disabledAt: true,
      quotaWorkspaces: true,
      quotaRunning: true,
      quotaMemoryMb: true,
      quotaCpus: true,
    },
    orderBy: { id: "asc" },
  }),
  sessions: await db.session.count(),
  workspaces: await db.workspace.findMany({ orderBy: { id: "asc" } }),
  templates: await db.template.findMany({ orderBy: { id: "asc" } }),
  settings: await db.platformSetting.findMany(),
  kept: await db.keptVolume.findMany({ orderBy: { id: "asc" } }),
  tokens: await db.apiToken.findMany({ orderBy: { id: "asc" } }),
});

/** The admin matrix's plain user, their workspace and token (the token matrix below uses them too). */
async function adminFixtures() {
  if (user) return;
  user = await userWithSession(db, uniqueEmail("plain"));
  admin = await userWithSession(db, uniqueEmail("boss"), "ADMIN");
  const created = await fetch(`${app.url}/api/workspaces`, {
    method: "POST",
    headers: { cookie: user.cookie, "content-type": "application/json" },
    body: JSON.stringify({ name: "probe", template: "dev" }),
  });
  expect(created.status).toBe(201);
  workspaceId = (await created.json()).id;
  const made = await createToken({
    actor: actorOf(user),
    input: { name: "plain-ci", scopes: ["workspaces:read"], expires_in_days: 7 },
  });
  tokenId = made.view.id;
}

describe("admin access matrix", () => {
  beforeAll(adminFixtures);

  it("has an entry for every admin page, admin API method and admin action", () => {
    const files = routeFiles(ADMIN_API_DIR);
    expect(files).toEqual(Object.keys(ADMIN_ROUTES).sort());
    for (const file of files)
      expect(Object.keys(ADMIN_ROUTES[file] ?? {}).sort(), file).toEqual(exportedMethods(file));
    const pageFiles = filesUnder("app/admin")
      .filter((file) => /\/page\.tsx$/.test(file))
      .sort();
    expect(pageFiles).toEqual(Object.keys(ADMIN_PAGES).sort());
    expect(
      serverActions()
        .filter((candidate) => candidate.file.startsWith(ADMIN_ACTION_DIR))
        .map((candidate) => candidate.name)
        .sort(),
    ).toEqual(Object.keys(ADMIN_ACTIONS).sort());
  });

  it("sends visitors without a session to sign in (pages) or answers 401, and changes nothing", async () => {
    const before = await platformState();
    for (const path of pages) {
      const response = await adminPage(path);
      expect(response.status, path).toBe(307);
      expect(response.headers.get("location"), path).toContain("/login?callbackUrl=");
    }
    for (const touch of adminTouches) {
      const response = await adminHttp(touch);
      expect(response.status, `${touch.method} ${touch.path}`).toBe(401);
      expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
    }
    for (const { name, args } of adminActionCalls)
      expect((await adminAction(name, args)).result, name).toMatchObject({
        ok: false,
        error: { code: "UNAUTHENTICATED" },
      });
    expect(await platformState()).toEqual(before);
  });

  it("answers a signed-in user 404 everywhere, the same as a path that does not exist, and changes nothing", async () => {
    const before = await platformState();
    const missing = await adminPage("/admin/no-such-section", user);
    expect(missing.status).toBe(404);
    for (const path of pages) expect((await adminPage(path, user)).status, path).toBe(404);
    for (const touch of adminTouches) {
      const response = await adminHttp(touch, user);
      expect(response.status, `${touch.method} ${touch.path}`).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: "NOT_FOUND", message: "There is no such API endpoint." },
        timestamp: expect.any(String),
        path: new URL(fillAdmin(touch.path), app.url).pathname,
      });
    }
    for (const { name, args } of adminActionCalls)
      expect((await adminAction(name, args, user)).result, name).toMatchObject({
        ok: false,
        error: { code: "NOT_FOUND" },
      });
    expect(await platformState()).toEqual(before);
  });

  it("serves an admin every page and the answer each entry names", async () => {
    for (const path of pages) {
      const response = await adminPage(path, admin);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain('aria-label="Admin"');
    }
    for (const touch of adminTouches) {
      const response = await adminHttp(touch, admin);
      expect(
        response.status,
        `${touch.method} ${touch.path}: ${(await response.clone().text()).slice(0, 200)}`,
      ).toBe(touch.admin);
    }
  });
  it("answers an admin's node list on the docker runtime with no nodes, and the nodes page says how to get a cluster", async () => {
    const listed = await adminHttp({ method: "GET", path: "/api/v1/admin/nodes", admin: 200 }, admin);
    const body = await listed.json();
    expectConforms("adminListNodes", 200, body);
    expect(body).toEqual({ runtime: "docker", nodes: [] });
    const html = await (await adminPage("/admin/nodes", admin)).text();
    expect(html).toContain("runs on one Docker engine");
    expect(html).toContain("RUNTIME=swarm");
  });
});

// API tokens: the same matrix with `Authorization: Bearer`. A token acts as its owner would with a session, limited by
// its scopes (writing includes reading; admin is its own); an expired or revoked one is nobody.
describe("API token access matrix", () => {
  beforeAll(adminFixtures);
  const isRead = (method: string) => method === "GET";
  const everyTouch = () => [
    ...touches.map((touch) => ({
      label: `${touch.method} ${touch.path}`,
      send: (h: Record<string, string>) => http(touch, undefined, h),
    })),
    ...adminTouches.map((touch) => ({
      label: `${touch.method} ${touch.path}`,
      send: (h: Record<string, string>) => adminHttp(touch, undefined, h),
    })),
  ];

  it("answers an expired or a revoked token 401 on every route, the admin API included, and changes nothing", async () => {
    const boss = await userWithSession(db, uniqueEmail("tok-boss"), "ADMIN");
    const all = ["workspaces:read", "workspaces:write", "admin"] as const;
    const expired = await tokenFor(db, boss, [...all], { expired: true });
    const revoked = await tokenFor(db, boss, [...all], { revoked: true });
    const before = { ada: await adaState(), platform: await platformState() };
    for (const [kind, token] of [
      ["expired", expired],
      ["revoked", revoked],
    ] as const)
      for (const { label, send } of everyTouch()) {
        const response = await send(token.bearer);
        const body = await response.json();
        expect(response.status, `${kind} ${label}`).toBe(401);
        expect(body.error, `${kind} ${label}`).toEqual({
          code: "UNAUTHENTICATED",
          message: kind === "expired" ? "This API token has expired." : "This API token was revoked.",
        });
      }
    expect({ ada: await adaState(), platform: await platformState() }).toEqual(before);
    // The refusals are in the audit log, once per token (not once per request).
    const refusals = await db.auditEvent.findMany({
      where: { action: "token.use", targetId: { in: [expired.id, revoked.id] } },
    });
    expect(
      refusals.map((event) => [event.targetId, event.outcome, JSON.parse(event.details).reason]).sort(),
    ).toEqual(
      [
        [expired.id, "UNAUTHENTICATED", "expired"],
        [revoked.id, "UNAUTHENTICATED", "revoked"],
      ].sort(),
    );
  });

  it("lets another user's read token read as their session would, and refuses every change with 403 INSUFFICIENT_SCOPE", async () => {
    const before = await adaState();
    const reader = await userWithSession(db, uniqueEmail("tok-reader"));
    const { bearer } = await tokenFor(db, reader, ["workspaces:read"]);
    for (const touch of touches) {
      const response = await http(touch, undefined, bearer);
      const body = await response.text();
      const label = `${touch.method} ${touch.path}: ${body.slice(0, 200)}`;
      if (isRead(touch.method)) expect(response.status, label).toBe(touch.user);
      else {
        expect(response.status, label).toBe(403);
        expect(JSON.parse(body).error, label).toMatchObject({
          code: "INSUFFICIENT_SCOPE",
          details: { required: "workspaces:write", granted: ["workspaces:read"] },
        });
      }
      expect(body).not.toContain(adaContainer);
    }
    // A token without the admin scope is nobody to the admin API.
    for (const touch of adminTouches) expect((await adminHttp(touch, undefined, bearer)).status).toBe(404);
    expect(await db.workspace.count({ where: { ownerId: reader.id } })).toBe(0);
    expect(await adaState()).toEqual(before);
  });

  it("lets another user's write token act as their session would (reading included), on their own workspaces only", async () => {
    const before = await adaState();
    const writer = await userWithSession(db, uniqueEmail("tok-writer"));
    const { bearer } = await tokenFor(db, writer, ["workspaces:write"]);
    for (const touch of touches) {
      const response = await http(touch, undefined, bearer);
      const body = await response.text();
      expect(response.status, `${touch.method} ${touch.path}: ${body.slice(0, 200)}`).toBe(touch.user);
      expect(body).not.toContain(adaContainer);
    }
    // What it made is the token owner's.
    const made = await db.workspace.findMany({ where: { ownerId: writer.id }, orderBy: { name: "asc" } });
    expect(made.map((row) => row.name)).toEqual(["dev", "theirs", "theirs-v1"]);
    expect(await adaState()).toEqual(before);
  });

  it("gives an admin's token with the admin scope the admin API, and the owner's workspaces only with the workspace scopes too", async () => {
    const boss = await userWithSession(db, uniqueEmail("tok-admin"), "ADMIN");
    const adminOnly = await tokenFor(db, boss, ["admin"]);
    for (const touch of adminTouches) {
      const response = await adminHttp(touch, undefined, adminOnly.bearer);
      expect(response.status, `${touch.method} ${touch.path}`).toBe(touch.admin);
    }
    const read = touches.find((touch) => touch.path === "/api/v1/workspaces/WS");
    expect((await http(read as Touch, undefined, adminOnly.bearer)).status).toBe(403);
    // With the workspace scopes but not admin, an admin's token is a plain user's: another's workspace is not found.
    const plain = await tokenFor(db, boss, ["workspaces:read", "workspaces:write"]);
    expect((await http(read as Touch, undefined, plain.bearer)).status).toBe(404);
    for (const touch of adminTouches) {
      const response = await adminHttp(touch, undefined, plain.bearer);
      expect(response.status, `${touch.method} ${touch.path}`).toBe(403);
      expect((await response.json()).error.code).toBe("INSUFFICIENT_SCOPE");
    }
    // A plain user's token that names the admin scope (its owner was an admin when it was made) is nobody there.
    const demoted = await userWithSession(db, uniqueEmail("tok-demoted"));
    const stale = await tokenFor(db, demoted, ["admin", "workspaces:read"]);
    for (const touch of adminTouches)
      expect((await adminHttp(touch, undefined, stale.bearer)).status).toBe(404);
    const full = await tokenFor(db, boss, ["admin", "workspaces:read"]);
    for (const touch of touches.filter(
      (candidate) => candidate.admin !== undefined && isRead(candidate.method),
    )) {
      const response = await http(touch, undefined, full.bearer);
      expect(response.status, `${touch.method} ${touch.path}`).toBe(touch.admin);
    }
  });

  it("judges a Bearer request by its token alone: no Origin check, and an admin's cookie beside it adds nothing", async () => {
    const boss = await userWithSession(db, uniqueEmail("tok-cookie"), "ADMIN");
    const reader = await tokenFor(db, boss, ["workspaces:read"]);
    const stop = touches.find((touch) => touch.path === "/api/v1/workspaces/WS/stop") as Touch;
    const both = await http(stop, boss, { ...reader.bearer, origin: "https://evil.example" });
    expect(both.status).toBe(403);
    expect((await both.json()).error.code).toBe("INSUFFICIENT_SCOPE");
    // A session's write from another origin is refused as forgery; the same with a token is the token's business.
    const writer = await tokenFor(db, boss, ["workspaces:write"]);
    const create = {
      method: "POST",
      path: "/api/v1/workspaces",
      body: { name: "cross", template: "nope" },
      user: 0,
    };
    const forged = await http(create, boss, { origin: "https://evil.example" });
    expect((await forged.json()).error.code).toBe("CROSS_ORIGIN");
    const scripted = await http(create, undefined, { ...writer.bearer, origin: "https://evil.example" });
    // It reached the use case: the template is named wrong.
    expect(scripted.status).toBe(400);
    expect((await scripted.json()).error).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { template: expect.any(Array) },
    });
    expect(docker("inspect", "-f", "{{.State.Status}}", adaContainer)).toBe("running");
  });

  it("refuses a token that is not one (malformed, unknown, another scheme) with 401, never falling back to the cookie", async () => {
    const boss = await userWithSession(db, uniqueEmail("tok-bad"), "ADMIN");
    const list = touches.find((touch) => touch.path.startsWith("/api/v1/workspaces?")) as Touch;
    for (const authorization of [
      "Bearer",
      "Bearer ",
      "Bearer spw_short",
      `Bearer spw_${"A".repeat(40)}`,
      "bearer x y",
    ]) {
      const response = await http(list, boss, { authorization });
      expect(response.status, authorization).toBe(401);
      expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
    }
  });
});
