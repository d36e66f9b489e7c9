// Use case: a new workspace for the actor from a template, with its settings (repository, environment, secret
// files, limits) and either a new data volume or one of their kept ones. It is created, not started.
import "server-only";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { transaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isSlotName } from "@/lib/templates/seeded-templates";
import { findEnabledTemplate } from "@/lib/templates/template-store";
import type { CreateWorkspaceInput } from "@/lib/validations/workspace";
import { insertWorkspace } from "@/lib/workspaces/insert-workspace";
import { findKeptVolume } from "@/lib/workspaces/kept-volumes";
import { newWorkspaceId } from "@/lib/workspaces/names";
import { EMPTY_SETTINGS } from "@/lib/workspaces/settings";
import { settingsChanges } from "@/lib/workspaces/settings-changes";
import { settingsFrom } from "@/lib/workspaces/settings-input";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";
import { viewOf } from "@/lib/workspaces/workspace-views";

export async function createWorkspace({
  actor,
  input,
}: {
  actor: Actor;
  input: CreateWorkspaceInput;
}): Promise<WorkspaceView> {
  const target = { type: "workspace", name: String(input.name).slice(0, 64) };
  return audited(actor, { action: "workspace.create", target }, async (draft) => {
    // The actor's own, even when refused: a new workspace is always the creator's.
    draft.owner = { id: actor.userId, email: actor.email };
    if (isSlotName(input.name) && input.template !== input.name)
      throw new AppError("VALIDATION_FAILED", "Some fields are not valid.", {
        fields: {
          name: [
            `"${input.name}" is your ${input.name} slot's name; it is made from the ${input.name} template.`,
          ],
        },
      });
    const template = await findEnabledTemplate(input.template);
    const id = newWorkspaceId();
    const { settings, secrets } = settingsFrom(input, template, id, {
      settings: EMPTY_SETTINGS,
      secretPaths: new Set(),
      hasToken: false,
    });
    draft.details.template = template.name;
    Object.assign(draft.details, settingsChanges(EMPTY_SETTINGS, settings, secrets));
    const kept = input.volume ? await findKeptVolume(actor, input.volume) : null;
    if (kept && kept.ownerId !== actor.userId)
      throw new AppError("VOLUME_NOT_FOUND", "There is no such kept volume.");
    const row = await transaction(async (tx) => {
      // The kept volume is the new workspace's from now on; taking it twice at once fails on the delete.
      if (kept && (await tx.keptVolume.deleteMany({ where: { id: kept.id } })).count === 0)
        throw new AppError("VOLUME_NOT_FOUND", "This kept volume was just taken by another workspace.");
      return insertWorkspace(
        {
          id,
          owner: { id: actor.userId, slug: actor.slug },
          name: input.name,
          displayName: input.display_name || input.name,
          templateId: template.id,
          settings,
          secrets: secrets.upsert,
          volumeName: kept?.volumeName,
        },
        tx,
      );
    });
    draft.workspace(row);
    draft.details.kept_volume = kept?.volumeName ?? null;
    return viewOf(row, null);
  });
}
