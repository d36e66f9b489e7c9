// Use case: an admin makes an account an admin or a plain user. The last active admin can't be demoted.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { assertAdminsRemain, findUser, nameUser } from "@/lib/admin/user-rules";
import type { UserView } from "@/lib/admin/user-view";
import { userViewOf } from "@/lib/admin/user-views";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { transaction } from "@/lib/db";
import { forgetUser } from "@/lib/workspace-auth/access-cache";

export async function changeUserRole({
  actor,
  userId,
  role,
}: {
  actor: Actor;
  userId: string;
  role: "USER" | "ADMIN";
}): Promise<UserView> {
  assertAdmin(actor);
  return audited(actor, { action: "user.role", target: { type: "user", id: userId } }, async (draft) => {
    const user = await findUser(userId);
    nameUser(draft, user);
    draft.details.from = user.role;
    draft.details.to = role;
    if (user.role === role) return userViewOf(user);
    const changed = await transaction(async (tx) => {
      const updated = await tx.user.update({ where: { id: user.id }, data: { role } });
      await assertAdminsRemain(tx);
      return updated;
    });
    // Forward-auth caches the role (an admin may open others' workspaces): it counts from the next request.
    forgetUser(user.id);
    return userViewOf(changed);
  });
}
