// Use case: the app's half of the workspace sign-in handshake. A signed-in owner (or admin) of the workspace a host
// belongs to gets a single-use code for that host alone and is sent there to exchange it.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { mayActOnWorkspace } from "@/lib/auth/authorize";
import { getEnv } from "@/lib/env";
import { isCanonicalAppHost, parseAppHost } from "@/lib/ingress/workspace-host";
import { issueCode } from "@/lib/workspace-auth/handshake-codes";
import { HANDSHAKE_PATH } from "@/lib/workspace-auth/handshake-path";
import { workspaceByHostKey } from "@/lib/workspace-auth/lookups";
import { safeReturnPath } from "@/lib/workspace-auth/safe-return";
import { sessionRef } from "@/lib/workspace-auth/workspace-cookie";
import { workspaceNotFound } from "@/lib/workspaces/workspace-store";

export async function startHandshake(input: {
  actor: Actor;
  sessionToken: string;
  host: string;
  returnPath: string | null;
}): Promise<string> {
  const env = getEnv();
  const host = input.host.toLowerCase();
  const canonical = isCanonicalAppHost(host, env.WORKSPACE_DOMAIN, new URL(env.APP_URL).port);
  const parsed = canonical ? parseAppHost(host, env.WORKSPACE_DOMAIN) : null;
  const workspace = parsed ? await workspaceByHostKey(parsed.hostKey) : null;
  // Not a workspace host, or one the actor may not open: not found (never a redirect to anywhere else).
  if (!parsed || !workspace?.apps.includes(parsed.app) || !mayActOnWorkspace(input.actor, workspace))
    throw workspaceNotFound();
  const code = issueCode(
    {
      host,
      userId: input.actor.userId,
      workspaceId: workspace.id,
      sessionRef: sessionRef(env.AUTH_SECRET, input.sessionToken),
    },
    env.WORKSPACE_CODE_SECONDS * 1000,
  );
  const target = new URL(`${new URL(env.APP_URL).protocol}//${host}${HANDSHAKE_PATH}`);
  target.searchParams.set("code", code);
  target.searchParams.set("return", safeReturnPath(input.returnPath));
  return target.toString();
}
