// The sign-in handshake of workspace hosts (subdomain routing), over HTTP against the built server, asked the way
// Traefik asks forward-auth: a page load without the host's cookie goes to the app, the app gives an owner (or an
// admin) a single-use code for that host, the host exchanges it for its own cookie. And every attack the issue
// names fails: a replayed code, a code on another host or after expiry, an open redirect, one workspace's cookie at
// another, the cookie of a signed-out session or a deleted workspace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createWorkspaceSchema } from "@/lib/validations/workspace";
import { workspaceAccessToken } from "@/lib/workspace-auth/access-token";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { type AppServer, startAppServer } from "../support/app-server";
import { actorOf, type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const DOMAIN = "ws.test";
const APP = "https://spawner.test";
const db = getDb();
let app: AppServer;
let ada: TestUser;
let bob: TestUser;
let root: TestUser;
const hosts: Record<string, string> = {};
const ids: Record<string, string> = {};

// With an https APP_URL the app's session cookie is __Host-authjs.session-token.
const appCookie = (user: TestUser) => `__Host-${user.cookie}`;
const token = (user: TestUser) => user.cookie.split("=")[1] ?? "";

beforeAll(async () => {
  app = await startAppServer({
    ...testSettings,
    INGRESS: "traefik",
    WORKSPACE_DOMAIN: DOMAIN,
    APP_URL: APP,
    RECONCILER: "off",
    WORKSPACE_CODE_SECONDS: "1",
  });
  ada = await userWithSession(db, uniqueEmail("wa-ada"));
  bob = await userWithSession(db, uniqueEmail("wa-bob"));
  root = await userWithSession(db, uniqueEmail("wa-root"), "ADMIN");
  for (const [label, owner, name] of [
    ["ada1", ada, "one"],
    ["ada2", ada, "two"],
    ["bob", bob, "one"],
  ] as const) {
    const workspace = await createWorkspace({
      actor: actorOf(owner),
      input: createWorkspaceSchema.parse({ name, template: "dev" }),
    });
    const row = await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } });
    ids[label] = row.id;
    hosts[label] = `web--${row.hostKey}.${DOMAIN}`;
  }
});
afterAll(async () => {
  await app?.stop();
});

/** Traefik's ForwardAuth call for a request to `host` + `uri`. */
async function ask(
  host: string,
  uri: string,
  options: { cookie?: string; method?: string; ws?: string; upgrade?: boolean } = {},
) {
  const query = options.ws ? `?ws=${options.ws}&app=web` : "";
  const response = await fetch(`${app.url}/api/forward-auth${query}`, {
    redirect: "manual",
    headers: {
      "x-forwarded-host": host,
      "x-forwarded-uri": uri,
      "x-forwarded-method": options.method ?? "GET",
      "x-forwarded-proto": "https",
      ...(options.cookie ? { cookie: options.cookie } : {}),
      // What Traefik passes on of a WebSocket handshake (it drops the hop-by-hop Upgrade and Connection).
      ...(options.upgrade
        ? { "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==", "sec-websocket-version": "13" }
        : {}),
    },
  });
  return {
    status: response.status,
    location: response.headers.get("location") ?? "",
    setCookie: response.headers.get("set-cookie") ?? "",
    access: response.headers.get("x-spawner-access"),
    body: await response.text(),
  };
}

/** The app's half: GET /api/workspace-auth/start as the browser follows forward-auth's redirect. */
async function start(user: TestUser | null, host: string, returnPath = "/") {
  const url = new URL("/api/workspace-auth/start", app.url);
  url.searchParams.set("host", host);
  url.searchParams.set("return", returnPath);
  const response = await fetch(url, { redirect: "manual", headers: user ? { cookie: appCookie(user) } : {} });
  return {
    status: response.status,
    location: response.headers.get("location") ?? "",
    body: await response.text(),
  };
}

/** The whole handshake for one user and host: the host's cookie, as the browser would send it back. */
async function signInTo(user: TestUser, host: string): Promise<string> {
  const handshake = new URL((await start(user, host)).location);
  const exchanged = await ask(host, `${handshake.pathname}${handshake.search}`);
  expect(exchanged.status).toBe(302);
  return exchanged.setCookie.split(";")[0] ?? "";
}

/** A new dev workspace of `user`, its web host, and that host's cookie after the handshake (checked to open it). */
async function signedInWorkspace(user: TestUser, name: string) {
  const workspace = await createWorkspace({
    actor: actorOf(user),
    input: createWorkspaceSchema.parse({ name, template: "dev" }),
  });
  const host = `web--${(await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).hostKey}.${DOMAIN}`;
  const cookie = await signInTo(user, host);
  expect((await ask(host, "/", { cookie })).status).toBe(200);
  return { workspace, host, cookie };
}

