"use server";

import { revalidatePath } from "next/cache";
import { stackNotFound } from "@/lib/engine/stacks/stack-errors";
import type { StackView } from "@/lib/engine/stacks/stack-view";
import { stopStack } from "@/lib/engine/stacks/stop-stack";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";

// Server action: Stop on the stacks page — POST /api/v1/admin/engine/stacks/[name]/stop?confirm=.
export async function stopStackAction(name: unknown, confirm: unknown): Promise<ActionResult<StackView>> {
  return adminAction(async (actor) => {
    if (typeof name !== "string") throw stackNotFound("");
    const result = await stopStack({
      actor,
      name,
      confirm: typeof confirm === "string" ? confirm : undefined,
    });
    revalidatePath("/admin/engine/stacks");
    return result;
  });
}
