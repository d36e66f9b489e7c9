// Use case: start a workspace — the launch, without opening anything: its workload is made if it is missing
// (data kept), started, and the call returns once its primary app answers.
import "server-only";
import { audited } from "@/lib/audit/audited";
import { workspaceTarget } from "@/lib/audit/targets";
import type { Actor } from "@/lib/auth/actor";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { launchFound } from "@/lib/workspaces/launch-workspace";
import { findVisibleWorkspace } from "@/lib/workspaces/workspace-store";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

export async function startWorkspace({
  actor,
  workspaceId,
}: {
  actor: Actor;
  workspaceId: string;
}): Promise<WorkspaceView> {
  return audited(
    actor,
    { action: "workspace.start", target: workspaceTarget(workspaceId) },
    async (draft) => {
      const found = await findVisibleWorkspace(actor, workspaceId);
      draft.workspace(found);
      await launchFound(found);
      return getWorkspace({ actor, workspaceId });
    },
  );
}
