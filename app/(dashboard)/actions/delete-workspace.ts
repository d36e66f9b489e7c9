"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseId, parseInput } from "@/lib/http/parse-input";
import { type ActionResult, userAction } from "@/lib/http/safe-action";
import { type DeleteResult, deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { workspaceNotFound } from "@/lib/workspaces/workspace-store";

const keepDataSchema = z.boolean({ message: "Say whether to keep the data (true or false)." });

// Server action: Delete, after the dialog asked whether to keep the data — DELETE /api/workspaces/[id].
export async function deleteWorkspaceAction(
  id: unknown,
  keepData: unknown,
): Promise<ActionResult<DeleteResult>> {
  return userAction(async (actor) => {
    const result = await deleteWorkspace({
      actor,
      workspaceId: parseId(id, workspaceNotFound),
      keepData: parseInput(keepDataSchema, keepData),
    });
    revalidatePath("/dashboard");
    return result;
  });
}
