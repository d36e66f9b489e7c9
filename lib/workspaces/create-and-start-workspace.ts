// Use case: create a workspace and start it, as one step for automation (POST /api/v1/workspaces). A start that
// fails (a quota, capacity, a clone, an app that never answers) takes the new workspace away again, so a client
// is left with nothing half-made and can simply retry: its new volume goes, a kept volume it was given is kept
// again as it was (the same id, name and date). When that can't be done (someone started it meanwhile), the error
// says so: `error.details.rolled_back` is false.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CreateWorkspaceInput } from "@/lib/validations/workspace";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { findKeptVolume } from "@/lib/workspaces/kept-volumes";
import { startWorkspace } from "@/lib/workspaces/start-workspace";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

export async function createAndStartWorkspace({
  actor,
  input,
}: {
  actor: Actor;
  input: CreateWorkspaceInput;
}): Promise<WorkspaceView> {
  const kept = input.volume ? await findKeptVolume(actor, input.volume) : null;
  const created = await createWorkspace({ actor, input });
  try {
    return await startWorkspace({ actor, workspaceId: created.id });
  } catch (error) {
    if (await takeBack(actor, created.id, kept)) throw error;
    if (!(error instanceof AppError)) throw error;
    throw new AppError(error.code, error.message, {
      ...error.details,
      data: { ...error.details?.data, rolled_back: false },
    });
  }
}

/** Deletes the new workspace: its volume too, unless it was a kept one, which is kept again under its own id. */
async function takeBack(
  actor: Actor,
  workspaceId: string,
  kept: Awaited<ReturnType<typeof findKeptVolume>> | null,
): Promise<boolean> {
  try {
    await deleteWorkspace({ actor, workspaceId, keepData: kept !== null });
    if (kept)
      await getDb().keptVolume.update({
        where: { volumeName: kept.volumeName },
        data: {
          id: kept.id,
          workspaceName: kept.workspaceName,
          templateName: kept.templateName,
          keptAt: kept.keptAt,
        },
      });
    return true;
  } catch (cleanup) {
    console.error(
      `[workspaces] could not take back ${workspaceId} after its start failed:`,
      (cleanup as Error).message,
    );
    return false;
  }
}
