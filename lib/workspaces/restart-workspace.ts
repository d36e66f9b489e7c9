// Use case: restart a running or stopped workspace's workload as it is (a settings change waiting for a restart
// is applied). Not created yet: start it instead.
import "server-only";
import { audited } from "@/lib/audit/audited";
import { workspaceTarget } from "@/lib/audit/targets";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { assertNotLaunching } from "@/lib/workspaces/busy";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { launchFound } from "@/lib/workspaces/launch-workspace";
import { assertOwnerActive } from "@/lib/workspaces/owner-active";
import { findVisibleWorkspace, findWorkload } from "@/lib/workspaces/workspace-store";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

export async function restartWorkspace({
  actor,
  workspaceId,
}: {
  actor: Actor;
  workspaceId: string;
}): Promise<WorkspaceView> {
  return audited(
    actor,
    { action: "workspace.restart", target: workspaceTarget(workspaceId) },
    async (draft) => {
      const workspace = await findVisibleWorkspace(actor, workspaceId);
      draft.workspace(workspace);
      assertNotLaunching(workspace);
      // A restart starts a stopped container: nothing of a disabled account runs.
      assertOwnerActive(workspace.owner);
      const workload = await findWorkload(workspace);
      // The workspace exists (so not 404): it has no container yet.
      if (!workload) throw new AppError("CONFLICT", "This workspace has no container yet. Start it first.");
      if (workspace.pendingChange || workload.state !== "running") {
        // A re-creation or new limits: the launch path applies them and waits until the app answers again. A stopped
        // one is a start: the launch admits it within the owner's quotas and the engine's capacity first.
        if (workspace.pendingChange) draft.details.applied = workspace.pendingChange;
        await launchFound(workspace);
      } else {
        await getRuntime().restart(workload.id);
        await getDb().workspace.update({
          where: { id: workspace.id },
          data: { lastUsedAt: new Date(), startedAt: new Date(), stoppedReason: null, stoppedAt: null },
        });
      }
      return getWorkspace({ actor, workspaceId });
    },
  );
}
