// Use case: an admin removes an orphaned data volume from the engine, data and all.
import "server-only";
import { findOrphanVolume, orphanOwner } from "@/lib/admin/find-orphan";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { getRuntime } from "@/lib/runtime/get-runtime";

export async function removeOrphanVolume({ actor, name }: { actor: Actor; name: string }) {
  return audited(
    actor,
    { action: "orphan.remove", target: { type: "volume", id: name, name } },
    async (draft) => {
      const volume = await findOrphanVolume(actor, name);
      draft.owner = orphanOwner(volume);
      await getRuntime().removeVolume(volume.name);
      return { removed: true as const, name: volume.name };
    },
  );
}
