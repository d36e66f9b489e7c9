"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeUserRole } from "@/lib/admin/change-user-role";
import { userNotFound } from "@/lib/admin/user-rules";
import type { UserView } from "@/lib/admin/user-view";
import { parseId, parseInput } from "@/lib/http/parse-input";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";

const roleSchema = z.enum(["USER", "ADMIN"], { message: "The role must be USER or ADMIN." });

// Server action: the users page's role menu — PATCH /api/v1/admin/users/[id] { role }.
export async function changeUserRoleAction(id: unknown, role: unknown): Promise<ActionResult<UserView>> {
  return adminAction(async (actor) => {
    const user = await changeUserRole({
      actor,
      userId: parseId(id, userNotFound),
      role: parseInput(roleSchema, role),
    });
    revalidatePath("/admin/users");
    return user;
  });
}
