"use server";

import { revalidatePath } from "next/cache";
import { type DeleteUserResult, deleteUser } from "@/lib/admin/delete-user";
import { userNotFound } from "@/lib/admin/user-rules";
import { parseId, parseInput } from "@/lib/http/parse-input";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";
import { deleteUserSchema } from "@/lib/validations/admin-users";

// Server action: the users page's delete dialog — DELETE /api/v1/admin/users/[id] (volumes only when confirmed).
export async function deleteUserAction(id: unknown, input: unknown): Promise<ActionResult<DeleteUserResult>> {
  return adminAction(async (actor) => {
    const result = await deleteUser({
      actor,
      userId: parseId(id, userNotFound),
      input: parseInput(deleteUserSchema, input),
    });
    revalidatePath("/admin/users");
    revalidatePath("/admin/orphans");
    return result;
  });
}
