// Use case: bring a workspace up and open it. Not created: create and start. Stopped: start. Gone: create again
// (its data volume stays). Ready means its primary app answers HTTP.
import "server-only";
import { audited } from "@/lib/audit/audited";
import { workspaceTarget } from "@/lib/audit/targets";
import type { Actor } from "@/lib/auth/actor";
import { bringUp } from "@/lib/workspaces/bring-up";
import { type LaunchResult, withLaunch } from "@/lib/workspaces/with-launch";
import {
  findVisibleWorkspace,
  findWorkspaceByName,
  type WorkspaceRecord,
  workspaceNotFound,
} from "@/lib/workspaces/workspace-store";

export async function launchWorkspace({
  actor,
  workspaceId,
}: {
  actor: Actor;
  workspaceId: string;
}): Promise<LaunchResult> {
  return audited(
    actor,
    { action: "workspace.launch", target: workspaceTarget(workspaceId) },
    async (draft) => {
      const found = await findVisibleWorkspace(actor, workspaceId);
      draft.workspace(found);
      return launchFound(found);
    },
  );
}

/** The launch itself, for use cases that record their own event (start, restart, a settings change applied now). */
export function launchFound(found: WorkspaceRecord): Promise<LaunchResult> {
  return withLaunch(
    { ownerId: found.ownerId, name: found.name, template: found.template.name },
    async (progress) => {
      // Read again inside the single flight: a launch that just finished may have changed the row.
      const workspace = await findWorkspaceByName(found.ownerId, found.name);
      if (!workspace) throw workspaceNotFound();
      const { workload, template } = await bringUp(workspace, progress);
      return {
        workspaceId: workspace.id,
        displayName: workspace.displayName,
        routeKey: workspace.routeKey,
        hostKey: workspace.hostKey,
        template,
        workload,
      };
    },
  );
}
