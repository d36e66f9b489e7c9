// The one policy for workspaces: their owner or an admin may see and act on them. Reads use it as a where clause,
// so a workspace the actor may not see is simply not found (404, never 403: no probing for names).
import { type Actor, hasScope } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/tokens/scopes";

/** An admin acting as one: a session of an admin, or an admin's token with the admin scope (least privilege: an
 * admin's token without it acts as a plain user would). */
export function isAdmin(actor: Actor): boolean {
  return actor.role === "ADMIN" && hasScope(actor, "admin");
}

/** The Prisma where clause of the workspaces this actor may see. */
export function visibleWorkspaces(actor: Actor): { ownerId?: string } {
  return isAdmin(actor) ? {} : { ownerId: actor.userId };
}

export function mayActOnWorkspace(actor: Actor, workspace: { ownerId: string }): boolean {
  return isAdmin(actor) || workspace.ownerId === actor.userId;
}

/** 403 INSUFFICIENT_SCOPE for a token that does not carry the scope (a session carries every one). */
export function requireScope(actor: Actor, scope: Scope): void {
  if (!hasScope(actor, scope))
    throw new AppError("INSUFFICIENT_SCOPE", `This API token lacks the ${scope} scope.`, {
      data: { required: scope, granted: [...actor.scopes] },
    });
}
