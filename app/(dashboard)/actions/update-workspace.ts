"use server";

import { revalidatePath } from "next/cache";
import { parseId, parseInput } from "@/lib/http/parse-input";
import { type ActionResult, userAction } from "@/lib/http/safe-action";
import { updateWorkspaceSchema } from "@/lib/validations/workspace";
import { type UpdateResult, updateWorkspaceSettings } from "@/lib/workspaces/update-workspace-settings";
import { workspaceNotFound } from "@/lib/workspaces/workspace-store";

// Server action: the settings form of a workspace — the same schema and use case as PATCH /api/workspaces/[id].
export async function updateWorkspaceAction(
  id: unknown,
  input: unknown,
): Promise<ActionResult<UpdateResult>> {
  return userAction(async (actor) => {
    const result = await updateWorkspaceSettings({
      actor,
      workspaceId: parseId(id, workspaceNotFound),
      input: parseInput(updateWorkspaceSchema, input),
    });
    revalidatePath("/dashboard");
    return result;
  });
}
