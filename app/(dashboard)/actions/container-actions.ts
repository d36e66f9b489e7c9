"use server";

import { revalidatePath } from "next/cache";
import { changeContainer, parseContainerAction } from "@/lib/containers/change-container";
import type { ContainerDetails } from "@/lib/containers/get-user-container";
import { type ActionResult, userAction } from "@/lib/http/safe-action";

// Server action: start, stop, restart or delete one of the caller's containers from the dashboard.
export async function containerAction(
  type: unknown,
  action: unknown,
): Promise<ActionResult<ContainerDetails>> {
  return userAction(async (user) => {
    const result = await changeContainer({ owner: user, type, action: parseContainerAction(action) });
    revalidatePath("/dashboard");
    return result;
  });
}
