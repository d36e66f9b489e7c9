// Use case: an admin enables a disabled account: they can sign in again. Their workspaces stay stopped until
// someone starts them.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { findUser, nameUser } from "@/lib/admin/user-rules";
import type { UserView } from "@/lib/admin/user-view";
import { userViewOf } from "@/lib/admin/user-views";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";

export async function enableUser({ actor, userId }: { actor: Actor; userId: string }): Promise<UserView> {
  assertAdmin(actor);
  return audited(actor, { action: "user.enable", target: { type: "user", id: userId } }, async (draft) => {
    const user = await findUser(userId);
    nameUser(draft, user);
    draft.details.was_disabled = user.disabledAt !== null;
    if (!user.disabledAt) return userViewOf(user);
    return userViewOf(await getDb().user.update({ where: { id: user.id }, data: { disabledAt: null } }));
  });
}
