// Use case: change a workspace's settings. Saved at once; a workload that exists gets the change by a restart
// (new limits) or a re-creation (environment, secret files) — now, when the caller confirms (apply_now), otherwise
// at its next start. Its data volume stays either way.
import "server-only";
import { audited } from "@/lib/audit/audited";
import { workspaceTarget } from "@/lib/audit/targets";
import type { Actor } from "@/lib/auth/actor";
import { transaction } from "@/lib/db";
import { admitStart, releaseStart } from "@/lib/resources/admission";
import { templateFromRow } from "@/lib/templates/template";
import type { UpdateWorkspaceInput } from "@/lib/validations/workspace";
import { assertNotLaunching } from "@/lib/workspaces/busy";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { launchKey } from "@/lib/workspaces/in-flight";
import { launchFound } from "@/lib/workspaces/launch-workspace";
import { effectiveLimits, parseSettings, serializeSettings } from "@/lib/workspaces/settings";
import { settingsChanges } from "@/lib/workspaces/settings-changes";
import { type Impact, impactOf, strongest } from "@/lib/workspaces/settings-impact";
import { settingsFrom } from "@/lib/workspaces/settings-input";
import { findVisibleWorkspace, findWorkload } from "@/lib/workspaces/workspace-store";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

export type UpdateResult = { workspace: WorkspaceView; takes: Impact; applied: boolean };

export async function updateWorkspaceSettings({
  actor,
  workspaceId,
  input,
}: {
  actor: Actor;
  workspaceId: string;
  input: UpdateWorkspaceInput;
}): Promise<UpdateResult> {
  return audited(
    actor,
    { action: "workspace.update", target: workspaceTarget(workspaceId) },
    async (draft) => {
      const workspace = await findVisibleWorkspace(actor, workspaceId);
      draft.workspace(workspace);
      assertNotLaunching(workspace);
      const before = parseSettings(workspace.settings);
      const fileSecrets = workspace.secrets.filter((secret) => secret.kind === "file");
      const { settings, secrets } = settingsFrom(input, templateFromRow(workspace.template), workspace.id, {
        settings: before,
        secretPaths: new Set(fileSecrets.map((secret) => secret.path)),
        hasToken: workspace.secrets.some((secret) => secret.kind === "git-token"),
      });
      const renamed = !!input.display_name && input.display_name !== workspace.displayName;
      Object.assign(draft.details, settingsChanges(before, settings, secrets, renamed));
      const workload = await findWorkload(workspace);
      const takes = workload ? impactOf(before, settings, secrets) : "none";
      const pending = strongest((workspace.pendingChange as Impact | null) ?? "none", takes);
      const save = () =>
        transaction(async (tx) => {
          await tx.workspace.update({
            where: { id: workspace.id },
            data: {
              displayName: input.display_name || undefined,
              settings: serializeSettings(settings),
              pendingChange: pending === "none" ? null : pending,
            },
          });
          if (secrets.removePaths.length > 0)
            await tx.workspaceSecret.deleteMany({
              where: { workspaceId: workspace.id, kind: "file", path: { in: secrets.removePaths } },
            });
          if (secrets.removeToken)
            await tx.workspaceSecret.deleteMany({ where: { workspaceId: workspace.id, kind: "git-token" } });
          for (const secret of secrets.upsert) {
            await tx.workspaceSecret.upsert({
              where: {
                workspaceId_kind_path: { workspaceId: workspace.id, kind: secret.kind, path: secret.path },
              },
              create: { ...secret, workspaceId: workspace.id },
              update: { size: secret.size, sealed: secret.sealed },
            });
          }
        });
      const running = workload?.state === "running";
      const applyNow = running && pending !== "none" && input.apply_now === true;
      const key = launchKey(workspace.ownerId, workspace.name);
      // Applied now, the new limits must fit the owner's quotas and the engine first: a refusal saves nothing.
      if (applyNow) {
        const limits = effectiveLimits(settings, templateFromRow(workspace.template));
        await admitStart({
          key,
          workspaceId: workspace.id,
          ownerId: workspace.ownerId,
          memoryMb: limits.memoryMb,
          cpus: limits.cpus,
          replacing: true,
          node: workload?.pinnedTo,
        });
      }
      try {
        await save();
        draft.details.takes = pending;
        draft.details.applied = applyNow;
        if (applyNow) await launchFound(workspace);
      } finally {
        // The launch releases what it was admitted with; this is for a save that failed before it.
        if (applyNow) releaseStart(key);
      }
      return { workspace: await getWorkspace({ actor, workspaceId }), takes: pending, applied: applyNow };
    },
  );
}