describe("the workspace sign-in handshake", () => {
  it("sends a page load without the host's cookie to the app, which sends the owner back with a code the host exchanges", async () => {
    const host = hosts.ada1 ?? "";
    const first = await ask(host, "/files/a.txt?x=1", { ws: ids.ada1 });
    expect(first.status).toBe(302);
    const startUrl = new URL(first.location);
    expect(startUrl.origin).toBe(APP);
    expect(startUrl.pathname).toBe("/api/workspace-auth/start");
    expect(startUrl.searchParams.get("host")).toBe(host);
    expect(startUrl.searchParams.get("return")).toBe("/files/a.txt?x=1");

    const issued = await start(ada, host, "/files/a.txt?x=1");
    expect(issued.status).toBe(302);
    const handshake = new URL(issued.location);
    expect(handshake.origin).toBe(`https://${host}`);
    expect(handshake.pathname).toBe("/__spawner/auth");
    expect(handshake.searchParams.get("code")).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const exchanged = await ask(host, `${handshake.pathname}${handshake.search}`, { ws: ids.ada1 });
    expect(exchanged.status).toBe(302);
    expect(exchanged.location).toBe(`https://${host}/files/a.txt?x=1`);
    expect(exchanged.setCookie).toMatch(
      /^__Host-spawner-ws=v1\.[^;]+; Path=\/; Max-Age=1800; HttpOnly; Secure; SameSite=Lax$/,
    );
    // The host's cookie carries no part of the app's session.
    expect(exchanged.setCookie).not.toContain(token(ada));

    const cookie = exchanged.setCookie.split(";")[0] ?? "";
    const allowed = await ask(host, "/files/a.txt", { cookie, ws: ids.ada1 });
    expect(allowed.status).toBe(200);
    // The proof Traefik puts on the forwarded request: the workspace's own value, which its workload was given.
    expect(allowed.access).toBe(workspaceAccessToken(testSettings.AUTH_SECRET, ids.ada1 ?? ""));
    expect(allowed.access).not.toBe(workspaceAccessToken(testSettings.AUTH_SECRET, ids.ada2 ?? ""));
    expect(first.access).toBeNull();
    expect((await ask(host, "/", { cookie, method: "POST", ws: ids.ada1 })).status).toBe(200);
    expect((await ask(host, "/socket", { cookie, upgrade: true, ws: ids.ada1 })).status).toBe(200);
  });

  it("sends a signed-out visitor to sign in, and back into the handshake after it", async () => {
    const issued = await start(null, hosts.ada1 ?? "", "/x");
    expect(issued.status).toBe(302);
    const login = new URL(issued.location);
    expect(login.origin).toBe(APP);
    expect(login.pathname).toBe("/login");
    const back = login.searchParams.get("callbackUrl") ?? "";
    expect(back.startsWith("/api/workspace-auth/start?")).toBe(true);
    expect(new URL(back, APP).searchParams.get("host")).toBe(hosts.ada1);
  });

  it("refuses requests other than page loads without a cookie plainly (no redirect into a fetch or a WebSocket)", async () => {
    expect((await ask(hosts.ada1 ?? "", "/api", { method: "POST" })).status).toBe(401);
    expect((await ask(hosts.ada1 ?? "", "/socket", { upgrade: true })).status).toBe(401);
  });

  it("lets an admin in, and neither another user nor a stranger's host", async () => {
    expect((await start(root, hosts.ada1 ?? "")).status).toBe(302);
    const refused = await start(bob, hosts.ada1 ?? "");
    expect(refused.status).toBe(404);
    expect(refused.location).toBe("");
    for (const host of [
      "evil.example",
      `web--nobody.${DOMAIN}`,
      `web.${DOMAIN}`,
      `nope--${hosts.ada1?.slice(5)}`,
    ]) {
      const answer = await start(ada, host);
      expect(answer.status, host).toBe(404);
      expect(answer.location, host).toBe("");
    }
  });
});

