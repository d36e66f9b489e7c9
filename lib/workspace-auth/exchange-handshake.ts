// The workspace host's half of the sign-in handshake: GET /__spawner/auth?code=…&return=… (Traefik sends it through
// forward-auth, which answers it): a fresh single-use code for this very host becomes this host's own cookie.
import "server-only";
import { getEnv } from "@/lib/env";
import { answer, type ForwardAuthAnswer, redirect } from "@/lib/forward-auth/answer";
import type { KnownWorkspace } from "@/lib/workspace-auth/access-cache";
import { consumeCode } from "@/lib/workspace-auth/handshake-codes";
import { safeReturnPath } from "@/lib/workspace-auth/safe-return";
import { grantCookie, signGrant } from "@/lib/workspace-auth/workspace-cookie";

export function exchangeHandshake(input: {
  uri: string;
  host: string;
  workspace: KnownWorkspace;
}): ForwardAuthAnswer {
  const env = getEnv();
  const query = new URL(input.uri, "http://workspace.invalid").searchParams;
  const code = consumeCode(query.get("code"), input.host);
  if (!code || code.workspaceId !== input.workspace.id)
    return answer(
      403,
      "FORBIDDEN",
      "This sign-in link is used up or expired. Open the workspace from Spawner again.",
    );
  const now = Math.floor(Date.now() / 1000);
  const lifetime = env.WORKSPACE_SESSION_MINUTES * 60;
  const value = signGrant(env.AUTH_SECRET, {
    u: code.userId,
    w: code.workspaceId,
    h: input.host,
    s: code.sessionRef,
    i: now,
    e: now + lifetime,
  });
  // Absolute, on this host: Traefik resolves a relative Location from forward-auth against forward-auth's own
  // (internal) address (its preserveLocationHeader option is off by default, and newer than v3.3).
  const back = new URL(
    safeReturnPath(query.get("return")),
    `${new URL(env.APP_URL).protocol}//${input.host}`,
  );
  return redirect(back.toString(), { "set-cookie": grantCookie(value, lifetime) });
}
