// Use case: the actor's own workspaces, dev and prod first, then the others by name, with live status.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { SLOT_NAMES } from "@/lib/templates/seeded-templates";
import { workspaceInclude } from "@/lib/workspaces/workspace-store";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";
import { viewsOf } from "@/lib/workspaces/workspace-views";

const slotOrder = (name: string) => {
  const index = (SLOT_NAMES as readonly string[]).indexOf(name);
  return index === -1 ? SLOT_NAMES.length : index;
};

export async function listWorkspaces({ actor }: { actor: Actor }): Promise<WorkspaceView[]> {
  const rows = await getDb().workspace.findMany({
    where: { ownerId: actor.userId },
    include: workspaceInclude,
    orderBy: { name: "asc" },
  });
  rows.sort((a, b) => slotOrder(a.name) - slotOrder(b.name));
  return viewsOf(actor.userId, rows);
}
