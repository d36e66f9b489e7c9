// Forward-auth as Traefik asks it, over HTTP against the built server: only the owner and admins reach
// /{slug}-{type}/..., however the path is spelled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { type AppServer, startAppServer } from "../support/app-server";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
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
});
afterAll(async () => {
  await app?.stop();
});

/** Traefik's ForwardAuth call: GET the address (the container's middleware names its owner) with X-Forwarded-*. */
async function ask(caller: TestUser | null, uri: string, uid: string | null): Promise<number> {
  const query = uid ? `?uid=${encodeURIComponent(uid)}&type=dev` : "";
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
      for (const uid of [ada.id, carol.id, null]) {
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
    expect(tried).toBeGreaterThan(150);
  });

  it("refuses when the path names one owner and the container's route another, even for its owner and admins", async () => {
    for (const caller of [ada, bob, root]) {
      expect(await ask(caller, `/${bob.slug}-dev/`, ada.id)).toBe(403);
      expect(await ask(caller, `/${ada.slug}-dev/../${bob.slug}-dev/`, ada.id)).toBe(403);
    }
  });
});
