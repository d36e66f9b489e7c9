// Forward-auth as Traefik asks it, over HTTP against the built server: only the owner and admins reach
// /{slug}-{name}/..., however the path is spelled. Routes name their workspace (?ws=); routes made before
// workspaces name the owner (?uid=&type=): both are asked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createWorkspaceSchema } from "@/lib/validations/workspace";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { type AppServer, startAppServer } from "../support/app-server";
import { actorOf, type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const db = getDb();
let app: AppServer;
let ada: TestUser;
let bob: TestUser;
let root: TestUser;
let carol: TestUser;

beforeAll(async () => {
  app = await startAppServer({ ...testSettings, RECONCILER: "off" });
  ada = await userWithSession(db, uniqueEmail("fa-ada"));
  bob = await userWithSession(db, uniqueEmail("fa-bob"));
  root = await userWithSession(db, uniqueEmail("fa-root"), "ADMIN");
  carol = await userWithSession(db, uniqueEmail("fa-carol"));
  // Each has a dev workspace (not started: forward-auth decides from the rows, not the engine).
  for (const user of [ada, bob, carol]) {
    const workspace = await createWorkspace({
      actor: actorOf(user),
      input: createWorkspaceSchema.parse({ name: "dev", template: "dev" }),
    });
    workspaces.set(user.id, workspace.id);
  }
});
const workspaces = new Map<string, string>();
afterAll(async () => {
  await app?.stop();
});

/**
 * Traefik's ForwardAuth call: GET the address (the workspace's middleware names it by id, ?ws=) with X-Forwarded-*.
 * `route` is the owner whose dev workspace's route is asked; "legacy:" names the owner instead (?uid=).
 */
async function ask(caller: TestUser | null, uri: string, route: string | null): Promise<number> {
  const query = !route
    ? ""
    : route.startsWith("legacy:")
      ? `?uid=${encodeURIComponent(route.slice(7))}&type=dev`
      : `?ws=${encodeURIComponent(workspaces.get(route) ?? route)}`;
  const response = await fetch(`${app.url}/api/forward-auth${query}`, {
    headers: {
      ...(caller ? { cookie: caller.cookie } : {}),
      "x-forwarded-method": "GET",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "spawner.example",
      "x-forwarded-uri": uri,
      "x-forwarded-for": "203.0.113.7",
    },
  });
  await response.body?.cancel();
  return response.status;
}

const percentAll = (text: string) =>
  [...text].map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, "0")}`).join("");

/** Ways to spell a request for slug's dev container (and some that only look like it). */
function spellings(slug: string, other: string): string[] {
  const upper = slug.toUpperCase();
  return [
    `/${slug}-dev`,
    `/${slug}-dev/`,
    `/${slug}-dev//`,
    `/${slug}-dev/index.html?x=1#y`,
    `/${percentAll(slug)}-dev/`,
    `/${slug}%2ddev/`,
    `/${slug}-dev%2findex.html`,
    `/%2f${slug}-dev/`,
    `/${percentAll(percentAll(slug))}-dev/`,
    `/%252f${slug}-dev/`,
    `/${slug}-dev%252f`,
    `/${upper}-DEV/`,
    `/${upper}-dev/`,
    `/${slug}-Dev/`,
    `/./${slug}-dev/`,
    `/${slug}-dev/./`,
    `/${slug}/../${slug}-dev/`,
    `/${other}-dev/../${slug}-dev/`,
    `/${other}-dev/%2e%2e/${slug}-dev/`,
    `/${other}-dev/.%2e/${slug}-dev/`,
    `/${other}-dev/..%2f${slug}-dev/`,
    `/${other}-dev/%252e%252e/${slug}-dev/`,
    `/${other}-dev/..\\${slug}-dev/`,
    `/${slug}-dev/../../${slug}-dev/`,
    `//${slug}-dev/`,
    `/${slug}-dev/..`,
    `/${slug}-devx/`,
    `/${slug}-dev-dev/`,
    `/${slug}-dev;x=1/`,
    `http://spawner.example/${slug}-dev/`,
  ];
}

describe("forward-auth over HTTP", () => {
  it("lets the owner and admins open the container", async () => {
    for (const uri of [`/${ada.slug}-dev`, `/${ada.slug}-dev/`, `/${ada.slug}-dev/static/app.js?v=1`]) {
      expect(await ask(ada, uri, ada.id), uri).toBe(200);
      expect(await ask(root, uri, ada.id), uri).toBe(200);
      // The control for the refusals below: the other user does get into their own container.
      expect(await ask(bob, uri.replace(ada.slug, bob.slug), bob.id), uri).toBe(200);
    }
  });

  it("refuses another user and no session however the path is spelled", async () => {
    const failures: string[] = [];
    let tried = 0;
    // Paths that mix Ada's and Carol's containers, asked with either owner's route or none; Bob owns neither.
    for (const uri of spellings(ada.slug, carol.slug)) {
      for (const uid of [ada.id, carol.id, `legacy:${ada.id}`, `legacy:${carol.id}`, null]) {
        const expectations: [TestUser | null, number][] = [
          [null, 401],
          [bob, 403],
        ];
        for (const [caller, expected] of expectations) {
          tried += 1;
          const status = await ask(caller, uri, uid);
          if (status !== expected)
            failures.push(`${caller ? "bob" : "no session"} ${uri} uid=${uid}: ${status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(300);
  });

  it("refuses when the path names one workspace and the route another, even for its owner and admins", async () => {
    for (const caller of [ada, bob, root]) {
      for (const route of [ada.id, `legacy:${ada.id}`]) {
        expect(await ask(caller, `/${bob.slug}-dev/`, route)).toBe(403);
        expect(await ask(caller, `/${ada.slug}-dev/../${bob.slug}-dev/`, route)).toBe(403);
      }
    }
  });

  it("lets the owner through with routes made before workspaces (?uid=), too", async () => {
    expect(await ask(ada, `/${ada.slug}-dev/`, `legacy:${ada.id}`)).toBe(200);
    expect(await ask(root, `/${ada.slug}-dev/`, `legacy:${ada.id}`)).toBe(200);
    expect(await ask(bob, `/${ada.slug}-dev/`, `legacy:${ada.id}`)).toBe(403);
  });
});
