// Use case: an admin gives an orphaned data volume to a user: it becomes one of their kept volumes, listed to them
// (GET /api/volumes) and attachable to a new workspace. The volume keeps its old labels; the row says whose it is.
import "server-only";
import { Prisma } from "@prisma/client";
import { findOrphanVolume, orphanOwner } from "@/lib/admin/find-orphan";
import { userNotFound } from "@/lib/admin/user-rules";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { KeptVolumeView } from "@/lib/workspaces/kept-volumes";

export type Recipient = { id: string } | { email: string };

export async function giveOrphanVolume({
  actor,
  name,
  recipient,
}: {
  actor: Actor;
  name: string;
  recipient: Recipient;
}): Promise<KeptVolumeView> {
  return audited(
    actor,
    { action: "orphan.give", target: { type: "volume", id: name, name } },
    async (draft) => {
      const volume = await findOrphanVolume(actor, name);
      const user = await getDb().user.findUnique({
        where: "id" in recipient ? { id: recipient.id } : { email: recipient.email.trim().toLowerCase() },
      });
      if (!user) throw userNotFound();
      draft.owner = { id: user.id, email: user.email };
      draft.details.previous_owner = orphanOwner(volume);
      try {
        const row = await getDb().keptVolume.create({
          data: {
            ownerId: user.id,
            volumeName: volume.name,
            workspaceName: await workspaceNameOf(volume),
            templateName: "given by an administrator",
          },
        });
        return {
          id: row.id,
          name: row.volumeName,
          workspace_name: row.workspaceName,
          template: row.templateName,
          kept_at: row.keptAt.toISOString(),
        };
      } catch (error) {
        // Given twice at once: the unique volume name lets one win.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
          throw new AppError("CONFLICT", "This volume was just given to someone else.");
        throw error;
      }
    },
  );
}

/** The name of the workspace the data came from, as the audit log last knew it; else the volume's own name. */
async function workspaceNameOf(volume: { name: string; workspace_id: string | null }): Promise<string> {
  if (!volume.workspace_id) return volume.name;
  const event = await getDb().auditEvent.findFirst({
    where: { targetType: "workspace", targetId: volume.workspace_id, targetName: { not: "" } },
    orderBy: { at: "desc" },
    select: { targetName: true },
  });
  return event?.targetName ?? volume.name;
}
