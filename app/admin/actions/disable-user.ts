"use server";

import { revalidatePath } from "next/cache";
import { type DisableResult, disableUser } from "@/lib/admin/disable-user";
import { userNotFound } from "@/lib/admin/user-rules";
import { parseId } from "@/lib/http/parse-input";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";

// Server action: Disable on the users page — PATCH /api/v1/admin/users/[id] { disabled: true }.
export async function disableUserAction(id: unknown): Promise<ActionResult<DisableResult>> {
  return adminAction(async (actor) => {
    const result = await disableUser({ actor, userId: parseId(id, userNotFound) });
    revalidatePath("/admin/users");
    return result;
  });
}
