// Use case: the seed's "Create & Open" of the dev or prod slot. The slot is the owner's workspace of that name,
// created on its first launch; a first launch that fails before anything exists leaves no row behind.
import "server-only";
import { audited } from "@/lib/audit/audited";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { admitStart } from "@/lib/resources/admission";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { isSlotName, SLOT_NAMES, type SlotName } from "@/lib/templates/seeded-templates";
import { templateFromRow } from "@/lib/templates/template";
import { findEnabledTemplate } from "@/lib/templates/template-store";
import { bringUp, imageMissing } from "@/lib/workspaces/bring-up";
import { launchKey } from "@/lib/workspaces/in-flight";
import { insertWorkspace } from "@/lib/workspaces/insert-workspace";
import { newWorkspaceId } from "@/lib/workspaces/names";
import { EMPTY_SETTINGS, effectiveLimits } from "@/lib/workspaces/settings";
import { type LaunchResult, withLaunch } from "@/lib/workspaces/with-launch";
import { findWorkload, findWorkspaceByName, type WorkspaceRecord } from "@/lib/workspaces/workspace-store";

export function parseSlotType(type: unknown) {
  if (isSlotName(type)) return type;
  throw new AppError(
    "INVALID_CONTAINER_TYPE",
    `Unknown container type. Use one of: ${SLOT_NAMES.join(", ")}.`,
  );
}

export async function launchSlot({ actor, type }: { actor: Actor; type: unknown }): Promise<LaunchResult> {
  const name = parseSlotType(type);
  return audited(
    actor,
    { action: "workspace.launch", target: { type: "workspace", name } },
    async (draft) => {
      draft.owner = { id: actor.userId, email: actor.email };
      try {
        return await launchOwnSlot(actor, name);
      } finally {
        // Twenty clicks share one launch: each caller's event names the slot's row, if there is one now.
        const row = await findWorkspaceByName(actor.userId, name).catch(() => null);
        if (row) draft.workspace(row);
      }
    },
  );
}

function launchOwnSlot(actor: Actor, name: SlotName): Promise<LaunchResult> {
  // A slot is made from the template of its name.
  return withLaunch({ ownerId: actor.userId, name, template: name }, async (progress) => {
    const existing = await findWorkspaceByName(actor.userId, name);
    const template = existing ? templateFromRow(existing.template) : await findEnabledTemplate(name);
    progress.step("image");
    if (!(await getRuntime().imageExists(template.image))) throw imageMissing(template);
    // Whether this launch wrote the slot's row (not found, and no other process wrote it first).
    let inserted = false;
    const id = newWorkspaceId();
    // Admitted before its row is written: a start refused by a quota or the capacity leaves nothing behind.
    if (!existing) {
      const limits = effectiveLimits(EMPTY_SETTINGS, template);
      await admitStart({
        key: launchKey(actor.userId, name),
        workspaceId: id,
        ownerId: actor.userId,
        memoryMb: limits.memoryMb,
        cpus: limits.cpus,
      });
    }
    const workspace =
      existing ??
      (await insertWorkspace({
        id,
        owner: { id: actor.userId, slug: actor.slug },
        name,
        displayName: template.displayName,
        templateId: template.id,
        settings: EMPTY_SETTINGS,
      })
        .then((row) => {
          inserted = true;
          return row;
        })
        .catch(async (error: unknown) => {
          // Another server process wrote the slot a moment ago: launch that one.
          const written =
            error instanceof AppError &&
            error.code === "NAME_TAKEN" &&
            (await findWorkspaceByName(actor.userId, name));
          if (!written) throw error;
          return written;
        }));
    try {
      const { workload, template: madeFrom } = await bringUp(workspace, progress, { justCreated: inserted });
      if (inserted) await recordCreated(actor, workspace);
      return {
        workspaceId: workspace.id,
        displayName: workspace.displayName,
        routeKey: workspace.routeKey,
        hostKey: workspace.hostKey,
        template: madeFrom,
        workload,
      };
    } catch (error) {
      // Nothing half-created: a slot row this launch wrote goes again when no workload came of it.
      if (inserted && !(await findWorkload(workspace).catch(() => ({}))))
        await getDb().workspace.deleteMany({ where: { id: workspace.id } });
      else if (inserted) await recordCreated(actor, workspace);
      throw error;
    }
  });
}

/** The slot's row this launch wrote, recorded once it is there to stay (a first launch may take it back). */
function recordCreated(actor: Actor, workspace: WorkspaceRecord): Promise<void> {
  return recordAudit(actor, {
    action: "workspace.create",
    target: { type: "workspace", id: workspace.id, name: workspace.name },
    owner: { id: workspace.owner.id, email: workspace.owner.email },
    details: { template: workspace.template.name, slot: true },
  });
}
