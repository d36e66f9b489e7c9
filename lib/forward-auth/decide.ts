// Forward-auth decisions for Traefik: only a container's owner (or an admin) gets through.
import { isContainerType } from "@/lib/templates/registry";

export type Target = { slug: string; type: string };
export type Caller = { id: string; role: "USER" | "ADMIN" } | null;
export type Decision = { status: 200 | 401 | 403; reason: string };

/**
 * The container a forwarded URI addresses, read the way Traefik routes it: the path decoded once
 * (Go's URL.Path), dot segments and repeated slashes cleaned (sanitizePath), then the first segment.
 */
export function targetFromForwardedUri(uri: string | null): Target | null {
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
  const match = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)-([a-z0-9]+)$/.exec(segments[0] ?? "");
  if (!match?.[1] || !match[2] || !isContainerType(match[2])) return null;
  return { slug: match[1], type: match[2] };
}

/**
 * caller: who the session cookie says; targetOwnerId: owner of the addressed container (null if none);
 * expectedOwnerId: the uid the container's own middleware names (null when absent).
 */
export function decideForwardAuth(input: {
  caller: Caller;
  targetOwnerId: string | null;
  expectedOwnerId: string | null;
}): Decision {
  const { caller, targetOwnerId, expectedOwnerId } = input;
  if (!caller) return { status: 401, reason: "no session" };
  if (!targetOwnerId) return { status: 403, reason: "no such container" };
  // The path and the middleware must name the same owner, or someone is playing with the path.
  if (expectedOwnerId && expectedOwnerId !== targetOwnerId)
    return { status: 403, reason: "path does not match route" };
  if (caller.role === "ADMIN") return { status: 200, reason: "admin" };
  if (caller.id === targetOwnerId) return { status: 200, reason: "owner" };
  return { status: 403, reason: "not the owner" };
}
