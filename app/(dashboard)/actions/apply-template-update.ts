"use server";

import { revalidatePath } from "next/cache";
import { parseId } from "@/lib/http/parse-input";
import { type ActionResult, userAction } from "@/lib/http/safe-action";
import { applyTemplateUpdate } from "@/lib/workspaces/apply-template-update";
import { workspaceNotFound } from "@/lib/workspaces/workspace-store";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

// Server action: "Update" on a workspace page — the same use case as POST /api/workspaces/[id]/update.
export async function applyTemplateUpdateAction(id: unknown): Promise<ActionResult<WorkspaceView>> {
  return userAction(async (actor) => {
    const result = await applyTemplateUpdate({ actor, workspaceId: parseId(id, workspaceNotFound) });
    revalidatePath("/dashboard");
    revalidatePath(`/workspaces/${result.id}`);
    return result;
  });
}
