// Traefik's ForwardAuth question, answered without a database round trip per request (lib/workspace-auth/lookups.ts
// caches). On a workspace host (subdomain routing) the host's own sign-in cookie decides, and a visitor without one
// is sent through the sign-in handshake; under path routing the app's session cookie decides. Only the owner of a
// workspace, or an admin, gets through. Served on the server's fast path (lib/server/fast-path.ts); every answer is
// counted by its decision (a counter's increment: nothing else on this path).
import "server-only";
import { noteActivity } from "@/lib/activity/activity";
import { getEnv } from "@/lib/env";
import { answer, type ForwardAuthAnswer, redirect } from "@/lib/forward-auth/answer";
import { cleanPathOf, decideForwardAuth, pathTargetOf } from "@/lib/forward-auth/decide";
import { parseAppHost } from "@/lib/ingress/workspace-host";
import { type ForwardAuthDecision, recordForwardAuth } from "@/lib/metrics/metrics";
import { ACCESS_HEADER, workspaceAccessToken } from "@/lib/workspace-auth/access-token";
import { exchangeHandshake } from "@/lib/workspace-auth/exchange-handshake";
import { HANDSHAKE_PATH } from "@/lib/workspace-auth/handshake-path";
import {
  SESSION_COOKIES,
  sessionByRef,
  sessionByToken,
  workspaceByHostKey,
  workspaceByRouteKey,
} from "@/lib/workspace-auth/lookups";
import { verifiedGrant } from "@/lib/workspace-auth/verified-grants";
import { grantCookie, readCookie, signGrant, WORKSPACE_COOKIE } from "@/lib/workspace-auth/workspace-cookie";

export type ForwardAuthRequest = { header: (name: string) => string | null; query: URLSearchParams };
export type { ForwardAuthAnswer };

const json = answer;
/**
 * Allowed, with the header that tells the workload so (Traefik puts it on the request it forwards). What is let
 * through is the workspace's activity (lib/activity/activity.ts): noted in memory, written later.
 */
const allowed = (workspaceId: string, headers: Record<string, string> = {}) => {
  noteActivity(workspaceId);
  return answer(200, "", "", {
    [ACCESS_HEADER.toLowerCase()]: workspaceAccessToken(getEnv().AUTH_SECRET, workspaceId),
    ...headers,
  });
};
const FORBIDDEN = () => answer(403, "FORBIDDEN", "You do not have access to this workspace.");

export { HANDSHAKE_PATH };

const DECISION_OF: Record<number, ForwardAuthDecision> = {
  200: "allow",
  302: "redirect",
  401: "unauthenticated",
  403: "forbidden",
};

export async function forwardAuth(request: ForwardAuthRequest): Promise<ForwardAuthAnswer> {
  try {
    const result = await decide(request);
    recordForwardAuth(DECISION_OF[result.status] ?? "error");
    return result;
  } catch (error) {
    recordForwardAuth("error");
    throw error;
  }
}

async function decide(request: ForwardAuthRequest): Promise<ForwardAuthAnswer> {
  const env = getEnv();
  const host = (request.header("x-forwarded-host") ?? "").toLowerCase().split(",")[0]?.trim() ?? "";
  const onWorkspaceHost = parseAppHost(host, env.WORKSPACE_DOMAIN);
  if (onWorkspaceHost) return workspaceHost(request, host, onWorkspaceHost);
  // Subdomain routing makes no route on the app's host: one that still asks is a workload labelled under path
  // routing (running since before an upgrade), and letting it through would serve it from the app's own origin.
  if (env.WORKSPACE_DOMAIN)
    return answer(403, "FORBIDDEN", "This workspace moved to its own address: open it from Spawner.");
  return pathRoute(request);
}

/** Subdomain routing: the host names the workspace and app; its own cookie (or the handshake) says who comes. */
async function workspaceHost(
  request: ForwardAuthRequest,
  host: string,
  { app, hostKey }: { app: string; hostKey: string },
): Promise<ForwardAuthAnswer> {
  const env = getEnv();
  const workspace = await workspaceByHostKey(hostKey);
  // The route's middleware names its workspace and app: a Host that says otherwise was not routed here by it.
  const expected = request.query.get("ws");
  if (!workspace || (expected && expected !== workspace.id) || !workspace.apps.includes(app))
    return FORBIDDEN();
  const expectedApp = request.query.get("app");
  if (expectedApp && expectedApp !== app) return FORBIDDEN();
  const uri = request.header("x-forwarded-uri") ?? "/";
  // (Decoded and cleaned only when it might be the handshake: this runs before every request to the host.)
  if (uri.toLowerCase().includes("spawner") && cleanPathOf(uri) === HANDSHAKE_PATH)
    return exchangeHandshake({ uri, host, workspace });

  const now = Math.floor(Date.now() / 1000);
  const grant = verifiedGrant(env.AUTH_SECRET, readCookie(request.header("cookie"), WORKSPACE_COOKIE), now);
  if (grant && grant.h === host && grant.w === workspace.id) {
    const session = await sessionByRef(grant.u, grant.s);
    if (session && (session.role === "ADMIN" || session.userId === workspace.ownerId)) {
      const lifetime = env.WORKSPACE_SESSION_MINUTES * 60;
      // Renewed while used: once a third of its life has passed, a fresh one goes back with the answer.
      if (now - grant.i < lifetime / 3) return allowed(workspace.id);
      const renewed = signGrant(env.AUTH_SECRET, { ...grant, i: now, e: now + lifetime });
      return allowed(workspace.id, { "set-cookie": grantCookie(renewed, lifetime) });
    }
  }
  // No (valid) cookie: a page load goes through the sign-in handshake; anything else is refused plainly.
  const method = (request.header("x-forwarded-method") ?? "GET").toUpperCase();
  // Traefik drops hop-by-hop headers (Upgrade) on the way here; a WebSocket handshake still carries its key.
  const upgrade = request.header("sec-websocket-key") !== null;
  if ((method !== "GET" && method !== "HEAD") || upgrade)
    return json(401, "UNAUTHENTICATED", "Open this workspace from Spawner to sign in to it.");
  const start = new URL("/api/workspace-auth/start", env.APP_URL);
  start.searchParams.set("host", host);
  start.searchParams.set("return", uri.startsWith("/") ? uri : "/");
  return redirect(start.toString());
}

/** Path routing: /{routeKey}[.{app}]/… on the app's own host, decided by the app's session cookie. */
async function pathRoute(request: ForwardAuthRequest): Promise<ForwardAuthAnswer> {
  const target = pathTargetOf(request.header("x-forwarded-uri"));
  const workspace = target ? await workspaceByRouteKey(target.routeKey) : null;
  const appKnown = workspace && (target?.app === null || workspace.apps.includes(target?.app ?? ""));
  const cookie = request.header("cookie");
  const token = SESSION_COOKIES.map((name) => readCookie(cookie, name)).find(Boolean);
  const session = token ? await sessionByToken(token) : null;
  const decision = decideForwardAuth({
    caller: session ? { id: session.userId, role: session.role } : null,
    target: workspace && appKnown ? { workspaceId: workspace.id, ownerId: workspace.ownerId } : null,
    expected: { workspaceId: request.query.get("ws"), ownerId: request.query.get("uid") },
  });
  if (decision.status === 200 && workspace) return allowed(workspace.id);
  if (decision.status === 401) return json(401, "UNAUTHENTICATED", "Sign in to open this workspace.");
  return FORBIDDEN();
}
