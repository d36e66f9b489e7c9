// Use case: bring a workspace up to date with its template (its workload was made from an older version). Its owner
// or an admin confirms; the workload is made anew from the current template on the same data volume. A running one
// runs again, and the call returns once it is ready, as a launch does; a stopped one is re-created at its next
// start (as a saved settings change is), so confirming never starts what was stopped.
import "server-only";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { templateFromRow } from "@/lib/templates/template";
import { imageMissing } from "@/lib/workspaces/bring-up";
import { assertNotLaunching } from "@/lib/workspaces/busy";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { launchFound } from "@/lib/workspaces/launch-workspace";
import { findVisibleWorkspace, findWorkload } from "@/lib/workspaces/workspace-store";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

export async function applyTemplateUpdate({
  actor,
  workspaceId,
}: {
  actor: Actor;
  workspaceId: string;
}): Promise<WorkspaceView> {
  return audited(
    actor,
    { action: "workspace.apply-update", target: { type: "workspace", id: workspaceId } },
    async (draft) => {
      const workspace = await findVisibleWorkspace(actor, workspaceId);
      draft.workspace(workspace);
      assertNotLaunching(workspace);
      const template = templateFromRow(workspace.template);
      const workload = await findWorkload(workspace);
      if (!workload || workspace.templateVersion >= template.version)
        throw new AppError("CONFLICT", "This workspace is already made from its template's current version.");
      draft.details.from_version = workspace.templateVersion;
      draft.details.to_version = template.version;
      // Before anything is marked: a missing image must leave the workspace as it was.
      if (!(await getRuntime().imageExists(template.image))) throw imageMissing(template);
      await getDb().workspace.update({ where: { id: workspace.id }, data: { pendingChange: "recreate" } });
      const running = workload.state === "running";
      draft.details.applied = running ? "now" : "next-start";
      if (running) await launchFound(workspace);
      return getWorkspace({ actor, workspaceId });
    },
  );
}
