"use server";

import { revalidatePath } from "next/cache";
import { parseId } from "@/lib/http/parse-input";
import { type ActionResult, userAction } from "@/lib/http/safe-action";
import { restartWorkspace } from "@/lib/workspaces/restart-workspace";
import { workspaceNotFound } from "@/lib/workspaces/workspace-store";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

// Server action: Restart on a workspace's card or page — the same use case as POST /api/workspaces/[id]/restart.
export async function restartWorkspaceAction(id: unknown): Promise<ActionResult<WorkspaceView>> {
  return userAction(async (actor) => {
    const result = await restartWorkspace({ actor, workspaceId: parseId(id, workspaceNotFound) });
    revalidatePath("/dashboard");
    return result;
  });
}
