"use server";

import { revalidatePath } from "next/cache";
import { stackNotFound } from "@/lib/engine/stacks/stack-errors";
import type { StackView } from "@/lib/engine/stacks/stack-view";
import { startStack } from "@/lib/engine/stacks/start-stack";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";

// Server action: Start on the stacks page — POST /api/v1/admin/engine/stacks/[name]/start.
export async function startStackAction(name: unknown): Promise<ActionResult<StackView>> {
  return adminAction(async (actor) => {
    if (typeof name !== "string") throw stackNotFound("");
    const result = await startStack({ actor, name });
    revalidatePath("/admin/engine/stacks");
    return result;
  });
}
