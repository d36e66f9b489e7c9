"use server";

import { revalidatePath } from "next/cache";
import { parseInput } from "@/lib/http/parse-input";
import { type ActionResult, userAction } from "@/lib/http/safe-action";
import { createWorkspaceSchema } from "@/lib/validations/workspace";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

// Server action: the "New workspace" dialog — the same schema and use case as POST /api/workspaces.
export async function createWorkspaceAction(input: unknown): Promise<ActionResult<WorkspaceView>> {
  return userAction(async (actor) => {
    const result = await createWorkspace({ actor, input: parseInput(createWorkspaceSchema, input) });
    revalidatePath("/dashboard");
    return result;
  });
}
