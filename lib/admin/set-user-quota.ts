// Use case: an admin gives an account quotas of its own (0: no limit) or gives them back to the platform's (null).
// Quotas are checked when a workspace is made or started: lowering one stops and deletes nothing, it counts from
// the next start.
import "server-only";
import type { User } from "@prisma/client";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { findUser, nameUser } from "@/lib/admin/user-rules";
import type { UserView } from "@/lib/admin/user-view";
import { userViewOf } from "@/lib/admin/user-views";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import type { UserQuotaInput } from "@/lib/validations/admin-users";

const COLUMNS = {
  workspaces: "quotaWorkspaces",
  running: "quotaRunning",
  memory_mb: "quotaMemoryMb",
  cpus: "quotaCpus",
} as const satisfies Record<keyof UserQuotaInput, keyof User>;

type OwnQuota = Record<keyof UserQuotaInput, number | null>;

const ownQuota = (user: User): OwnQuota => ({
  workspaces: user.quotaWorkspaces,
  running: user.quotaRunning,
  memory_mb: user.quotaMemoryMb,
  cpus: user.quotaCpus,
});

export async function setUserQuota({
  actor,
  userId,
  quota,
}: {
  actor: Actor;
  userId: string;
  quota: UserQuotaInput;
}): Promise<UserView> {
  assertAdmin(actor);
  return audited(actor, { action: "user.quota", target: { type: "user", id: userId } }, async (draft) => {
    const user = await findUser(userId);
    nameUser(draft, user);
    // The account's own values before and after (null: the platform's), so History says what changed.
    draft.details.from = ownQuota(user);
    const data: Partial<Record<(typeof COLUMNS)[keyof typeof COLUMNS], number | null>> = {};
    for (const key of Object.keys(COLUMNS) as (keyof UserQuotaInput)[])
      if (quota[key] !== undefined) data[COLUMNS[key]] = quota[key];
    const updated = await getDb().user.update({ where: { id: user.id }, data });
    draft.details.to = ownQuota(updated);
    return userViewOf(updated);
  });
}
