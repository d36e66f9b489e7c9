// Use case: Traefik asks whether this request may reach the workspace it addresses (by its route key).
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { type Decision, decideForwardAuth, routeKeyFromForwardedUri } from "@/lib/forward-auth/decide";

export async function checkForwardAuth(input: {
  caller: SessionUser | null;
  forwardedUri: string | null;
  expectedWorkspaceId: string | null;
  expectedOwnerId: string | null;
}): Promise<Decision> {
  const key = routeKeyFromForwardedUri(input.forwardedUri);
  const found = key
    ? await getDb().workspace.findUnique({ where: { routeKey: key }, select: { id: true, ownerId: true } })
    : null;
  return decideForwardAuth({
    caller: input.caller ? { id: input.caller.id, role: input.caller.role } : null,
    target: found ? { workspaceId: found.id, ownerId: found.ownerId } : null,
    expected: { workspaceId: input.expectedWorkspaceId, ownerId: input.expectedOwnerId },
  });
}
