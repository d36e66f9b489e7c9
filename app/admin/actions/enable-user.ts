"use server";

import { revalidatePath } from "next/cache";
import { enableUser } from "@/lib/admin/enable-user";
import { userNotFound } from "@/lib/admin/user-rules";
import type { UserView } from "@/lib/admin/user-view";
import { parseId } from "@/lib/http/parse-input";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";

// Server action: Enable on the users page — PATCH /api/v1/admin/users/[id] { disabled: false }.
export async function enableUserAction(id: unknown): Promise<ActionResult<UserView>> {
  return adminAction(async (actor) => {
    const user = await enableUser({ actor, userId: parseId(id, userNotFound) });
    revalidatePath("/admin/users");
    return user;
  });
}
