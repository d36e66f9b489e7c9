// Use cases: which launch a progress stream follows — a workspace the actor may see, or the actor's own slot
// (which may not exist yet, so it is named by owner and slot name).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { launchKey } from "@/lib/workspaces/in-flight";
import { parseSlotType } from "@/lib/workspaces/launch-slot";
import { findVisibleWorkspace } from "@/lib/workspaces/workspace-store";

export async function workspaceProgressKey({ actor, workspaceId }: { actor: Actor; workspaceId: string }) {
  const workspace = await findVisibleWorkspace(actor, workspaceId);
  return launchKey(workspace.ownerId, workspace.name);
}

export function slotProgressKey({ actor, type }: { actor: Actor; type: unknown }) {
  return launchKey(actor.userId, parseSlotType(type));
}
