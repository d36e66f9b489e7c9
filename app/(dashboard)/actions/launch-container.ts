"use server";

import { revalidatePath } from "next/cache";
import { type LaunchResult, launchContainer } from "@/lib/containers/launch-container";
import { type ActionResult, userAction } from "@/lib/http/safe-action";

// Server action: the dashboard's "Create & Open" — same use case as POST /api/container/launch/[type].
export async function launchContainerAction(type: unknown): Promise<ActionResult<LaunchResult>> {
  return userAction(async (user) => {
    const result = await launchContainer({ owner: user, type });
    revalidatePath("/dashboard");
    return result;
  });
}
