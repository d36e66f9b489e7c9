// Who may touch a container, over HTTP against the built server: every route handler under app/api and every
// server action has an entry here (a new one without an entry fails), and each one that acts on a container
// refuses strangers and leaves another user's container exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { exportedMethods, routeFiles } from "../support/app-routes";
import { type AppServer, startAppServer } from "../support/app-server";
import { IT } from "../support/prefixes";
import { actionNamed, callAction, encodeArgs, serverActions } from "../support/server-actions";
import { docker } from "../support/test-image";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

// A request that acts on "the caller's dev container", and what another signed-in user gets back from it.
type Touch = { method: string; path: string; other: number };

// Route file -> method -> the requests that act on a container, or why the method needs no container check.
const ROUTES: Record<string, Record<string, Touch[] | string>> = {
  "app/api/container/launch/[type]/route.ts": {
    POST: [{ method: "POST", path: "/api/container/launch/dev", other: 200 }],
  },
  "app/api/containers/[type]/route.ts": {
    GET: [{ method: "GET", path: "/api/containers/dev", other: 200 }],
    DELETE: [{ method: "DELETE", path: "/api/containers/dev", other: 200 }],
  },
  "app/api/containers/[type]/[action]/route.ts": {
    POST: [
      { method: "POST", path: "/api/containers/dev/start", other: 404 },
      { method: "POST", path: "/api/containers/dev/stop", other: 200 },
      { method: "POST", path: "/api/containers/dev/restart", other: 404 },
    ],
  },
  "app/api/containers/[type]/logs/route.ts": {
    GET: [
      { method: "GET", path: "/api/containers/dev/logs", other: 404 },
      { method: "GET", path: "/api/containers/dev/logs?download=1", other: 404 },
    ],
  },
  "app/api/containers/[type]/progress/route.ts": {
    GET: [{ method: "GET", path: "/api/containers/dev/progress", other: 200 }],
  },
  "app/api/containers/[type]/stats/route.ts": {
    GET: [{ method: "GET", path: "/api/containers/dev/stats", other: 409 }],
  },
  "app/api/user/containers/route.ts": {
    GET: [{ method: "GET", path: "/api/user/containers", other: 200 }],
  },
  "app/api/forward-auth/route.ts": { GET: "owner or admin only: forward-auth.test.ts" },
  "app/api/health/route.ts": { GET: "up/down only" },
  "app/api/auth/magic-link/route.ts": { POST: "signing in; sign-in.test.ts" },
  "app/api/auth/[...nextauth]/route.ts": { GET: "Auth.js", POST: "Auth.js; origin-checked" },
  "app/api/[[...path]]/route.ts": { GET: "404", POST: "404", PUT: "404", PATCH: "404", DELETE: "404" },
  "app/api/containers/route.ts": { GET: "404", POST: "404", PUT: "404", PATCH: "404", DELETE: "404" },
};

// Server action -> the argument lists that act on the caller's dev container.
const ACTIONS: Record<string, unknown[][] | string> = {
  launchContainerAction: [["dev"]],
  containerAction: [
    ["dev", "start"],
    ["dev", "stop"],
    ["dev", "restart"],
    ["dev", "delete"],
  ],
  signOutAction: "ends only the caller's own session",
};

const touches = Object.values(ROUTES).flatMap((methods) =>
  Object.values(methods).flatMap((entry) => (typeof entry === "string" ? [] : entry)),
);
// Launch last: until then the other caller has no container, which fixes what the other requests answer.
const launchLast = [
  ...touches.filter((touch) => !touch.path.includes("/launch/")),
  ...touches.filter((touch) => touch.path.includes("/launch/")),
];
const actionCalls = Object.entries(ACTIONS).flatMap(([name, lists]) =>
  typeof lists === "string" ? [] : lists.map((args) => ({ name, args })),
);

const db = getDb();
let app: AppServer;
let ada: TestUser;
let adaContainer: string;

const http = (touch: Touch, user?: TestUser) =>
  fetch(`${app.url}${touch.path}`, {
    method: touch.method,
    headers: user ? { cookie: user.cookie } : {},
  });
// Ada's container as the engine and the database hold it.
const adaState = async () => ({
  engine: docker("inspect", "-f", "{{.Id}} {{.State.Status}} {{.State.StartedAt}}", adaContainer),
  row: await db.userContainer.findMany({ where: { userId: ada.id } }),
});

beforeAll(async () => {
  app = await startAppServer({ ...testSettings, RECONCILER: "off" });
  ada = await userWithSession(db, uniqueEmail("owner"));
  const launched = await fetch(`${app.url}/api/container/launch/dev`, {
    method: "POST",
    headers: { cookie: ada.cookie },
  });
  adaContainer = (await launched.json()).container_id;
  expect(docker("inspect", "-f", "{{.State.Status}}", adaContainer)).toBe("running");
});
afterAll(async () => {
  await app?.stop();
});

describe("access-control matrix", () => {
  it("has an entry for every route handler method under app/api and every server action", () => {
    const files = routeFiles("app/api");
    expect(files).toEqual(Object.keys(ROUTES).sort());
    for (const file of files)
      expect(Object.keys(ROUTES[file] ?? {}).sort(), file).toEqual(exportedMethods(file));
    expect(
      serverActions()
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
      const answer = await callAction(app.url, actionNamed(name), { body: encodeArgs(args) });
      expect(answer.result, `${name}(${args})`).toMatchObject({
        ok: false,
        error: { code: "UNAUTHENTICATED" },
      });
    }
    expect(await adaState()).toEqual(before);
  });

  it("lets another user, and an admin, act only on their own slot: the owner's container is untouched", async () => {
    const before = await adaState();
    // The control: the owner reaches her container through the same paths.
    const own = await http({ method: "GET", path: "/api/containers/dev", other: 200 }, ada);
    expect(await own.text()).toContain(adaContainer);

    for (const role of ["USER", "ADMIN"] as const) {
      const other = await userWithSession(db, uniqueEmail(role.toLowerCase()), role);
      for (const touch of launchLast) {
        const response = await http(touch, other);
        const body = await response.text();
        expect(response.status, `${role} ${touch.method} ${touch.path}: ${body.slice(0, 200)}`).toBe(
          touch.other,
        );
        expect(body).not.toContain(adaContainer);
        expect(body).not.toContain(ada.slug);
      }
      for (const { name, args } of actionCalls) {
        const answer = await callAction(app.url, actionNamed(name), {
          body: encodeArgs(args),
          cookie: other.cookie,
        });
        expect(answer.status, `${role} ${name}(${args})`).toBe(200);
        expect(answer.text).not.toContain(adaContainer);
      }
      // Whatever the other user created is theirs, labelled with their id.
      for (const id of docker("ps", "-aq", "--filter", `label=${IT}.owner-id=${other.id}`)
        .split("\n")
        .filter(Boolean)) {
        expect(docker("inspect", "-f", "{{.Name}}", id)).toContain(other.slug);
      }
    }
    expect(await adaState()).toEqual(before);
  });
});
