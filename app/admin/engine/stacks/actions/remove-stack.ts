"use server";

import { revalidatePath } from "next/cache";
import { type RemovedStackView, removeStack } from "@/lib/engine/stacks/remove-stack";
import { stackNotFound } from "@/lib/engine/stacks/stack-errors";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";

// Server action: Remove on the stacks page — DELETE /api/v1/admin/engine/stacks/[name]?volumes=&confirm=.
export async function removeStackAction(
  name: unknown,
  options: { volumes?: unknown; confirm?: unknown },
): Promise<ActionResult<RemovedStackView>> {
  return adminAction(async (actor) => {
    if (typeof name !== "string") throw stackNotFound("");
    const result = await removeStack({
      actor,
      name,
      volumes: options?.volumes === true,
      confirm: typeof options?.confirm === "string" ? options.confirm : undefined,
    });
    revalidatePath("/admin/engine/stacks");
    return result;
  });
}
