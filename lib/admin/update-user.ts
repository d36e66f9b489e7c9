// Use case behind PATCH /api/v1/admin/users/{id}: a role change, quotas, and disabling or enabling, in that order,
// each its own verb (and audit event). A refused one changes nothing after it.
import "server-only";
import { changeUserRole } from "@/lib/admin/change-user-role";
import { disableUser } from "@/lib/admin/disable-user";
import type { WorkspaceResult } from "@/lib/admin/each-workspace";
import { enableUser } from "@/lib/admin/enable-user";
import { setUserQuota } from "@/lib/admin/set-user-quota";
import type { UserView } from "@/lib/admin/user-view";
import type { Actor } from "@/lib/auth/actor";
import type { UpdateUserInput } from "@/lib/validations/admin-users";

export type UpdateUserResult = { user: UserView; stopped: WorkspaceResult[] };

export async function updateUser({
  actor,
  userId,
  input,
}: {
  actor: Actor;
  userId: string;
  input: UpdateUserInput;
}): Promise<UpdateUserResult> {
  let user: UserView | null = null;
  let stopped: WorkspaceResult[] = [];
  if (input.role !== undefined) user = await changeUserRole({ actor, userId, role: input.role });
  if (input.quota !== undefined) user = await setUserQuota({ actor, userId, quota: input.quota });
  if (input.disabled === true) {
    const result = await disableUser({ actor, userId });
    user = result.user;
    stopped = result.workspaces;
  } else if (input.disabled === false) user = await enableUser({ actor, userId });
  return { user: user as UserView, stopped };
}
