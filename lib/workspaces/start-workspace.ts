// Use case: start a workspace — the launch, without opening anything: its workload is made if it is missing
// (data kept), started, and the call returns once its primary app answers.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { launchWorkspace } from "@/lib/workspaces/launch-workspace";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

export async function startWorkspace({
  actor,
  workspaceId,
}: {
  actor: Actor;
  workspaceId: string;
}): Promise<WorkspaceView> {
  await launchWorkspace({ actor, workspaceId });
  return getWorkspace({ actor, workspaceId });
}
