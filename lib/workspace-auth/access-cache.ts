// What forward-auth needs to decide without a database round trip per request: live app sessions (by token for
// path routing, by reference for workspace cookies) and workspaces by route or host key. Signing out, deleting a
// workspace, disabling or deleting a user drop their entries at once; the 5 s lifetime bounds what the app cannot
// see happen (a row deleted by hand, another process), at one query per session every 5 s. On globalThis: one
// cache per process for the route handlers, the server actions and the fast path alike.
const TTL_MS = 5_000;

export type LiveSession = {
  userId: string;
  role: "USER" | "ADMIN";
  expiresAt: number;
  ref: string;
  token: string;
};
export type KnownWorkspace = {
  id: string;
  ownerId: string;
  hostKey: string | null;
  routeKey: string;
  apps: string[];
};

type Entry<T> = { value: T | null; until: number };
type Caches = {
  byToken: Map<string, Entry<LiveSession>>;
  byRef: Map<string, Entry<LiveSession>>;
  byHostKey: Map<string, Entry<KnownWorkspace>>;
  byRouteKey: Map<string, Entry<KnownWorkspace>>;
};

const store = globalThis as unknown as { spawnerAccessCache?: Caches };
store.spawnerAccessCache ??= {
  byToken: new Map(),
  byRef: new Map(),
  byHostKey: new Map(),
  byRouteKey: new Map(),
};
const caches = store.spawnerAccessCache;

/** A cached value (null: known not to exist), or undefined when it must be looked up. */
export function cached<T>(map: Map<string, Entry<T>>, key: string, now = Date.now()): T | null | undefined {
  const entry = map.get(key);
  if (!entry) return undefined;
  if (entry.until <= now) {
    map.delete(key);
    return undefined;
  }
  return entry.value;
}

export function remember<T>(
  map: Map<string, Entry<T>>,
  key: string,
  value: T | null,
  now = Date.now(),
): void {
  // Bounded: a flood of made-up keys must not grow memory without end.
  if (map.size > 50_000) map.clear();
  map.set(key, { value, until: now + TTL_MS });
}

export const sessionCaches = { byToken: caches.byToken, byRef: caches.byRef };
export const workspaceCaches = { byHostKey: caches.byHostKey, byRouteKey: caches.byRouteKey };

/** Sign-out: the session stops opening anything at once. */
export function forgetSession(token: string): void {
  const known = caches.byToken.get(token)?.value;
  caches.byToken.delete(token);
  if (known) caches.byRef.delete(known.ref);
  for (const [ref, entry] of caches.byRef) if (entry.value?.token === token) caches.byRef.delete(ref);
}

/** A user signed out everywhere, disabled or deleted. */
export function forgetUser(userId: string): void {
  for (const map of [caches.byToken, caches.byRef])
    for (const [key, entry] of map) if (entry.value?.userId === userId) map.delete(key);
}

/** A workspace deleted (or given another key). */
export function forgetWorkspace(workspaceId: string): void {
  for (const map of [caches.byHostKey, caches.byRouteKey])
    for (const [key, entry] of map)
      if (entry.value?.id === workspaceId || entry.value === null) map.delete(key);
}
