// Use case: an admin deletes an account. Its door shuts first (as disabling), then its workspaces go through the
// delete use case (containers removed) and its rows with the account (sessions, kept volumes: the User cascade).
// Data volumes (its workspaces', its kept ones, its orphaned ones) are removed only when the admin typed the
// account's address to confirm; otherwise they stay on the engine with their labels and are listed as orphans.
// Audit rows stay: history outlives accounts. If a workspace can't be deleted (the engine is down), the account
// stays, disabled, with what is left: deleting again finishes the work.
import "server-only";
import { afterAnyLaunch } from "@/lib/admin/after-launch";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { eachWorkspaceOf, type WorkspaceResult } from "@/lib/admin/each-workspace";
import { listOrphans } from "@/lib/admin/list-orphans";
import { lockOutUser } from "@/lib/admin/lock-out-user";
import { assertNotSelf, findUser, nameUser } from "@/lib/admin/user-rules";
import { auditItemsOf } from "@/lib/audit/audit-items";
import { audited } from "@/lib/audit/audited";
import type { AuditEntry } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { DeleteUserInput } from "@/lib/validations/admin-users";
import { forgetUser } from "@/lib/workspace-auth/access-cache";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { removeKeptVolume } from "@/lib/workspaces/kept-volumes";

export type DeleteUserResult = {
  deleted: true;
  workspaces: WorkspaceResult[];
  /** Kept and orphaned volumes removed (only with delete_volumes), and the volumes left on the engine as orphans. */
  volumes_removed: string[];
  volumes_left: string[];
};

export async function deleteUser({
  actor,
  userId,
  input,
}: {
  actor: Actor;
  userId: string;
  input: DeleteUserInput;
}): Promise<DeleteUserResult> {
  assertAdmin(actor);
  return audited(actor, { action: "user.delete", target: { type: "user", id: userId } }, async (draft) => {
    const user = await findUser(userId);
    nameUser(draft, user);
    draft.details.delete_volumes = input.delete_volumes;
    assertNotSelf(actor, user, "delete");
    if (input.delete_volumes && input.confirm.trim().toLowerCase() !== user.email)
      throw new AppError(
        "CONFIRMATION_REQUIRED",
        `Type the account's email address (${user.email}) to confirm that its data volumes are removed too.`,
      );
    await lockOutUser(user.id);
    const batch: Actor = { ...actor, auditBatch: [] as AuditEntry[] };
    const runtime = getRuntime();
    const workspaces = await eachWorkspaceOf(user.id, (workspace) =>
      afterAnyLaunch(workspace, () =>
        deleteWorkspace({ actor: batch, workspaceId: workspace.id, keepData: !input.delete_volumes }),
      ),
    );
    draft.details.items = auditItemsOf(workspaces, batch.auditBatch ?? [], "workspace.delete");
    const failed = workspaces.find((result) => !result.ok);
    if (failed)
      throw new AppError(
        failed.error?.code === "CONTAINER_ENGINE_UNAVAILABLE" ? "CONTAINER_ENGINE_UNAVAILABLE" : "CONFLICT",
        `The workspace "${failed.name}" could not be deleted (${failed.error?.message}) The account stays disabled; delete it again to finish.`,
      );
    // (Their workspaces' own volumes went with each workspace delete above.)
    const removed: string[] = [];
    if (input.delete_volumes)
      for (const kept of await getDb().keptVolume.findMany({ where: { ownerId: user.id } })) {
        await removeKeptVolume({ actor: batch, volumeId: kept.id });
        removed.push(kept.volumeName);
      }
    // What the engine still holds of theirs that nothing claims: a stray workload goes, a volume only if confirmed.
    const orphans = await listOrphans({ actor });
    for (const workload of orphans.workloads.filter((item) => item.owner?.id === user.id))
      await runtime.remove(workload.id);
    const left: string[] = [];
    for (const volume of orphans.volumes.filter((item) => item.owner?.id === user.id)) {
      if (!input.delete_volumes) {
        left.push(volume.name);
        continue;
      }
      await runtime.removeVolume(volume.name);
      removed.push(volume.name);
    }
    if (!input.delete_volumes)
      left.push(
        ...(await getDb().keptVolume.findMany({ where: { ownerId: user.id } })).map((row) => row.volumeName),
      );
    await getDb().$transaction([
      // A link mailed before would otherwise make a fresh account of the same address on its click.
      getDb().verificationToken.deleteMany({ where: { identifier: user.email } }),
      getDb().user.deleteMany({ where: { id: user.id } }),
    ]);
    forgetUser(user.id);
    draft.details.volumes_removed = removed.length;
    draft.details.volumes_left = left.length;
    return {
      deleted: true as const,
      workspaces,
      volumes_removed: [...new Set(removed)],
      volumes_left: [...new Set(left)],
    };
  });
}
