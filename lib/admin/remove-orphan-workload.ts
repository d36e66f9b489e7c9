// Use case: an admin removes an orphaned workload now (the reconciler would after ORPHAN_GRACE_MS). Its data
// volume stays, and is listed as an orphaned volume: to give to someone or remove.
import "server-only";
import { findOrphanWorkload, orphanOwner } from "@/lib/admin/find-orphan";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { getRuntime } from "@/lib/runtime/get-runtime";

export async function removeOrphanWorkload({ actor, id }: { actor: Actor; id: string }) {
  return audited(actor, { action: "orphan.remove", target: { type: "workload", id } }, async (draft) => {
    const workload = await findOrphanWorkload(actor, id);
    draft.target = { type: "workload", id: workload.id, name: workload.name };
    draft.owner = orphanOwner(workload);
    await getRuntime().remove(workload.id);
    return { removed: true as const, id: workload.id };
  });
}
