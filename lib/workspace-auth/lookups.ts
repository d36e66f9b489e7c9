// Lookups behind forward-auth, each answered from the access cache and only on a miss from the database.
import "server-only";
import { isActive } from "@/lib/auth/account-status";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { templateFromRow } from "@/lib/templates/template";
import {
  cached,
  type KnownWorkspace,
  type LiveSession,
  remember,
  sessionCaches,
  workspaceCaches,
} from "@/lib/workspace-auth/access-cache";
import { sessionRef } from "@/lib/workspace-auth/workspace-cookie";
import { appsMadeFrom } from "@/lib/workspaces/made-from";

/** The app's session cookie, under whichever name Auth.js gives it (https: __Host-, older: __Secure-). */
export const SESSION_COOKIES = [
  "__Host-authjs.session-token",
  "__Secure-authjs.session-token",
  "authjs.session-token",
];

const userSelect = { select: { id: true, role: true, disabledAt: true } } as const;

/** A session row as forward-auth sees it; a disabled account's is no session (even after the cache expired). */
function live(row: {
  sessionToken: string;
  expires: Date;
  user: { id: string; role: "USER" | "ADMIN"; disabledAt: Date | null };
}): LiveSession | null {
  if (!isActive(row.user)) return null;
  return {
    userId: row.user.id,
    role: row.user.role,
    expiresAt: row.expires.getTime(),
    ref: sessionRef(getEnv().AUTH_SECRET, row.sessionToken),
    token: row.sessionToken,
  };
}

const stillValid = (session: LiveSession | null | undefined, now: number) =>
  session && session.expiresAt > now ? session : null;

export async function sessionByToken(token: string, now = Date.now()): Promise<LiveSession | null> {
  const hit = cached(sessionCaches.byToken, token, now);
  if (hit !== undefined) return stillValid(hit, now);
  const row = await getDb().session.findUnique({
    where: { sessionToken: token },
    select: { sessionToken: true, expires: true, user: userSelect },
  });
  const session = row ? live(row) : null;
  remember(sessionCaches.byToken, token, session, now);
  if (session) remember(sessionCaches.byRef, session.ref, session, now);
  return stillValid(session, now);
}

/** The app session a workspace cookie names, by its reference: the user's sessions are few. */
export async function sessionByRef(
  userId: string,
  ref: string,
  now = Date.now(),
): Promise<LiveSession | null> {
  const hit = cached(sessionCaches.byRef, ref, now);
  if (hit !== undefined) return hit?.userId === userId ? stillValid(hit, now) : null;
  const rows = await getDb().session.findMany({
    where: { userId, expires: { gt: new Date(now) } },
    select: { sessionToken: true, expires: true, user: userSelect },
  });
  let found: LiveSession | null = null;
  for (const row of rows) {
    const session = live(row);
    if (!session) continue;
    remember(sessionCaches.byRef, session.ref, session, now);
    if (session.ref === ref) found = session;
  }
  if (!found) remember(sessionCaches.byRef, ref, null, now);
  return found;
}

const workspaceSelect = {
  id: true,
  ownerId: true,
  hostKey: true,
  routeKey: true,
  apps: true,
  template: true,
} as const;

function known(row: {
  id: string;
  ownerId: string;
  hostKey: string | null;
  routeKey: string;
  apps: string | null;
  template: Parameters<typeof templateFromRow>[0];
}): KnownWorkspace {
  return {
    id: row.id,
    ownerId: row.ownerId,
    hostKey: row.hostKey,
    routeKey: row.routeKey,
    // The apps its workload was made from: a later edit of the template routes nothing new until a re-creation.
    apps: appsMadeFrom(row, templateFromRow(row.template).apps).map((app) => app.name),
  };
}

export async function workspaceByHostKey(hostKey: string, now = Date.now()): Promise<KnownWorkspace | null> {
  const hit = cached(workspaceCaches.byHostKey, hostKey, now);
  if (hit !== undefined) return hit;
  const row = await getDb().workspace.findUnique({ where: { hostKey }, select: workspaceSelect });
  const workspace = row ? known(row) : null;
  remember(workspaceCaches.byHostKey, hostKey, workspace, now);
  return workspace;
}

export async function workspaceByRouteKey(
  routeKey: string,
  now = Date.now(),
): Promise<KnownWorkspace | null> {
  const hit = cached(workspaceCaches.byRouteKey, routeKey, now);
  if (hit !== undefined) return hit;
  const row = await getDb().workspace.findUnique({ where: { routeKey }, select: workspaceSelect });
  const workspace = row ? known(row) : null;
  remember(workspaceCaches.byRouteKey, routeKey, workspace, now);
  return workspace;
}
