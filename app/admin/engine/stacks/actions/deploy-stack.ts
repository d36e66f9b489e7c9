"use server";

import { revalidatePath } from "next/cache";
import { deployStack } from "@/lib/engine/stacks/deploy-stack";
import type { StackView } from "@/lib/engine/stacks/stack-view";
import { parseInput } from "@/lib/http/parse-input";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";
import { deployStackSchema } from "@/lib/validations/engine-stacks";

// Server action: Deploy on the stacks page — the same schema and use case as POST /api/v1/admin/engine/stacks.
export async function deployStackAction(input: unknown): Promise<ActionResult<StackView>> {
  return adminAction(async (actor) => {
    const { name, compose } = parseInput(deployStackSchema, input);
    const result = await deployStack({ actor, name, compose });
    revalidatePath("/admin/engine/stacks");
    return result;
  });
}
