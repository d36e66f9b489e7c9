// Use case: stop a workspace (its data stays). Stopping what is stopped or was never created is already done.
import "server-only";
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
  const workspace = await findVisibleWorkspace(actor, workspaceId);
  assertNotLaunching(workspace);
  const workload = await findWorkload(workspace);
  // Not only a running one: a crashing app the engine keeps restarting ("failed") must stop too.
  if (workload && workload.state !== "stopped") {
    await getRuntime().stop(workload.id);
    await getDb().workspace.update({
      where: { id: workspace.id },
      data: { stoppedReason: stopReasonFor(actor, workspace), stoppedAt: new Date() },
    });
  }
  return getWorkspace({ actor, workspaceId });
}
