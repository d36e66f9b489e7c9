// A workspace being launched right now is not stopped, restarted, changed or deleted under the launch's feet.
import { AppError } from "@/lib/errors";
import { isInFlight, launchKey } from "@/lib/workspaces/in-flight";

export function assertNotLaunching(workspace: { ownerId: string; name: string }): void {
  if (isInFlight(launchKey(workspace.ownerId, workspace.name)))
    throw new AppError("CONFLICT", "This workspace is being launched right now. Try again in a moment.");
}

/** Why a workspace stopped, as the API names it: its owner stopped it, or an admin did. */
export function stopReasonFor(actor: { userId: string }, workspace: { ownerId: string }): "manual" | "admin" {
  return actor.userId === workspace.ownerId ? "manual" : "admin";
}
