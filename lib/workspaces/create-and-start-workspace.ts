// Use case: create a workspace and start it, as one step for automation (POST /api/v1/workspaces). A start that
// fails (a quota, capacity, a clone, an app that never answers) takes the new workspace away again, so a client
// is left with nothing half-made and can simply retry; a kept volume it was given is kept again.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { CreateWorkspaceInput } from "@/lib/validations/workspace";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { startWorkspace } from "@/lib/workspaces/start-workspace";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

export async function createAndStartWorkspace({
  actor,
  input,
}: {
  actor: Actor;
  input: CreateWorkspaceInput;
}): Promise<WorkspaceView> {
  const created = await createWorkspace({ actor, input });
  try {
    return await startWorkspace({ actor, workspaceId: created.id });
  } catch (error) {
    await deleteWorkspace({ actor, workspaceId: created.id, keepData: input.volume !== undefined }).catch(
      (cleanup: Error) =>
        console.error(
          `[workspaces] could not take back ${created.id} after its start failed:`,
          cleanup.message,
        ),
    );
    throw error;
  }
}
