// Forward-auth decisions for Traefik: only a workspace's owner (or an admin) gets through.

export type Caller = { id: string; role: "USER" | "ADMIN" } | null;
export type Decision = { status: 200 | 401 | 403; reason: string };

/** The workspace a request addresses: its route key, and whose it is (null when no workspace has that key). */
export type Target = { workspaceId: string; ownerId: string } | null;

/** What the route's own middleware names: the workspace id (?ws=), or (routes made before workspaces) the owner. */
export type Expected = { workspaceId: string | null; ownerId: string | null };

const ROUTE_KEY = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const APP = /^[a-z0-9](?:[a-z0-9-]{0,14}[a-z0-9])?$/;

/**
 * The workspace (route key) and app a forwarded URI addresses under path routing: /{routeKey}/… is the primary
 * app, /{routeKey}.{app}/… another (route keys and app names hold no "."). Null for anything else.
 */
export function pathTargetOf(uri: string | null): { routeKey: string; app: string | null } | null {
  const first = firstSegmentOf(uri);
  if (!first || first.length > 220) return null;
  const [routeKey = "", app, extra] = first.split(".");
  if (extra !== undefined || !ROUTE_KEY.test(routeKey) || routeKey.length > 200) return null;
  if (app !== undefined && !APP.test(app)) return null;
  return { routeKey, app: app ?? null };
}

/** The route key alone (the primary app's path). */
export function routeKeyFromForwardedUri(uri: string | null): string | null {
  const target = pathTargetOf(uri);
  return target && target.app === null ? target.routeKey : null;
}

/** The path of a forwarded URI, decoded once and cleaned the way Traefik routes it (sanitizePath), or null. */
export function cleanPathOf(uri: string | null): string | null {
  if (!uri || uri.length > 8192) return null;
  const rawPath = uri.split(/[?#]/, 1)[0] ?? "";
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (path.includes("\0") || !path.startsWith("/")) return null;
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join("/")}`;
}

/**
 * The first path segment of a forwarded URI, read the way Traefik routes it: the path decoded once (Go's
 * URL.Path), dot segments and repeated slashes cleaned, then the first segment.
 */
function firstSegmentOf(uri: string | null): string | null {
  const path = cleanPathOf(uri);
  return path ? (path.split("/")[1] ?? "") || null : null;
}

export function decideForwardAuth(input: { caller: Caller; target: Target; expected: Expected }): Decision {
  const { caller, target, expected } = input;
  if (!caller) return { status: 401, reason: "no session" };
  if (!target) return { status: 403, reason: "no such workspace" };
  // The path and the route's middleware must name the same workspace, or someone is playing with the path.
  if (expected.workspaceId && expected.workspaceId !== target.workspaceId)
    return { status: 403, reason: "path does not match route" };
  if (expected.ownerId && expected.ownerId !== target.ownerId)
    return { status: 403, reason: "path does not match route" };
  if (caller.role === "ADMIN") return { status: 200, reason: "admin" };
  if (caller.id === target.ownerId) return { status: 200, reason: "owner" };
  return { status: 403, reason: "not the owner" };
}