describe("attacks on the handshake", () => {
  it("refuses a replayed code", async () => {
    const host = hosts.ada1 ?? "";
    const handshake = new URL((await start(ada, host)).location);
    const uri = `${handshake.pathname}${handshake.search}`;
    expect((await ask(host, uri)).status).toBe(302);
    const replay = await ask(host, uri);
    expect(replay.status).toBe(403);
    expect(replay.setCookie).toBe("");
  });

  it("refuses a code used on another host, even one of the same user", async () => {
    const handshake = new URL((await start(ada, hosts.ada1 ?? "")).location);
    const elsewhere = await ask(hosts.ada2 ?? "", `${handshake.pathname}${handshake.search}`);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.setCookie).toBe("");
    // Tried once on the wrong host, it is spent.
    expect((await ask(hosts.ada1 ?? "", `${handshake.pathname}${handshake.search}`)).status).toBe(403);
  });

  it("refuses a code after it expired", async () => {
    const handshake = new URL((await start(ada, hosts.ada1 ?? "")).location);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await ask(hosts.ada1 ?? "", `${handshake.pathname}${handshake.search}`)).status).toBe(403);
  });

  it("never redirects off the workspace host, however the return address is spelled", async () => {
    for (const evil of [
      "//evil.example/",
      "https://evil.example/",
      "/\\evil.example",
      "\\\\evil.example",
      "/%0d%0aLocation:x",
    ]) {
      const handshake = new URL((await start(ada, hosts.ada1 ?? "", evil)).location);
      expect(handshake.origin).toBe(`https://${hosts.ada1}`);
      const exchanged = await ask(hosts.ada1 ?? "", `${handshake.pathname}${handshake.search}`);
      expect(new URL(exchanged.location).origin, evil).toBe(`https://${hosts.ada1}`);
      expect(new URL(exchanged.location, `https://${hosts.ada1}`).host).toBe(hosts.ada1);
      // Forged straight onto the exchange, too.
      const fresh = new URL((await start(ada, hosts.ada1 ?? "")).location);
      fresh.searchParams.set("return", evil);
      const forged = await ask(hosts.ada1 ?? "", `${fresh.pathname}${fresh.search}`);
      expect(new URL(forged.location, `https://${hosts.ada1}`).host, evil).toBe(hosts.ada1);
    }
  });

  it("refuses workspace A's cookie at workspace B, a tampered cookie, and a route that names another workspace", async () => {
    const cookie = await signInTo(ada, hosts.ada1 ?? "");
    expect((await ask(hosts.ada1 ?? "", "/", { cookie })).status).toBe(200);
    expect((await ask(hosts.ada2 ?? "", "/", { cookie })).status).toBe(302);
    expect((await ask(hosts.ada2 ?? "", "/", { cookie, method: "POST" })).status).toBe(401);
    const tampered = `${cookie.slice(0, -2)}${cookie.endsWith("A") ? "B" : "A"}x`;
    expect((await ask(hosts.ada1 ?? "", "/", { cookie: tampered })).status).toBe(302);
    // The router of workspace two asking about workspace one's host: refused outright.
    expect((await ask(hosts.ada1 ?? "", "/", { cookie, ws: ids.ada2 })).status).toBe(403);
    // The app's own session cookie opens nothing on a workspace host.
    expect((await ask(hosts.ada1 ?? "", "/", { cookie: appCookie(ada) })).status).toBe(302);
  });

  it("serves no workspace under a path of the app's host (a workload still labelled for path routing)", async () => {
    const row = await db.workspace.findUniqueOrThrow({ where: { id: ids.ada1 ?? "" } });
    for (const user of [ada, root]) {
      const answer = await ask("spawner.test", `/${row.routeKey}/`, {
        cookie: appCookie(user),
        ws: ids.ada1,
      });
      expect(answer.status).toBe(403);
    }
  });

  it("stops the cookie of a signed-out session at once", async () => {
    const leaving = await userWithSession(db, uniqueEmail("wa-leaving"));
    const { host, cookie } = await signedInWorkspace(leaving, "gone");
    // Sign out through Auth.js, as the app's Sign out button does.
    const csrf = await fetch(`${app.url}/api/auth/csrf`, { headers: { cookie: appCookie(leaving) } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = (csrf.headers.getSetCookie().find((c) => c.includes("csrf-token")) ?? "").split(
      ";",
    )[0];
    const out = await fetch(`${app.url}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: {
        cookie: `${appCookie(leaving)}; ${csrfCookie}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ csrfToken }),
    });
    expect(out.status).toBe(302);
    expect(await db.session.count({ where: { userId: leaving.id } })).toBe(0);
    expect((await ask(host, "/", { cookie })).status).toBe(302);
  });

  it("stops the cookie of a deleted workspace at once", async () => {
    const { workspace, host, cookie } = await signedInWorkspace(bob, "short-lived");
    const deleted = await fetch(`${app.url}/api/workspaces/${workspace.id}?keep_data=false`, {
      method: "DELETE",
      headers: { cookie: appCookie(bob) },
    });
    expect(deleted.status).toBe(200);
    expect((await ask(host, "/", { cookie })).status).toBe(403);
  });

  it("stops the cookie of a deleted user within the cache's 5 s", async () => {
    const doomed = await userWithSession(db, uniqueEmail("wa-doomed"));
    const { host, cookie } = await signedInWorkspace(doomed, "orphan");
    // Deleted behind the app's back (no admin action exists yet that could drop the cache at once).
    // (Its sessions and workspaces go with it: cascades.)
    await db.user.delete({ where: { id: doomed.id } });
    const deadline = Date.now() + 6_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await ask(host, "/", { cookie })).status;
    }
    expect(status).not.toBe(200);
  });
});
