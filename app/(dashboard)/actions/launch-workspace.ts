"use server";

import { revalidatePath } from "next/cache";
import { parseId } from "@/lib/http/parse-input";
import { type ActionResult, userAction } from "@/lib/http/safe-action";
import { launchWorkspace } from "@/lib/workspaces/launch-workspace";
import type { LaunchResult } from "@/lib/workspaces/with-launch";
import { workspaceNotFound } from "@/lib/workspaces/workspace-store";

// Server action: "Open" / "Start" of a workspace — the same use case as POST /api/workspaces/[id]/start.
export async function launchWorkspaceAction(id: unknown): Promise<ActionResult<LaunchResult>> {
  return userAction(async (actor) => {
    const result = await launchWorkspace({ actor, workspaceId: parseId(id, workspaceNotFound) });
    revalidatePath("/dashboard");
    return result;
  });
}
