"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, userAction } from "@/lib/http/safe-action";
import { launchSlot } from "@/lib/workspaces/launch-slot";
import type { LaunchResult } from "@/lib/workspaces/with-launch";

// Server action: a dev or prod card's "Create & Open" — the same use case as POST /api/container/launch/[type].
export async function launchSlotAction(type: unknown): Promise<ActionResult<LaunchResult>> {
  return userAction(async (actor) => {
    const result = await launchSlot({ actor, type });
    revalidatePath("/dashboard");
    return result;
  });
}
