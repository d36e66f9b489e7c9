"use server";

import { revalidatePath } from "next/cache";
import { setUserQuota } from "@/lib/admin/set-user-quota";
import { userNotFound } from "@/lib/admin/user-rules";
import type { UserView } from "@/lib/admin/user-view";
import { parseId, parseInput } from "@/lib/http/parse-input";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";
import { userQuotaSchema } from "@/lib/validations/admin-users";

// Server action: the users page's quota dialog — PATCH /api/v1/admin/users/[id] { quota }.
export async function setUserQuotaAction(id: unknown, quota: unknown): Promise<ActionResult<UserView>> {
  return adminAction(async (actor) => {
    const user = await setUserQuota({
      actor,
      userId: parseId(id, userNotFound),
      quota: parseInput(userQuotaSchema, quota),
    });
    revalidatePath("/admin/users");
    return user;
  });
}
