// Use case: the seed's two cards, dev and prod, whether created yet or not ("not_created" until first launched).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { SLOT_NAMES } from "@/lib/templates/seeded-templates";
import { listTemplates } from "@/lib/templates/template-store";
import { isInFlight, launchKey } from "@/lib/workspaces/in-flight";
import { listWorkspaces } from "@/lib/workspaces/list-workspaces";
import { type SlotView, slotView, type WorkspaceView } from "@/lib/workspaces/workspace-view";

export type Slot = { slot: SlotView; workspace: WorkspaceView | null };

/** Both slots (with their workspaces where they exist) and the actor's other workspaces. */
export async function listSlotsAndWorkspaces({
  actor,
}: {
  actor: Actor;
}): Promise<{ slots: Slot[]; others: WorkspaceView[] }> {
  const [templates, workspaces] = await Promise.all([
    listTemplates({ enabledOnly: false }),
    listWorkspaces({ actor }),
  ]);
  const slots = SLOT_NAMES.flatMap((name) => {
    const template = templates.find((candidate) => candidate.name === name);
    if (!template) return [];
    const workspace = workspaces.find((candidate) => candidate.name === name) ?? null;
    return [{ slot: slotView(template, workspace, isInFlight(launchKey(actor.userId, name))), workspace }];
  });
  const others = workspaces.filter(
    (workspace) => !(SLOT_NAMES as readonly string[]).includes(workspace.name),
  );
  return { slots, others };
}

export async function listSlots({ actor }: { actor: Actor }): Promise<SlotView[]> {
  return (await listSlotsAndWorkspaces({ actor })).slots.map((entry) => entry.slot);
}
