// Use case: delete a workspace: its workload goes, and its data volume too unless the owner keeps it (then it is
// listed to them as a kept volume, to attach to a new workspace or remove later).
import "server-only";
import { audited } from "@/lib/audit/audited";
import { workspaceTarget } from "@/lib/audit/targets";
import type { Actor } from "@/lib/auth/actor";
import { transaction } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { forgetWorkspace } from "@/lib/workspace-auth/access-cache";
import { assertNotLaunching } from "@/lib/workspaces/busy";
import { helperSelector } from "@/lib/workspaces/labels";
import { findVisibleWorkspace, findWorkload } from "@/lib/workspaces/workspace-store";

export type DeleteResult = { deleted: true; kept_volume: { id: string; name: string } | null };

export async function deleteWorkspace({
  actor,
  workspaceId,
  keepData,
}: {
  actor: Actor;
  workspaceId: string;
  keepData: boolean;
}): Promise<DeleteResult> {
  return audited(
    actor,
    { action: "workspace.delete", target: workspaceTarget(workspaceId) },
    async (draft) => {
      const workspace = await findVisibleWorkspace(actor, workspaceId);
      draft.workspace(workspace);
      draft.details.keep_data = keepData;
      assertNotLaunching(workspace);
      const runtime = getRuntime();
      // Nothing goes when the data can't: a Swarm node whose engine the app can't reach keeps its volume.
      const refusal = keepData ? null : await runtime.volumeRemovalRefusal?.(workspace.volumeName);
      if (refusal) throw new AppError("NOT_AVAILABLE", refusal);
      // The workload first: a volume in use can't be removed, and a crash after this step leaves only data behind.
      const workload = await findWorkload(workspace);
      if (workload) await runtime.remove(workload.id);
      // A clone helper a killed launch left behind still mounts the volume (and would keep it from being removed).
      for (const helper of await runtime.list(helperSelector(getEnv().LABEL_PREFIX, workspace.id)))
        await runtime.remove(helper.id);
      const volumeExists = await runtime.volumeExists(workspace.volumeName);
      if (!keepData && volumeExists) await runtime.removeVolume(workspace.volumeName);
      const kept = await transaction(async (tx) => {
        const row =
          keepData && volumeExists
            ? await tx.keptVolume.upsert({
                where: { volumeName: workspace.volumeName },
                create: {
                  ownerId: workspace.ownerId,
                  volumeName: workspace.volumeName,
                  workspaceName: workspace.name,
                  templateName: workspace.template.name,
                },
                update: { ownerId: workspace.ownerId, workspaceName: workspace.name, keptAt: new Date() },
              })
            : null;
        await tx.workspace.deleteMany({ where: { id: workspace.id } });
        return row;
      });
      // Its host's cookies and its route stop opening anything at once.
      forgetWorkspace(workspace.id);
      draft.details.kept_volume = kept?.volumeName ?? null;
      return { deleted: true, kept_volume: kept ? { id: kept.id, name: kept.volumeName } : null };
    },
  );
}
