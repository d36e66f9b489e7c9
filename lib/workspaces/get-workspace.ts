// Use case: one workspace the actor may see, with live status (404 WORKSPACE_NOT_FOUND otherwise).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { findVisibleWorkspace, findWorkload } from "@/lib/workspaces/workspace-store";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";
import { viewOf } from "@/lib/workspaces/workspace-views";

export async function getWorkspace({
  actor,
  workspaceId,
}: {
  actor: Actor;
  workspaceId: string;
}): Promise<WorkspaceView> {
  const row = await findVisibleWorkspace(actor, workspaceId);
  return viewOf(row, await findWorkload(row));
}
