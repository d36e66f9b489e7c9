// Use case: stop a workspace (its data stays). Stopping what is stopped or was never created is already done.
import "server-only";
import { audited } from "@/lib/audit/audited";
import { workspaceTarget } from "@/lib/audit/targets";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { assertNotLaunching, stopReasonFor } from "@/lib/workspaces/busy";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { findVisibleWorkspace, findWorkload } from "@/lib/workspaces/workspace-store";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

export async function stopWorkspace({
  actor,
  workspaceId,
}: {
  actor: Actor;
  workspaceId: string;
}): Promise<WorkspaceView> {
  return audited(actor, { action: "workspace.stop", target: workspaceTarget(workspaceId) }, async (draft) => {
    const workspace = await findVisibleWorkspace(actor, workspaceId);
    draft.workspace(workspace);
    assertNotLaunching(workspace);
    const workload = await findWorkload(workspace);
    // Not only a running one: a crashing app the engine keeps restarting ("failed") must stop too.
    const stops = workload !== null && workload.state !== "stopped";
    draft.details.was_running = stops;
    if (workload && stops) {
      await getRuntime().stop(workload.id);
      await getDb().workspace.update({
        where: { id: workspace.id },
        data: { stoppedReason: stopReasonFor(actor, workspace), stoppedAt: new Date() },
      });
    }
    return getWorkspace({ actor, workspaceId });
  });
}
