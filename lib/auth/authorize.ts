// The one policy for workspaces: their owner or an admin may see and act on them. Reads use it as a where clause,
// so a workspace the actor may not see is simply not found (404, never 403: no probing for names).
import type { Actor } from "@/lib/auth/actor";

export function isAdmin(actor: Actor): boolean {
  return actor.role === "ADMIN";
}

/** The Prisma where clause of the workspaces this actor may see. */
export function visibleWorkspaces(actor: Actor): { ownerId?: string } {
  return isAdmin(actor) ? {} : { ownerId: actor.userId };
}

export function mayActOnWorkspace(actor: Actor, workspace: { ownerId: string }): boolean {
  return isAdmin(actor) || workspace.ownerId === actor.userId;
}
