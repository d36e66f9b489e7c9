// Use case: an admin removes an orphaned data volume from the engine, data and all — only with its name typed again
// (the data a deleted account left behind ends up here, so it takes the same deliberate step as deleting it there).
import "server-only";
import { findOrphanVolume, orphanOwner } from "@/lib/admin/find-orphan";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/get-runtime";

export async function removeOrphanVolume({
  actor,
  name,
  confirm,
}: {
  actor: Actor;
  name: string;
  /** The volume's name, typed again. */
  confirm: string;
}) {
  return audited(
    actor,
    { action: "orphan.remove", target: { type: "volume", id: name, name } },
    async (draft) => {
      const volume = await findOrphanVolume(actor, name);
      draft.owner = orphanOwner(volume);
      if (confirm.trim() !== volume.name)
        throw new AppError(
          "CONFIRMATION_REQUIRED",
          `Type the volume's name (${volume.name}) to confirm that its data is removed for good.`,
        );
      await getRuntime().removeVolume(volume.name);
      return { removed: true as const, name: volume.name };
    },
  );
}
