"use server";

import { revalidatePath } from "next/cache";
import { parseId } from "@/lib/http/parse-input";
import { type ActionResult, userAction } from "@/lib/http/safe-action";
import { stopWorkspace } from "@/lib/workspaces/stop-workspace";
import { workspaceNotFound } from "@/lib/workspaces/workspace-store";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

// Server action: Stop on a workspace's card or page — the same use case as POST /api/workspaces/[id]/stop.
export async function stopWorkspaceAction(id: unknown): Promise<ActionResult<WorkspaceView>> {
  return userAction(async (actor) => {
    const result = await stopWorkspace({ actor, workspaceId: parseId(id, workspaceNotFound) });
    revalidatePath("/dashboard");
    return result;
  });
}
