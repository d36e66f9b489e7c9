// Use case: an admin disables an account. At once: no sign-in, no session (their cookie is 401 on the next request),
// no workspace host or forward-auth access; their running workspaces stop through the stop use case with the admin
// as actor (stopped_reason "admin"), and none starts again while the account is disabled.
import "server-only";
import { afterAnyLaunch } from "@/lib/admin/after-launch";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { eachWorkspaceOf, type WorkspaceResult } from "@/lib/admin/each-workspace";
import { lockOutUser } from "@/lib/admin/lock-out-user";
import { assertNotSelf, findUser, nameUser } from "@/lib/admin/user-rules";
import type { UserView } from "@/lib/admin/user-view";
import { userViewOf } from "@/lib/admin/user-views";
import { auditItemsOf } from "@/lib/audit/audit-items";
import { audited } from "@/lib/audit/audited";
import type { AuditEntry } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { stopWorkspace } from "@/lib/workspaces/stop-workspace";

export type DisableResult = { user: UserView; workspaces: WorkspaceResult[] };

export async function disableUser({
  actor,
  userId,
}: {
  actor: Actor;
  userId: string;
}): Promise<DisableResult> {
  assertAdmin(actor);
  return audited(actor, { action: "user.disable", target: { type: "user", id: userId } }, async (draft) => {
    const user = await findUser(userId);
    nameUser(draft, user);
    assertNotSelf(actor, user, "disable");
    await lockOutUser(user.id);
    // One audit event for the whole verb: the stops it makes are its items, not rows of their own.
    const batch: Actor = { ...actor, auditBatch: [] as AuditEntry[] };
    const workspaces = await eachWorkspaceOf(user.id, (workspace) =>
      afterAnyLaunch(workspace, () => stopWorkspace({ actor: batch, workspaceId: workspace.id })),
    );
    draft.details.items = auditItemsOf(workspaces, batch.auditBatch ?? [], "workspace.stop");
    // Locked out either way; a stop that failed (the engine down) is this verb's outcome, and disabling again retries.
    const failed = workspaces.filter((result) => !result.ok);
    if (failed.length > 0)
      throw new AppError(
        failed[0]?.error?.code === "CONTAINER_ENGINE_UNAVAILABLE"
          ? "CONTAINER_ENGINE_UNAVAILABLE"
          : "CONFLICT",
        `The account is disabled and signed out everywhere, but ${failed.length} of its workspaces could not be stopped (${failed.map((result) => result.name).join(", ")}). Disable it again to retry.`,
      );
    return { user: await userViewOf(await findUser(user.id)), workspaces };
  });
}
