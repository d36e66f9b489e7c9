// Use cases: the actor's kept data volumes (from deleted workspaces), and removing one for good.
import "server-only";
import { audited } from "@/lib/audit/audited";
import { volumeTarget } from "@/lib/audit/targets";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/get-runtime";

export type KeptVolumeView = {
  id: string;
  name: string;
  workspace_name: string;
  template: string;
  kept_at: string;
};

export async function listKeptVolumes({ actor }: { actor: Actor }): Promise<KeptVolumeView[]> {
  const rows = await getDb().keptVolume.findMany({
    where: { ownerId: actor.userId },
    orderBy: { keptAt: "desc" },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.volumeName,
    workspace_name: row.workspaceName,
    template: row.templateName,
    kept_at: row.keptAt.toISOString(),
  }));
}

export function volumeNotFound(): AppError {
  return new AppError("VOLUME_NOT_FOUND", "There is no such kept volume.");
}

/** A kept volume the actor may use (their own; an admin any), or 404. */
export async function findKeptVolume(actor: Actor, id: string) {
  if (typeof id !== "string" || id.length > 64) throw volumeNotFound();
  const row = await getDb().keptVolume.findFirst({
    where: { id, ...(isAdmin(actor) ? {} : { ownerId: actor.userId }) },
  });
  if (!row) throw volumeNotFound();
  return row;
}

export async function removeKeptVolume({
  actor,
  volumeId,
}: {
  actor: Actor;
  volumeId: string;
}): Promise<{ removed: true }> {
  return audited(actor, { action: "volume.remove", target: volumeTarget(volumeId) }, async (draft) => {
    const row = await findKeptVolume(actor, volumeId);
    draft.target = { type: "volume", id: row.id, name: row.volumeName };
    draft.owner = await getDb().user.findUnique({
      where: { id: row.ownerId },
      select: { id: true, email: true },
    });
    draft.details.workspace_name = row.workspaceName;
    await getRuntime().removeVolume(row.volumeName);
    await getDb().keptVolume.deleteMany({ where: { id: row.id } });
    return { removed: true as const };
  });
}
